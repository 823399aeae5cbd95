import { parseDay } from "../../../lib/derive/dayStrings";
import type { ScheduledSpan } from "../../../lib/history/types";
import type { LaneGroup } from "./compareLines";

/**
 * The Compare view's timeline as rows: a heading row per lane, then one row per changed item
 * with its span on each side as fractions of a shared axis (so it fits any width without a
 * horizontal scroll). Plain data, so only the rows in view need to be drawn.
 */
export type CompareRow =
  | { kind: "lane"; key: string; name: string; count: number }
  | { kind: "item"; key: string; itemId: string; title: string; change: string; before: Track | null; after: Track | null; shift: number | null };

/** A span on the axis: left and width as fractions of its length (0..1). */
export interface Track {
  left: number;
  width: number;
  start: string;
  finish: string;
}

export interface CompareAxis {
  startDay: number;
  endDay: number;
}

/** The days every span of the groups covers, with a day's margin; null when nothing is scheduled. */
export function compareAxis(groups: readonly LaneGroup[]): CompareAxis | null {
  let low = Infinity;
  let high = -Infinity;
  for (const g of groups)
    for (const e of g.items)
      for (const span of [e.before, e.after]) {
        if (!span) continue;
        low = Math.min(low, parseDay(span.start));
        high = Math.max(high, parseDay(span.finish));
      }
  return low > high ? null : { startDay: low - 1, endDay: high + 2 };
}

function track(axis: CompareAxis, span: ScheduledSpan | null): Track | null {
  if (!span) return null;
  const length = axis.endDay - axis.startDay;
  const from = parseDay(span.start);
  const to = parseDay(span.finish) + 1;
  return { left: (from - axis.startDay) / length, width: Math.max(to - from, 0.5) / length, start: span.start, finish: span.finish };
}

export function compareRows(groups: readonly LaneGroup[], axis: CompareAxis | null): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const g of groups) {
    rows.push({ kind: "lane", key: `lane:${g.laneId ?? ""}`, name: g.name, count: g.items.length });
    for (const e of g.items) {
      rows.push({
        kind: "item",
        key: e.itemId,
        itemId: e.itemId,
        title: e.title,
        change: e.change,
        before: axis ? track(axis, e.before) : null,
        after: axis ? track(axis, e.after) : null,
        shift: e.fields.schedule?.finishShift ?? null,
      });
    }
  }
  return rows;
}
