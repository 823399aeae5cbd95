"use client";

import { useState } from "react";
import { Dialog } from "../../ui/Dialog";

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in sentences. */
  message: string;
  confirmLabel: string;
  busyLabel: string;
  /** Red for what cannot be taken back (deleting), indigo otherwise. */
  danger?: boolean;
  testId: string;
  /** Does it; resolves with why it failed, or null. */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

/** "Are you sure?" with the consequence spelled out, the server's refusal shown in place. */
export function ConfirmDialog({ title, message, confirmLabel, busyLabel, danger = false, testId, onConfirm, onClose }: ConfirmDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const failed = await onConfirm();
    setBusy(false);
    if (failed) setError(failed);
    else onClose();
  };
  return (
    <Dialog open onClose={onClose} title={title} width="max-w-md" testId={testId}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-600 dark:text-slate-300">{message}</p>
        {error && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Cancel
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void confirm()}
            className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${danger ? "bg-rose-600 hover:bg-rose-500" : "bg-indigo-600 hover:bg-indigo-500"}`}
          >
            {busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
