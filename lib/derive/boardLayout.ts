import type { DateString } from "../model/dates";
import type { Item } from "../model/schemas";
import type { BoardSnapshot } from "../model/snapshot";
import { parseDay } from "./dayStrings";
import { packRowsByIndex } from "./laneRows";
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

/** The timeline's layout: spans by item id, rows per lane, what is unscheduled, phase spans. */
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
  /** Per lane: its members (item indices in id order) and their days when last packed, and the rows. */
  private packed = new Map<string, PackedLane>();
  private packedItems: readonly Item[] | undefined;
  /** The span drawn for each item index last time. */
  private spanAt: (ItemSpan | undefined)[] = [];

  layout(snapshot: BoardSnapshot, schedule?: Schedule, phaseSpans?: PhaseSpan[]): BoardLayout {
    if (!schedule) ({ schedule, phaseSpans } = new Scheduler().run(snapshot));
    const index = scheduleIndexOf(schedule) ?? indexFor(snapshot, schedule);
    const { items, entries, startDay, finishDay } = index;
    // Lanes by position; the last slot is NO_LANE. An object, not a Map: see IdIndex.
    const laneSlot = Object.create(null) as Record<string, number | undefined>;
    snapshot.lanes.forEach((lane, k) => (laneSlot[lane.id] = k));
    const laneKeys: string[] = [...snapshot.lanes.map((l) => l.id as string), NO_LANE];
    const members: number[][] = laneKeys.map(() => []);
    for (let v = 0; v < items.length; v++) {
      if (!entries[v]) continue;
      const laneId = items[v]!.laneId;
      members[(laneId === null ? undefined : laneSlot[laneId]) ?? laneKeys.length - 1]!.push(v);
    }
    // Packing depends only on a lane's bars: a lane whose bars did not move keeps its rows. The
    // cache speaks in item indices, valid while the scheduler's item list is the same.
    const reuse = this.packedItems !== undefined && sameIds(this.packedItems, items);
    const rowOf = new Int32Array(items.length);
    const laneRows = new Map<string, number>();
    const packed = new Map<string, PackedLane>();
    laneKeys.forEach((key, k) => {
      const list = members[k]!;
      if (key !== NO_LANE) laneRows.set(key, 1);
      if (!list.length) return;
      const previous = reuse ? this.packed.get(key) : undefined;
      let lane: PackedLane;
      if (previous && sameDays(previous, list, startDay, finishDay)) lane = previous;
      else {
        const rowCount = packRowsByIndex(list, startDay, finishDay, rowOf);
        lane = { members: list, start: list.map((v) => startDay[v]!), finish: list.map((v) => finishDay[v]!), rows: list.map((v) => rowOf[v]!), rowCount };
      }
      packed.set(key, lane);
      laneRows.set(key, Math.max(1, lane.rowCount));
      lane.members.forEach((v, m) => (rowOf[v] = lane.rows[m]!));
    });
    this.packed = packed;
    this.packedItems = items;
    const spans = new Map<string, ItemSpan>();
    const spanAt = new Array<ItemSpan | undefined>(items.length);
    for (let v = 0; v < items.length; v++) {
      const entry = entries[v];
      if (!entry) continue;
      const row = rowOf[v]!;
      // An unchanged bar keeps its span object, so memoized bars need not re-render.
      const old = reuse ? this.spanAt[v] : undefined;
      const span =
        old && old.row === row && old.start === entry.start && old.finish === entry.finish
          ? old
          : { itemId: entry.itemId, start: entry.start, finish: entry.finish, startDay: startDay[v]!, finishDay: finishDay[v]!, row };
      spanAt[v] = span;
      spans.set(entry.itemId, span);
    }
    this.spanAt = spanAt;
    return {
      spans,
      laneRows,
      unscheduled: [...schedule.unscheduled],
      phaseSpans: phaseSpans ?? computePhaseSpans(snapshot, schedule),
    };
  }
}

interface PackedLane {
  members: number[];
  start: number[];
  finish: number[];
  /** Row of each member (same positions as members). */
  rows: number[];
  rowCount: number;
}

function sameDays(lane: PackedLane, members: number[], start: Float64Array, finish: Float64Array): boolean {
  if (lane.members.length !== members.length) return false;
  for (let m = 0; m < members.length; m++) {
    const v = members[m]!;
    if (lane.members[m] !== v || lane.start[m] !== start[v] || lane.finish[m] !== finish[v]) return false;
  }
  return true;
}

function sameIds(a: readonly Item[], b: readonly Item[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i]!.id !== b[i]!.id) return false;
  return true;
}

/** What the layout needs of a ScheduleIndex, for a schedule that did not come with one. */
function indexFor(snapshot: BoardSnapshot, schedule: Schedule) {
  const items = sortedById(snapshot.items);
  const entries = new Array<ScheduledItem | undefined>(items.length);
  const startDay = new Float64Array(items.length);
  const finishDay = new Float64Array(items.length);
  // Both lists are in id order: one merge walk pairs each entry with its record.
  let i = 0;
  for (const entry of schedule.items) {
    while (i < items.length && items[i]!.id < entry.itemId) i++;
    if (items[i]?.id !== entry.itemId) continue;
    entries[i] = entry;
    startDay[i] = parseDay(entry.start);
    finishDay[i] = parseDay(entry.finish);
  }
  return { items, entries, startDay, finishDay };
}
