"use client";

import { useEffect } from "react";
import { inkOn } from "../ui/inkOn";
import type { BroughtHere } from "./bringHere";

/** Long enough to read it and reach "Back"; the view stays where it was brought either way. */
const SHOWN_MS = 12_000;

/**
 * Says whose view this screen was just moved to (a facilitator's "bring everyone here"), so a
 * jump is not a mystery, and offers the way back to the view this person had. Not following:
 * nothing here holds the view, scrolling is free at once.
 */
export function BroughtHereNotice({ brought, onBack, onDone }: { brought: BroughtHere; onBack: () => void; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [brought, onDone]);
  return (
    <div
      role="status"
      data-testid="brought-here"
      data-name={brought.name}
      className="absolute bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-2 rounded-full bg-white py-1 pl-3 pr-1 text-xs font-medium text-slate-800 shadow-md dark:bg-slate-900 dark:text-slate-100"
      style={{ boxShadow: `0 0 0 2px ${brought.color}, 0 4px 12px rgb(15 23 42 / 0.18)` }}
    >
      <span>
        Moved to <strong className="font-semibold">{brought.name}</strong>&rsquo;s view
      </span>
      {brought.back && (
        <button
          type="button"
          onClick={onBack}
          title="Back to the view you had"
          className="rounded-full px-2.5 py-0.5 font-semibold hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400"
          style={{ background: brought.color, color: inkOn(brought.color) }}
        >
          Back
        </button>
      )}
      <button
        type="button"
        onClick={onDone}
        aria-label="Dismiss"
        className="rounded-full px-1.5 py-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
      >
        ✕
      </button>
    </div>
  );
}
