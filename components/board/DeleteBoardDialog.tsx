"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "../ui/apiRequest";
import { Dialog } from "../ui/Dialog";
import { DialogActions } from "../ui/DialogActions";
import { FormError } from "../ui/FormError";

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
        <FormError message={error} />
        <DialogActions onCancel={onClose} cancelLabel="Keep it" label="Delete board for everyone" busyLabel="Deleting…" busy={busy} danger onConfirm={() => void remove()} />
      </div>
    </Dialog>
  );
}
