import { memo } from "react";
import type { Item, Lane } from "../../../lib/model/schemas";

interface UnscheduledTrayProps {
  items: Item[];
  lanes: Lane[];
  selectedId: string | null;
  onSelect: (itemId: string) => void;
}

/** Items without a start: kept in sight so nothing planned silently falls off the board. */
export const UnscheduledTray = memo(function UnscheduledTray({ items, lanes, selectedId, onSelect }: UnscheduledTrayProps) {
  const colorOf = new Map(lanes.map((l) => [l.id as string, l.color]));
  return (
    <section
      aria-label="Unscheduled items"
      data-testid="unscheduled-tray"
      className="flex min-h-12 shrink-0 items-center gap-3 overflow-x-auto border-t border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="shrink-0 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        Unscheduled <span className="tabular-nums">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Items without a start date wait here.</p>
      ) : (
        <ul className="flex gap-2">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                data-testid="unscheduled-item"
                data-item-id={item.id}
                aria-pressed={item.id === selectedId}
                onClick={() => onSelect(item.id)}
                className={`flex max-w-56 items-center gap-1.5 rounded-md border px-2 py-1 text-xs font-medium ${
                  item.id === selectedId
                    ? "border-indigo-500 ring-2 ring-indigo-500/30"
                    : "border-slate-200 hover:border-slate-300 dark:border-slate-700 dark:hover:border-slate-600"
                }`}
              >
                <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: colorOf.get(item.laneId ?? "") ?? "#94a3b8" }} />
                <span className="truncate">{item.title || "Untitled item"}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
