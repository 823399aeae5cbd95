import type { DateString } from "../model/dates";
import type { BoardSnapshot } from "../model/snapshot";
import { makeCalendar, workIndex, type WorkCalendar } from "../derive/calendar";
import { parseDay } from "../derive/dayStrings";
import { Scheduler, type ScheduleResult } from "../derive/schedule";
import { sortedById } from "../derive/scheduleGraph";
import type { ScheduledItem } from "../derive/types";

/**
 * One side of a comparison: the snapshot and its derived schedule. A caller that already
 * derived the board (the UI's BoardDeriver, the server's cache) passes its result, so a
 * comparison against "now" does not schedule the live board a second time.
 */
export interface ComparedSide {
  snapshot: BoardSnapshot;
  derived: ScheduleResult;
}

/** The side with its schedule: the one given, or a fresh scheduling run. */
export function sideOf(snapshot: BoardSnapshot, derived?: ScheduleResult): ComparedSide {
  return { snapshot, derived: derived ?? new Scheduler().run(snapshot) };
}

/** Records sorted by id (readSnapshot's order already; a parsed copy may not be). */
export const byIdOrder = sortedById;

/**
 * The scheduled entries of a side lined up with its items: entries[k] is the entry of the k-th
 * item in id order, or undefined when it is unscheduled. Both lists are in id order, so one
 * merge walk does it with no map of 10,000 ids.
 */
export function entriesInItemOrder(items: readonly { id: string }[], scheduled: readonly ScheduledItem[]): (ScheduledItem | undefined)[] {
  const out = new Array<ScheduledItem | undefined>(items.length);
  let j = 0;
  for (let k = 0; k < items.length; k++) {
    const id = items[k]!.id;
    while (j < scheduled.length && scheduled[j]!.itemId < id) j++;
    const entry = scheduled[j];
    out[k] = entry !== undefined && entry.itemId === id ? entry : undefined;
  }
  return out;
}

/**
 * Counts working days between two dates on one calendar (docs/history.md): the difference of
 * their work indices, so +N means N working days later. A date on a day off counts as the
 * next working day, which keeps the count exact for scheduled dates (always working days) and
 * still says "no working day lost" for a milestone moved from a Saturday to a Sunday.
 */
export class ShiftCounter {
  private readonly cal: WorkCalendar;
  constructor(board: BoardSnapshot["board"]) {
    this.cal = makeCalendar(board);
  }

  index(date: DateString): number {
    return workIndex(this.cal, parseDay(date));
  }

  shift(before: DateString, after: DateString): number {
    return before === after ? 0 : this.index(after) - this.index(before);
  }

  /** The shift, or null when either side has no date. */
  maybe(before: DateString | null, after: DateString | null): number | null {
    return before === null || after === null ? null : this.shift(before, after);
  }

  get calendar(): WorkCalendar {
    return this.cal;
  }
}
