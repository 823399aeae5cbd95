"use client";

import { useMemo, useRef } from "react";
import { formatDateSpan, formatShortDate } from "../labels";
import { useVirtualRows } from "../table/useVirtualRows";
import { SlipChip } from "./SlipChip";
import { slipLabel, slipTone } from "./baselineGhosts";
import { compareAxis, compareRows, type Track } from "./compareTimelineRows";
import type { LaneGroup } from "./compareLines";
import { formatDay } from "../../../lib/derive/dayStrings";

const ROW = 30;

/**
 * The changed items on one shared axis, grouped by lane: the older position as a ghost under
 * the newer bar. Only the rows in view are in the DOM (useVirtualRows), so a comparison of
 * thousands of items scrolls like a short one.
 */
export function CompareTimeline({ groups }: { groups: readonly LaneGroup[] }) {
  const axis = useMemo(() => compareAxis(groups), [groups]);
  const rows = useMemo(() => compareRows(groups, axis), [groups, axis]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const visible = useVirtualRows(scrollRef, rows.length, ROW);
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No item changed between these two.</p>;
  return (
    <div data-testid="compare-timeline" className="rounded-lg border border-slate-200 dark:border-slate-700">
      <div className="flex justify-between border-b border-slate-200 px-3 py-1 text-[11px] text-slate-500 dark:border-slate-700 dark:text-slate-400">
        <span className="flex items-center gap-3">
          <Legend ghost /> older <Legend /> newer
        </span>
        {axis && <span>{formatDateSpan(formatDay(axis.startDay + 1), formatDay(axis.endDay - 2))}</span>}
      </div>
      <div ref={scrollRef} className="max-h-[50dvh] overflow-y-auto">
        <div className="relative" style={{ height: rows.length * ROW }}>
          {rows.slice(visible.start, visible.end).map((row, k) => {
            const top = (visible.start + k) * ROW;
            if (row.kind === "lane")
              return (
                <div key={row.key} className="absolute inset-x-0 flex items-center bg-slate-50 px-3 text-xs font-semibold text-slate-600 dark:bg-slate-800/60 dark:text-slate-300" style={{ top, height: ROW }}>
                  {row.name} ({row.count})
                </div>
              );
            const label = slipLabel(row.shift);
            const tone = slipTone(row.shift, false);
            return (
              <div key={row.key} data-testid="compare-row" data-item-id={row.itemId} data-change={row.change} className="absolute inset-x-0 flex items-center" style={{ top, height: ROW }}>
                <span className="w-56 shrink-0 truncate px-3 text-xs text-slate-700 dark:text-slate-200" title={row.title}>
                  {row.title || "Untitled item"}
                </span>
                {/* Room on the right for a slip chip after a bar that ends at the axis's end. */}
                <span className="relative mr-16 h-full flex-1">
                  {row.before && <Bar track={row.before} ghost />}
                  {row.after && <Bar track={row.after} />}
                  {label && tone && row.after && (
                    <span className="absolute top-1/2 -translate-y-1/2 pl-1" style={{ left: `${(row.after.left + row.after.width) * 100}%` }}>
                      <SlipChip label={label} tone={tone} />
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Bar({ track, ghost = false }: { track: Track; ghost?: boolean }) {
  return (
    <span
      data-testid={ghost ? "compare-ghost" : "compare-bar"}
      title={`${ghost ? "Before" : "After"}: ${formatShortDate(track.start)} \u2013 ${formatShortDate(track.finish)}`}
      className={`absolute rounded ${ghost ? "top-[11px] h-4 border border-dashed border-slate-400 bg-slate-300/40 dark:border-slate-500 dark:bg-slate-600/30" : "top-[5px] h-4 bg-indigo-500/80 dark:bg-indigo-400/80"}`}
      style={{ left: `${track.left * 100}%`, width: `max(${track.width * 100}%, 3px)` }}
    />
  );
}

function Legend({ ghost = false }: { ghost?: boolean }) {
  return <span aria-hidden className={`inline-block h-2.5 w-5 rounded-sm ${ghost ? "border border-dashed border-slate-400 bg-slate-300/40" : "bg-indigo-500/80"}`} />;
}
