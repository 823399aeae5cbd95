import type { Dependency, Item } from "../model/schemas";
import type { WorkCalendar } from "./calendar";
import type { Schedule, ScheduledItem } from "./types";

/**
 * What the scheduler already worked out about a board, in the form later stages of the same
 * derivation want it (the conflict rules, the row layout): items by integer index, dates as
 * day numbers in typed arrays, link ends resolved. On a 10,000-item board, building maps of
 * ids and parsing 20,000 dates again costs more than most rules' own work.
 *
 * It is attached to the Schedule object computeSchedule / Scheduler.run returned (see
 * scheduleIndexOf), not to its JSON: a schedule from elsewhere (a test fixture, a parsed
 * copy) has none, and consumers then build their own lookups.
 */
export interface ScheduleIndex {
  readonly schedule: Schedule;
  readonly calendar: WorkCalendar;
  /** The snapshot's items sorted by id: a position in this array is an item index. */
  readonly items: readonly Item[];
  /** Item index by id, -1 for ids that are not items. */
  readonly itemIndex: (id: string) => number;
  /** 1 where the item is scheduled. */
  readonly scheduled: Uint8Array;
  readonly pinned: Uint8Array;
  /** First and last working day (day numbers, finish ≥ start); NaN when unscheduled. */
  readonly startDay: Float64Array;
  readonly finishDay: Float64Array;
  /**
   * The earliest start the item's scheduled predecessors allow through links outside cycles
   * (day number), NaN when none constrains it: for a pinned item, a start before this violates
   * a link.
   */
  readonly requiredStartDay: Float64Array;
  /** The ScheduledItem of each item index, undefined when unscheduled. */
  readonly entries: readonly (ScheduledItem | undefined)[];
  /** The snapshot's dependencies as given, and their ends as item indices (-1: no such item). */
  readonly dependencies: readonly Dependency[];
  readonly depFrom: Int32Array;
  readonly depTo: Int32Array;
}

/**
 * Where the index hangs on its schedule: a non-enumerable symbol property, invisible to JSON,
 * spreads, Object.keys and deep equality. Not a WeakMap: the index points back at its
 * schedule, and V8's minor collections keep such WeakMap entries alive until a full
 * collection, which on a live board promoted every derivation's output to the old
 * generation and brought 200-400 ms full collections every few seconds of editing.
 */
const INDEX = Symbol("scheduleIndex");

/** The index of a schedule computed by the scheduler in this process, if any. */
export function scheduleIndexOf(schedule: Schedule): ScheduleIndex | undefined {
  return (schedule as Schedule & { [INDEX]?: ScheduleIndex })[INDEX];
}

/** Attaches an index to the schedule it describes (the scheduler calls this). */
export function attachScheduleIndex(index: ScheduleIndex): void {
  Object.defineProperty(index.schedule, INDEX, { value: index, enumerable: false, configurable: true });
}
