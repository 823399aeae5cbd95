import type { DateString } from "../model/dates";
import type { BoardSnapshot } from "../model/snapshot";
import { parseDay } from "./dayStrings";
import { packRows, type Bar } from "./laneRows";
import { computePhaseSpans } from "./phaseSpans";
import { Scheduler } from "./schedule";
import { sortedById } from "./scheduleGraph";
import { scheduleIndexOf } from "./scheduleIndex";
import type { PhaseSpan, Schedule, ScheduledItem } from "./types";

export type { PhaseSpan } from "./types";

/**
 * What the timeline draws, derived from a snapshot and its schedule: each scheduled item's
 * span (pinned where the user put it, unpinned after its dependencies), its row within its
 * lane, each lane's row count, the unscheduled items and the phase spans.
 */
export interface ItemSpan {
  itemId: string;
  start: DateString;
  finish: DateString;
  startDay: number;
  finishDay: number;
  row: number;
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

/**
 * Lays a board out. Pass the schedule (and its phase spans) when they are already derived,
 * as deriveBoard returns them, so the board is not scheduled twice; without them it schedules.
 */
export function layoutBoard(snapshot: BoardSnapshot, schedule?: Schedule, phaseSpans?: PhaseSpan[]): BoardLayout {
  return new BoardLayouter().layout(snapshot, schedule, phaseSpans);
}

/**
 * layoutBoard with memory, for a live board: a lane whose bars did not change keeps its rows
 * without being packed again. Rows depend only on the lane's bars (packRows sorts them by
 * start, then id), so the output always equals layoutBoard's.
 */
export class BoardLayouter {
  private lanes = new Map<string, PackedLane>();
  private spans = new Map<string, ItemSpan>();

  layout(snapshot: BoardSnapshot, schedule?: Schedule, phaseSpans?: PhaseSpan[]): BoardLayout {
    if (!schedule) ({ schedule, phaseSpans } = new Scheduler().run(snapshot));
    const laneIds = new Set<string>(snapshot.lanes.map((l) => l.id));
    const byLane = new Map<string, Bar[]>();
    const placed: { entry: ScheduledItem; bar: Bar }[] = [];
    const place = (entry: ScheduledItem, laneId: string | null | undefined, start: number, finish: number) => {
      const lane = laneId !== null && laneId !== undefined && laneIds.has(laneId) ? laneId : NO_LANE;
      const bar = { id: entry.itemId, start, finish };
      let bars = byLane.get(lane);
      if (!bars) byLane.set(lane, (bars = []));
      bars.push(bar);
      placed.push({ entry, bar });
    };
    const index = scheduleIndexOf(schedule);
    if (index) {
      // The scheduler's own arrays: no id lookups, no date parsing.
      for (let v = 0; v < index.items.length; v++) {
        const entry = index.entries[v];
        if (entry) place(entry, index.items[v]!.laneId, index.startDay[v]!, index.finishDay[v]!);
      }
    } else {
      // Both lists are in id order: one merge walk pairs each entry with its record.
      const items = sortedById(snapshot.items);
      let i = 0;
      for (const entry of schedule.items) {
        while (i < items.length && items[i]!.id < entry.itemId) i++;
        const item = items[i]?.id === entry.itemId ? items[i] : undefined;
        place(entry, item?.laneId, parseDay(entry.start), parseDay(entry.finish));
      }
    }
    const laneRows = new Map<string, number>();
    for (const lane of snapshot.lanes) laneRows.set(lane.id, 1);
    const packed = new Map<string, PackedLane>();
    const rowOf = new Map<string, number>();
    for (const [lane, bars] of byLane) {
      const previous = this.lanes.get(lane);
      const rows = previous && sameBars(previous.bars, bars) ? previous : { bars, ...packRows(bars) };
      packed.set(lane, rows);
      laneRows.set(lane, Math.max(1, rows.rowCount));
      for (const [id, row] of rows.rowOf) rowOf.set(id, row);
    }
    const spans = new Map<string, ItemSpan>();
    for (const { entry, bar } of placed) {
      const row = rowOf.get(bar.id) ?? 0;
      const old = this.spans.get(bar.id);
      // An unchanged bar keeps its span object, so memoized bars need not re-render.
      const span =
        old && old.start === entry.start && old.finish === entry.finish && old.row === row
          ? old
          : { itemId: entry.itemId, start: entry.start, finish: entry.finish, startDay: bar.start, finishDay: bar.finish, row };
      spans.set(bar.id, span);
    }
    this.lanes = packed;
    this.spans = spans;
    return {
      spans,
      laneRows,
      unscheduled: [...schedule.unscheduled],
      phaseSpans: phaseSpans ?? computePhaseSpans(snapshot, schedule),
    };
  }
}

interface PackedLane {
  bars: Bar[];
  rowOf: Map<string, number>;
  rowCount: number;
}

function sameBars(a: readonly Bar[], b: readonly Bar[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x.id !== y.id || x.start !== y.start || x.finish !== y.finish) return false;
  }
  return true;
}
