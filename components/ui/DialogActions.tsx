interface DialogActionsProps {
  onCancel: () => void;
  /** What backing out says ("Cancel", or "Keep it" before a deletion). */
  cancelLabel?: string;
  /** The one thing the dialog does, and what it says while doing it. */
  label: string;
  busyLabel: string;
  busy: boolean;
  /** Given, the button does this; without, it submits the dialog's form. */
  onConfirm?: () => void;
  /** Red for what cannot be taken back (deleting), indigo otherwise. */
  danger?: boolean;
  className?: string;
}

/** A dialog's foot: a way back, then its action (disabled while it runs). */
export function DialogActions({ onCancel, cancelLabel = "Cancel", label, busyLabel, busy, onConfirm, danger = false, className = "flex justify-end gap-2" }: DialogActionsProps) {
  return (
    <div className={className}>
      <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
        {cancelLabel}
      </button>
      <button
        type={onConfirm ? "button" : "submit"}
        disabled={busy}
        onClick={onConfirm}
        className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${danger ? "bg-rose-600 hover:bg-rose-500" : "bg-indigo-600 hover:bg-indigo-500"}`}
      >
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
