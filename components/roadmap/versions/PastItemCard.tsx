"use client";

import type { ScheduledItem } from "../../../lib/derive/types";
import type { Item } from "../../../lib/model/schemas";
import { CloseButton } from "../../ui/CloseButton";
import { formatDateSpan, STATUS_LABELS } from "../labels";

interface PastItemCardProps {
  item: Item;
  scheduled: ScheduledItem | null;
  lane: string | null;
  /** Absent where the item cannot be restored from here (the step is not a version, or the person cannot edit). */
  onRestore?: () => void;
  /** Said instead of the button when there is none but could be (an editor at a step that is not a version). */
  hint?: string;
  onClose: () => void;
}

/** An item of the past board, as it was then, with "Restore this item" where that can be done. */
export function PastItemCard({ item, scheduled, lane, onRestore, hint, onClose }: PastItemCardProps) {
  const when = scheduled ? formatDateSpan(scheduled.start, scheduled.finish) : "Not scheduled";
  return (
    <section
      data-testid="past-item"
      aria-label={`${item.title} as it was`}
      className="absolute bottom-4 left-1/2 z-40 w-[min(26rem,calc(100%-2rem))] -translate-x-1/2 rounded-xl border border-amber-300 bg-white p-3 shadow-xl dark:border-amber-500/40 dark:bg-slate-900"
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-sm font-semibold">{item.title}</h3>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {[when, lane, STATUS_LABELS[item.status]].filter(Boolean).join(" · ")}
          </p>
        </div>
        <CloseButton label="Close item" onClick={onClose} className="-mr-1" />
      </div>
      {onRestore ? (
        <button
          type="button"
          onClick={onRestore}
          className="mt-2 rounded-md bg-indigo-600 px-3 py-1 text-xs font-medium text-white shadow-sm hover:bg-indigo-500"
        >
          Restore this item
        </button>
      ) : (
        hint && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{hint}</p>
      )}
    </section>
  );
}
