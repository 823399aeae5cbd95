import type { ReactNode } from "react";

/**
 * A table cell's control: borderless until hovered or focused, so a screen of rows reads as a
 * table rather than a form, yet every cell can be edited in place.
 */
export const cellInput =
  "h-7 rounded border border-transparent bg-transparent px-1.5 text-sm outline-none hover:border-slate-300 focus:border-indigo-500 focus:bg-white focus:ring-2 focus:ring-indigo-500/20 dark:hover:border-slate-600 dark:focus:bg-slate-900 dark:[color-scheme:dark]";

/** A select that looks like text until hovered or focused; its chevron appears with its border. */
export function CellSelect({ value, onChange, children, ...aria }: { value: string; onChange: (value: string) => void; children: ReactNode; "aria-label": string }) {
  return (
    <span className="group/cell relative block min-w-0 flex-1">
      <select
        {...aria}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${cellInput} w-full appearance-none truncate pr-5`}
      >
        {children}
      </select>
      <svg
        aria-hidden
        viewBox="0 0 12 12"
        className="pointer-events-none absolute right-1.5 top-1/2 size-2.5 -translate-y-1/2 text-slate-400 opacity-0 group-hover/cell:opacity-100 group-focus-within/cell:opacity-100"
      >
        <path d="M3 4.5l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    </span>
  );
}
