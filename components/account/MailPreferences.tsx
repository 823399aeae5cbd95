"use client";

import { useState } from "react";
import { apiRequest } from "../ui/apiRequest";

/** One switch: whether mentions and replies also arrive by mail (they always reach the inbox). */
export function MailPreferences({ initial }: { initial: boolean }) {
  const [commentMail, setCommentMail] = useState(initial);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function change(next: boolean) {
    // Shown at once; put back if the server refuses.
    setCommentMail(next);
    setPending(true);
    setStatus(null);
    const result = await apiRequest<{ commentMail: boolean }>("PATCH", "/api/account", { commentMail: next });
    if (result.ok) {
      setCommentMail(result.value.commentMail);
      setStatus({ ok: true, message: result.value.commentMail ? "Mentions and replies will be mailed to you." : "Mentions and replies will no longer be mailed to you." });
    } else {
      setCommentMail(!next);
      setStatus({ ok: false, message: result.error });
    }
    setPending(false);
  }

  return (
    <div className="flex flex-col gap-3">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          data-testid="comment-mail"
          checked={commentMail}
          disabled={pending}
          onChange={(e) => void change(e.target.checked)}
          className="mt-0.5 size-4 accent-indigo-600"
        />
        <span>
          <span className="font-medium">Mail me mentions and replies</span>
          <span className="block text-slate-500 dark:text-slate-400">They always appear in your inbox; this also sends each one by email.</span>
        </span>
      </label>
      {status && (
        <p role={status.ok ? "status" : "alert"} className={`text-sm ${status.ok ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}>
          {status.message}
        </p>
      )}
    </div>
  );
}
