"use client";

import { useState } from "react";
import type { BoardComparison } from "../../../lib/history/types";
import { countOf } from "../../../lib/format/plural";
import { formatShortDate } from "../labels";
import { itemPhrases, milestonePhrases, type LaneGroup, type Names } from "./compareLines";

const CHANGE_MARK: Record<string, string> = {
  added: "bg-emerald-500",
  removed: "bg-rose-500",
  changed: "bg-amber-500",
  renamed: "bg-amber-500",
};

interface CompareListProps {
  comparison: BoardComparison;
  groups: readonly LaneGroup[];
  names: Names;
  /** Selects an item on the board (and closes the view), where it still exists. */
  onSelectItem: (itemId: string) => void;
}

/**
 * Entries drawn per lane before a "Show all" button: comparing an old version can list
 * thousands of items, and a list of all of them at once would cost more than the timeline
 * view, which draws only the rows in view.
 */
const FIRST_ENTRIES = 100;

/** The comparison as a list: item changes grouped by lane, then milestones, lanes and phases. */
export function CompareList({ comparison, groups, names, onSelectItem }: CompareListProps) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const nothing = groups.length === 0 && comparison.milestones.length === 0 && comparison.lanes.length === 0 && comparison.phases.length === 0;
  if (nothing) return <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No changes between these two.</p>;
  return (
    <div data-testid="compare-list" className="space-y-4">
      {groups.map((g) => (
        <section key={g.laneId ?? ""} data-testid="compare-lane" data-lane-id={g.laneId ?? ""} aria-label={g.name}>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {g.name} <span className="font-normal normal-case">({g.items.length})</span>
          </h3>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-700">
            {(opened.has(g.laneId ?? "") ? g.items : g.items.slice(0, FIRST_ENTRIES)).map((e) => (
              <li key={e.itemId} data-testid="compare-item" data-item-id={e.itemId} data-change={e.change} className="flex items-start gap-2 px-3 py-1.5 text-sm">
                <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${CHANGE_MARK[e.change]}`} />
                <span className="min-w-0">
                  {e.change === "removed" ? (
                    <span className="font-medium line-through decoration-slate-400">{e.title || "Untitled item"}</span>
                  ) : (
                    <button type="button" onClick={() => onSelectItem(e.itemId)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                      {e.title || "Untitled item"}
                    </button>
                  )}
                  <span className="text-slate-600 dark:text-slate-300">: {itemPhrases(e, names, formatShortDate).join("; ")}</span>
                </span>
              </li>
            ))}
          </ul>
          {g.items.length > FIRST_ENTRIES && !opened.has(g.laneId ?? "") && (
            <button type="button" onClick={() => setOpened((o) => new Set(o).add(g.laneId ?? ""))} className="mt-1 text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              Show all {countOf(g.items.length, "change")} in {g.name}
            </button>
          )}
        </section>
      ))}
      {comparison.milestones.length > 0 && (
        <section aria-label="Milestones">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Milestones</h3>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-700">
            {comparison.milestones.map((m) => (
              <li key={m.milestoneId} data-testid="compare-milestone" data-change={m.change} className="flex items-start gap-2 px-3 py-1.5 text-sm">
                <span aria-hidden className={`mt-1.5 size-2 shrink-0 rotate-45 ${CHANGE_MARK[m.change]}`} />
                <span>
                  <span className="font-medium">{m.title || "Untitled milestone"}</span>
                  <span className="text-slate-600 dark:text-slate-300">: {milestonePhrases(m, formatShortDate).join("; ")}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(comparison.lanes.length > 0 || comparison.phases.length > 0) && (
        <section aria-label="Lanes and phases">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Lanes and phases</h3>
          <ul className="rounded-lg border border-slate-200 px-3 py-1.5 text-sm dark:border-slate-700">
            {[...comparison.lanes.map((l) => ["Lane", l] as const), ...comparison.phases.map((p) => ["Phase", p] as const)].map(([what, r]) => (
              <li key={`${what}${r.id}`} data-testid="compare-record" className="py-0.5">
                {what} {r.change === "renamed" ? `\u201c${r.name.before}\u201d renamed \u201c${r.name.after}\u201d` : `\u201c${r.name.before ?? r.name.after}\u201d ${r.change}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
