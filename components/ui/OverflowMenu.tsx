"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from "react";
import { useDismiss } from "./useDismiss";

/** Widths (Tailwind's) from which a control has room in its bar; below, it lives in an overflow menu. */
export type Breakpoint = "sm" | "md" | "lg" | "xl" | "2xl";

/** Shown in the bar from the breakpoint up. Whole class names, so Tailwind finds them. */
export const INLINE_FROM: Record<Breakpoint, string> = { sm: "hidden sm:flex", md: "hidden md:flex", lg: "hidden lg:flex", xl: "hidden xl:flex", "2xl": "hidden 2xl:flex" };
/** Shown in the overflow menu below the breakpoint. */
export const MENU_BELOW: Record<Breakpoint, string> = { sm: "sm:hidden", md: "md:hidden", lg: "lg:hidden", xl: "xl:hidden", "2xl": "2xl:hidden" };

interface OverflowMenuProps {
  /** The button's accessible name, e.g. "More board actions". */
  label: string;
  testId: string;
  /** Hides the menu button where everything it holds has room in the bar (a MENU_BELOW class). */
  className?: string;
  /** The entries; `close` shuts the menu (after an entry opened a dialog, say). */
  children: (close: () => void) => ReactNode;
}

/**
 * The "⋯" of a bar too narrow for all its controls: a button that opens a menu of what did not
 * fit. Each control says from which width it stands in the bar (INLINE_FROM) and below which
 * it stands here instead (MENU_BELOW), so every control is reachable at every width. Closes on
 * Escape, on a click elsewhere, and after an entry is chosen.
 */
export function OverflowMenu({ label, testId, className = "", children }: OverflowMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);
  // The first entry takes the focus, as in any menu.
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>("[role^=menuitem]")?.focus();
  }, [open]);

  return (
    <div ref={root} className={`relative ${className}`}>
      <button
        ref={button}
        type="button"
        data-testid={testId}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        className={`grid size-8 place-items-center rounded-lg border text-slate-600 dark:text-slate-300 ${
          open ? "border-indigo-300 bg-indigo-50 dark:border-indigo-500/50 dark:bg-indigo-500/15" : "border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
        }`}
      >
        <svg aria-hidden viewBox="0 0 16 16" className="size-4">
          <circle cx="3.5" cy="8" r="1.4" fill="currentColor" />
          <circle cx="8" cy="8" r="1.4" fill="currentColor" />
          <circle cx="12.5" cy="8" r="1.4" fill="currentColor" />
        </svg>
      </button>
      {open && (
        <div
          role="menu"
          aria-label={label}
          onKeyDown={(e) => {
            // Escape (which closes the menu) gives the focus back to its button.
            if (e.key === "Escape") button.current?.focus();
            else moveFocus(e.currentTarget, e);
          }}
          className="absolute right-0 top-full z-50 mt-2 flex w-60 max-w-[calc(100vw-1rem)] flex-col rounded-xl border border-slate-200 bg-white p-1.5 text-slate-700 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}

/** Arrow keys walk the entries that are shown (hidden ones have no box). */
function moveFocus(menu: HTMLElement, e: ReactKeyboardEvent) {
  const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
  if (!step) return;
  e.preventDefault();
  const entries = [...menu.querySelectorAll<HTMLElement>("[role^=menuitem]")].filter((el) => el.offsetParent !== null);
  const at = entries.indexOf(document.activeElement as HTMLElement);
  entries[(at + step + entries.length) % entries.length]?.focus();
}

interface MenuEntryProps {
  onSelect: () => void;
  /** Closes the menu after `onSelect` (the `close` the menu hands its children). */
  close: () => void;
  /** Present for one of a set of choices (the zoom): a radio entry, checked or not. */
  checked?: boolean;
  disabled?: boolean;
  /** A MENU_BELOW class: the widths at which this entry is in the menu. */
  className?: string;
  children: ReactNode;
}

/** One entry of an OverflowMenu. */
export function MenuEntry({ onSelect, close, checked, disabled, className = "", children }: MenuEntryProps) {
  return (
    <button
      type="button"
      role={checked === undefined ? "menuitem" : "menuitemradio"}
      aria-checked={checked}
      disabled={disabled}
      tabIndex={-1}
      onClick={() => {
        close();
        onSelect();
      }}
      className={`flex w-full items-center gap-2 rounded-lg px-2.5 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:opacity-40 dark:hover:bg-slate-800 dark:focus:bg-slate-800 ${className}`}
    >
      {/* Every entry keeps the dot's place, so the words line up whether an entry is a choice or not. */}
      <span aria-hidden className={`size-1.5 shrink-0 rounded-full ${checked ? "bg-indigo-500" : "bg-transparent"}`} />
      {children}
    </button>
  );
}

/** A line between groups of entries, shown at the same widths as the group under it. */
export function MenuSeparator({ className = "" }: { className?: string }) {
  return <div role="separator" className={`my-1 h-px bg-slate-200 dark:bg-slate-800 ${className}`} />;
}
