"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "../ui/apiRequest";
import { Dialog } from "../ui/Dialog";

/** Deleting is for everyone and for good: one more explicit step, and the server's answer shown. */
export function DeleteBoardDialog({ boardId, title, onClose }: { boardId: string; title: string; onClose: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    setError(null);
    const result = await apiRequest("DELETE", `/api/boards/${boardId}`);
    if (result.ok) return router.push("/");
    setError(result.error);
    setBusy(false);
  }

  return (
    <Dialog open onClose={onClose} title={`Delete “${title || "Untitled roadmap"}”?`} width="max-w-md" testId="delete-board-dialog">
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          The roadmap, its members and its share links are deleted for everyone, and everyone on it now is disconnected. This
          cannot be undone.
        </p>
        {error && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={onClose}
            className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            Keep it
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void remove()}
            className="rounded-md bg-rose-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-500 disabled:opacity-60"
          >
            {busy ? "Deleting…" : "Delete board for everyone"}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
