"use client";

import { useState } from "react";
import { Dialog } from "../../ui/Dialog";
import { DialogActions } from "../../ui/DialogActions";
import { FormError } from "../../ui/FormError";

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
        <FormError message={error} />
        <DialogActions onCancel={onClose} label={confirmLabel} busyLabel={busyLabel} busy={busy} danger={danger} onConfirm={() => void confirm()} />
      </div>
    </Dialog>
  );
}
