"use client";

import { useEffect } from "react";
import { formatLongDate } from "../labels";

/** Long enough to read the sentence and reach for Unpin. */
const SHOWN_MS = 8_000;

export interface PinnedByDrop {
  itemId: string;
  title: string;
  start: string;
}

/**
 * Says that dropping an auto-scheduled bar pinned it (docs/scheduling.md): from now on it stays
 * on that date instead of following its predecessors. Unpin takes that back in one command.
 */
export function PinNotice({ pinned, onUnpin, onDone }: { pinned: PinnedByDrop; onUnpin: (() => void) | null; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [pinned, onDone]);
  return (
    <div
      role="status"
      data-testid="pin-notice"
      className="absolute bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-full bg-slate-900 py-1.5 pl-4 pr-1.5 text-xs font-medium text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
    >
      <span>
        Pinned “{pinned.title || "Untitled item"}” to {formatLongDate(pinned.start)}: it no longer follows its predecessors.
      </span>
      {onUnpin && (
        <button
          type="button"
          onClick={() => {
            onUnpin();
            onDone();
          }}
          className="rounded-full bg-white/15 px-2.5 py-1 font-semibold hover:bg-white/25 dark:bg-slate-900/10 dark:hover:bg-slate-900/20"
        >
          Unpin
        </button>
      )}
    </div>
  );
}
