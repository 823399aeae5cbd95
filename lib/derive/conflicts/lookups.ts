import type { DateString } from "../../model/dates";
import type { Dependency, Item } from "../../model/schemas";
import type { BoardSnapshot } from "../../model/snapshot";
import { formatDay, parseDay } from "../dayStrings";
import { scheduleIndexOf } from "../scheduleIndex";
import type { Schedule, ScheduledItem } from "../types";
import { compareStrings } from "./text";

/** A date as a day number (days since 1970-01-01): the one place rules convert. */
export const dayOf = (date: DateString): number => parseDay(date);
/** A day number as a date, clamped to the years a DateString can hold. */
export const dateOf = (day: number): DateString => formatDay(day);

/**
 * The per-item lookups rules work from: items by integer index, their placement as day numbers
 * in typed arrays, link ends as item indices. On a 10,000-item board a map of ids and 20,000
 * parsed dates cost more than most rules' own work, so they are taken from the scheduler's
 * ScheduleIndex when the schedule carries one for this very snapshot, and built here otherwise
 * (a schedule from a test fixture or a JSON copy). Both give the same numbers.
 */
export interface ItemLookups {
  /** A position in this array is an item index. */
  items: readonly Item[];
  /** Item indices in id order. */
  order: Int32Array;
  indexOf(itemId: string): number;
  scheduled: Uint8Array;
  pinned: Uint8Array;
  /** First and last day of each scheduled item (finish ≥ start); meaningless when unscheduled. */
  start: Float64Array;
  finish: Float64Array;
  entry: readonly (ScheduledItem | undefined)[];
  depFrom: Int32Array;
  depTo: Int32Array;
  /** The scheduler's earliest start through links (NaN: none), when it came with the schedule. */
  requiredStartDay: Float64Array | null;
}

/** The lookups for this snapshot and schedule: the scheduler's when it attached them for these very arrays, else built here. */
export function itemLookups(snapshot: BoardSnapshot, schedule: Schedule): ItemLookups {
  const index = scheduleIndexOf(schedule);
  // Identity, not equality: the index describes the arrays the schedule was computed from.
  if (index && index.items === snapshot.items && index.dependencies === snapshot.dependencies) {
    return {
      items: index.items,
      order: identity(index.items.length), // index.items is in id order
      indexOf: index.itemIndex,
      scheduled: index.scheduled,
      pinned: index.pinned,
      start: index.startDay,
      finish: index.finishDay,
      entry: index.entries,
      depFrom: index.depFrom,
      depTo: index.depTo,
      requiredStartDay: index.requiredStartDay,
    };
  }
  return buildLookups(snapshot.items, snapshot.dependencies, schedule.items);
}

function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[v] = v;
  return order;
}

function buildLookups(items: readonly Item[], deps: readonly Dependency[], entries: readonly ScheduledItem[]): ItemLookups {
  const n = items.length;
  const index = new Map<string, number>();
  for (let v = 0; v < n; v++) index.set(items[v]!.id, v);
  const indexOf = (id: string) => index.get(id) ?? -1;
  const scheduled = new Uint8Array(n);
  const pinned = new Uint8Array(n);
  const start = new Float64Array(n);
  const finish = new Float64Array(n);
  const entry = new Array<ScheduledItem | undefined>(n);
  for (const e of entries) {
    const v = indexOf(e.itemId);
    if (v < 0) continue;
    const s = dayOf(e.start);
    const f = dayOf(e.finish);
    scheduled[v] = 1;
    pinned[v] = e.pinned ? 1 : 0;
    start[v] = s;
    finish[v] = f < s ? s : f;
    entry[v] = e;
  }
  const depFrom = new Int32Array(deps.length);
  const depTo = new Int32Array(deps.length);
  for (let d = 0; d < deps.length; d++) {
    depFrom[d] = indexOf(deps[d]!.fromId);
    depTo[d] = indexOf(deps[d]!.toId);
  }
  return { items, order: idOrder(items), indexOf, scheduled, pinned, start, finish, entry, depFrom, depTo, requiredStartDay: null };
}

/** Item indices in id order: 0..n-1 when the items already are (the snapshot sorts them), else sorted. */
function idOrder(items: readonly Item[]): Int32Array {
  const order = new Int32Array(items.length);
  let sorted = true;
  for (let v = 0; v < items.length; v++) {
    order[v] = v;
    if (v > 0 && items[v - 1]!.id > items[v]!.id) sorted = false;
  }
  return sorted ? order : order.sort((a, b) => compareStrings(items[a]!.id, items[b]!.id));
}
