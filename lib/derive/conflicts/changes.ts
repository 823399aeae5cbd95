import type { Item } from "../../model/schemas";
import type { BoardSnapshot } from "../../model/snapshot";
import type { WorkCalendar } from "../calendar";
import type { Schedule, ScheduledItem } from "../types";
import type { ConflictContext } from "./context";

/** What changedItems compares of a call with its predecessor. */
export interface CallInputs {
  snapshot: BoardSnapshot;
  schedule: Schedule;
  cal: WorkCalendar;
  items: readonly Item[];
  entry: readonly (ScheduledItem | undefined)[];
  requiredStartDay: Float64Array | null;
}

/**
 * The items a ConflictFinder must look at again: those whose record (LiveSnapshot keeps
 * unchanged records identical), schedule entry (the Scheduler hands back the same entry while an
 * item's dates and pin stay put) or earliest start through links differ from the last call's.
 * Every rule's verdict on an item, a link or a group depends only on such per-item inputs and on
 * board-wide ones; when a board-wide input changed (the settings, the lanes, phases, milestones,
 * links, cycles or item ids), or the schedule came without the scheduler's index, it returns
 * null: everything is looked at.
 */
export function changedItems(now: CallInputs, last: ConflictContext | undefined): number[] | null {
  if (!last || !now.requiredStartDay || !last.requiredStartDay) return null;
  const [a, b] = [now.snapshot, last.snapshot];
  if (a.board !== b.board || a.lanes !== b.lanes || a.phases !== b.phases || a.milestones !== b.milestones || a.dependencies !== b.dependencies) return null;
  if (now.schedule.cycles !== last.schedule.cycles || now.cal !== last.cal || now.items.length !== last.items.length) return null;
  const items = now.items;
  const entry = now.entry;
  const required = now.requiredStartDay;
  const before = last.items;
  const entryBefore = last.entry;
  const requiredBefore = last.requiredStartDay;
  const out: number[] = [];
  for (let v = 0; v < items.length; v++) {
    if (items[v] !== before[v]) {
      if (items[v]!.id !== before[v]!.id) return null;
      out.push(v);
      continue;
    }
    if (entry[v] !== entryBefore[v]) {
      out.push(v);
      continue;
    }
    const x = required[v]!;
    const y = requiredBefore[v]!;
    if (x !== y && (x === x || y === y)) out.push(v); // NaN (no constraint) equals NaN
  }
  return out;
}
