import { fromDayNumber, toDayNumber, type DateString } from "../model/dates";
import type { BoardSnapshot } from "../model/snapshot";
import { finishDay, makeCalendar } from "./calendar";
import { packRows } from "./laneRows";

/**
 * What the timeline draws, derived from a snapshot: each pinned item's span, its row within
 * its lane, each lane's row count, and phase spans. Items without a start are "unscheduled"
 * (automatic scheduling after dependencies comes with the full scheduler).
 */
export interface ItemSpan {
  itemId: string;
  start: DateString;
  finish: DateString;
  startDay: number;
  finishDay: number;
  row: number;
}

export interface PhaseSpan {
  phaseId: string;
  start: DateString;
  finish: DateString;
}

export interface BoardLayout {
  spans: Map<string, ItemSpan>;
  /** Rows per lane id (at least 1), including a pseudo-lane "" for items whose lane is missing. */
  laneRows: Map<string, number>;
  unscheduled: string[];
  phaseSpans: PhaseSpan[];
}

/** Items whose lane is missing are drawn in this pseudo-lane so they stay visible. */
export const NO_LANE = "";

export function layoutBoard(snapshot: BoardSnapshot): BoardLayout {
  const cal = makeCalendar(snapshot.board);
  const laneIds = new Set(snapshot.lanes.map((l) => l.id as string));
  const byLane = new Map<string, { id: string; start: number; finish: number }[]>();
  const spans = new Map<string, ItemSpan>();
  const unscheduled: string[] = [];
  for (const item of snapshot.items) {
    if (item.start === null) {
      unscheduled.push(item.id);
      continue;
    }
    const start = toDayNumber(item.start);
    const finish = finishDay(cal, start, item.duration);
    const lane = item.laneId !== null && laneIds.has(item.laneId) ? item.laneId : NO_LANE;
    const list = byLane.get(lane) ?? [];
    list.push({ id: item.id, start, finish });
    byLane.set(lane, list);
    spans.set(item.id, { itemId: item.id, start: item.start, finish: fromDayNumber(finish), startDay: start, finishDay: finish, row: 0 });
  }
  const laneRows = new Map<string, number>();
  for (const lane of snapshot.lanes) laneRows.set(lane.id, 1);
  for (const [lane, bars] of byLane) {
    const { rowOf, rowCount } = packRows(bars);
    laneRows.set(lane, Math.max(1, rowCount));
    for (const [id, row] of rowOf) spans.get(id)!.row = row;
  }
  const phaseSpans: PhaseSpan[] = [];
  for (const phase of snapshot.phases) {
    let first = Infinity;
    let last = -Infinity;
    for (const item of snapshot.items) {
      const span = item.phaseId === phase.id ? spans.get(item.id) : undefined;
      if (!span) continue;
      first = Math.min(first, span.startDay);
      last = Math.max(last, span.finishDay);
    }
    if (first <= last) phaseSpans.push({ phaseId: phase.id, start: fromDayNumber(first), finish: fromDayNumber(last) });
  }
  return { spans, laneRows, unscheduled, phaseSpans };
}
