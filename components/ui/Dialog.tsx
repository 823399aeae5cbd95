"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { CloseButton } from "./CloseButton";

interface DialogProps {
  open: boolean;
  title: string;
  /** A line under the title: what this dialog is for. */
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Tailwind width class; dialogs with tables want more room than confirmations. */
  width?: string;
  testId?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, Escape closes it, and the page
 * behind is inert, with no focus-management code of our own to get wrong.
 */
export function Dialog({ open, title, description, onClose, children, width = "max-w-lg", testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${testId ?? "dialog"}-title`}
      data-testid={testId}
      onClose={onClose}
      // A click on the backdrop lands on the <dialog> itself; clicks inside land on children.
      onClick={(e) => e.target === e.currentTarget && onClose()}
      className={`m-auto w-[calc(100%-2rem)] ${width} rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
    >
      {open && (
        <div className="flex max-h-[min(85dvh,720px)] flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4 dark:border-slate-800">
            <div>
              <h2 id={`${testId ?? "dialog"}-title`} className="text-base font-semibold">
                {title}
              </h2>
              {description && <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">{description}</p>}
            </div>
            <CloseButton label="Close" onClick={onClose} className="-mr-1" />
          </div>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
        </div>
      )}
    </dialog>
  );
}
