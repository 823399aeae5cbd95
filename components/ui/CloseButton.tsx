/** The × drawn by every close, dismiss and remove button, so they all look alike. */
export function CrossIcon({ className = "size-4" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={className}>
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The button that closes a panel, a dialog or a notice. `label` is what a screen reader says
 * (and what tests find it by): it names what closes, e.g. "Close conflicts".
 */
export function CloseButton({ label, onClick, className = "" }: { label: string; onClick: () => void; className?: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      className={`rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:hover:bg-slate-800 dark:hover:text-slate-100 ${className}`}
    >
      <CrossIcon />
    </button>
  );
}
