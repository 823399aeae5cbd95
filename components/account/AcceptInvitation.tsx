"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { primaryButtonClass } from "../auth/AuthCard";
import { apiRequest } from "../ui/apiRequest";

/** Accepts the invitation for the signed-in account, then opens the board. */
export function AcceptInvitation({ secret, accountName }: { secret: string; accountName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setPending(true);
    setError(null);
    const result = await apiRequest<{ boardId: string }>("POST", `/api/invitations/${encodeURIComponent(secret)}`);
    if (!result.ok) {
      setError(result.error);
      setPending(false);
      return;
    }
    router.push(`/boards/${result.value.boardId}`);
  }

  return (
    <div className="flex flex-col gap-3">
      {error && (
        <p role="alert" data-testid="invitation-error" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
          {error}
        </p>
      )}
      <button type="button" disabled={pending} onClick={() => void accept()} className={primaryButtonClass}>
        {pending ? "Joining…" : `Accept as ${accountName}`}
      </button>
    </div>
  );
}
