import type { ReactNode } from "react";

/** A labelled form row; `htmlFor` ties the label to its control for screen readers and tests. */
export function Field({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs font-medium text-slate-500 dark:text-slate-400">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-slate-500 dark:text-slate-400">{hint}</p> : null}
    </div>
  );
}

/** A form control's look without its width, for controls that sit side by side in a row. */
export const controlClass =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-slate-700 dark:bg-slate-900 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-600 dark:disabled:bg-slate-800/60 dark:disabled:text-slate-300";

export const inputClass = `w-full ${controlClass}`;
