import type { DateString } from "../../model/dates";
import type { Dependency, Item } from "../../model/schemas";
import { formatDay, parseDay } from "../dayStrings";
import type { ScheduledItem } from "../types";
import { compareStrings } from "./text";

/**
 * The per-item lookups behind a ConflictContext (id index, link ends, parsed dates), and the
 * memory that lets one derivation reuse them from the last on the same board.
 */

/** A date as a day number (days since 1970-01-01): the one place rules convert. */
export const dayOf = (date: DateString): number => parseDay(date);
/** A day number as a date, clamped to the years a DateString can hold. */
export const dateOf = (day: number): DateString => formatDay(day);

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

/**
 * What one context can hand the next for the same board: the id index, link ends and parsed
 * dates. Rebuilding them is most of the cost of the rules on a big board, and a live board
 * changes a few records at a time (unchanged records and schedule entries keep their identity),
 * so each part is reused when its inputs are the same, record by record. Reuse never changes
 * the output, only how fast it comes.
 */
export interface ContextMemory {
  items: readonly Item[];
  order: Int32Array;
  index: Map<string, number>;
  dependencies: readonly Dependency[];
  depFrom: Int32Array;
  depTo: Int32Array;
  scheduleItems: readonly ScheduledItem[];
  /** Item index of each schedule entry (-1: no such item). */
  entryIndex: Int32Array;
  placement: Placement;
}

export interface Placement {
  scheduled: Uint8Array;
  pinned: Uint8Array;
  start: Float64Array;
  finish: Float64Array;
  entry: (ScheduledItem | undefined)[];
}

/** The id index, reused when the items have the same ids at the same positions. */
export function itemIndex(items: readonly Item[], last: ContextMemory | undefined) {
  if (last && last.items.length === items.length && items.every((item, v) => item === last.items[v] || item.id === last.items[v]!.id)) {
    return { index: last.index, order: last.order, reused: true };
  }
  const index = new Map<string, number>();
  for (let v = 0; v < items.length; v++) index.set(items[v]!.id, v);
  return { index, order: idOrder(items), reused: false };
}

/** Link ends as item indices; a link record seen at the same position last time is not looked up again. */
export function linkEnds(deps: readonly Dependency[], indexOf: (id: string) => number, last: ContextMemory | undefined) {
  const depFrom = new Int32Array(deps.length);
  const depTo = new Int32Array(deps.length);
  for (let d = 0; d < deps.length; d++) {
    const dep = deps[d]!;
    const same = last !== undefined && last.dependencies[d] === dep;
    depFrom[d] = same ? last.depFrom[d]! : indexOf(dep.fromId);
    depTo[d] = same ? last.depTo[d]! : indexOf(dep.toId);
  }
  return { depFrom, depTo };
}

/** Each scheduled item's dates as day numbers; an entry seen at the same position last time is not parsed again. */
export function placeItems(n: number, entries: readonly ScheduledItem[], indexOf: (id: string) => number, last: ContextMemory | undefined) {
  const placement: Placement = {
    scheduled: new Uint8Array(n),
    pinned: new Uint8Array(n),
    start: new Float64Array(n),
    finish: new Float64Array(n),
    entry: new Array<ScheduledItem | undefined>(n),
  };
  const entryIndex = new Int32Array(entries.length);
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    const same = last !== undefined && last.scheduleItems[k] === e;
    const v = same ? last.entryIndex[k]! : indexOf(e.itemId);
    entryIndex[k] = v;
    if (v < 0) continue;
    const s = same ? last.placement.start[v]! : dayOf(e.start);
    const f = same ? last.placement.finish[v]! : dayOf(e.finish);
    placement.scheduled[v] = 1;
    placement.pinned[v] = e.pinned ? 1 : 0;
    placement.start[v] = s;
    placement.finish[v] = f < s ? s : f;
    placement.entry[v] = e;
  }
  return { placement, entryIndex };
}

