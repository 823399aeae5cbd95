import type { DateString } from "../model/dates";
import type { ItemId } from "../model/ids";
import type { ScheduleGraph } from "./scheduleGraph";
import type { ItemInputs } from "./scheduleInputs";
import type { PassResult } from "./schedulePasses";
import type { PhaseSpan, ScheduledItem } from "./types";

/**
 * Previous output of a Scheduler, for the same item ids at the same indices: an entry whose
 * numbers did not move is handed back as the same object.
 */
export interface PreviousEntries {
  passes: PassResult;
  pinned: Uint8Array;
  entries: (ScheduledItem | undefined)[];
  /** The schedule's item list and unscheduled ids, and each scheduled item's position in the list. */
  items: ScheduledItem[];
  unscheduled: ItemId[];
  itemPos: Int32Array;
}

type DateOf = (index: number) => DateString;

/** Item v's entry (undefined when unscheduled), the previous one when nothing in it moved. */
function entryAt(passes: PassResult, inputs: ItemInputs, dateOf: DateOf, prev: PreviousEntries | undefined, pinnedNow: Uint8Array, v: number): ScheduledItem | undefined {
  const { scheduled, earlyStart: es, earlyFinish: ef, lateStart: ls, lateFinish: lf } = passes;
  if (!scheduled[v]) {
    pinnedNow[v] = 0;
    return undefined;
  }
  const pinned = inputs.pinned[v] === inputs.pinned[v]; // not NaN
  pinnedNow[v] = pinned ? 1 : 0;
  const p = prev?.passes;
  // Compared on the typed arrays only: reading 10,000 scattered entry objects costs more.
  if (prev && p!.scheduled[v] && prev.pinned[v] === pinnedNow[v] && p!.earlyStart[v] === es[v] && p!.earlyFinish[v] === ef[v] && p!.lateStart[v] === ls[v] && p!.lateFinish[v] === lf[v]) {
    const entry = prev.entries[v];
    if (entry) return entry;
  }
  const slack = ls[v]! - es[v]!;
  const start = dateOf(es[v]!);
  const finish = dateOf(ef[v]!);
  return {
    itemId: inputs.ids[v]!,
    pinned,
    start,
    finish,
    earlyStart: start,
    earlyFinish: finish,
    lateStart: dateOf(ls[v]!),
    lateFinish: dateOf(lf[v]!),
    totalSlack: slack,
    critical: slack <= 0,
  };
}

/** The ScheduledItem of every scheduled item and the ids of the others, both in id order. */
export function buildEntries(
  graph: ScheduleGraph,
  passes: PassResult,
  inputs: ItemInputs,
  dateOf: DateOf,
  prev: PreviousEntries | undefined,
): { items: ScheduledItem[]; unscheduled: ItemId[]; next: PreviousEntries } {
  const n = graph.items.length;
  const entries = new Array<ScheduledItem | undefined>(n);
  const pinnedNow = new Uint8Array(n);
  for (let v = 0; v < n; v++) entries[v] = entryAt(passes, inputs, dateOf, prev, pinnedNow, v);
  return listed(inputs, passes, entries, pinnedNow);
}

/**
 * buildEntries after updatePasses: only the entries of `rebuild` (the items that moved or whose
 * inputs changed) are looked at again; the item list is the previous one with those replaced,
 * unless an item became scheduled or unscheduled (`flipped`).
 */
export function updateEntries(
  graph: ScheduleGraph,
  passes: PassResult,
  inputs: ItemInputs,
  dateOf: DateOf,
  prev: PreviousEntries,
  rebuild: readonly number[],
  flipped: boolean,
): { items: ScheduledItem[]; unscheduled: ItemId[]; next: PreviousEntries } {
  const entries = prev.entries.slice();
  const pinnedNow = prev.pinned.slice();
  for (const v of rebuild) entries[v] = entryAt(passes, inputs, dateOf, prev, pinnedNow, v);
  if (flipped) return listed(inputs, passes, entries, pinnedNow);
  const items = prev.items.slice();
  for (const v of rebuild) items[prev.itemPos[v]!] = entries[v]!;
  const next = { passes, pinned: pinnedNow, entries, items, unscheduled: prev.unscheduled, itemPos: prev.itemPos };
  return { items, unscheduled: prev.unscheduled, next };
}

function listed(inputs: ItemInputs, passes: PassResult, entries: (ScheduledItem | undefined)[], pinnedNow: Uint8Array) {
  const n = entries.length;
  const items: ScheduledItem[] = [];
  const unscheduled: ItemId[] = [];
  const itemPos = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const entry = entries[v];
    if (entry) {
      itemPos[v] = items.length;
      items.push(entry);
    } else unscheduled.push(inputs.ids[v]!);
  }
  return { items, unscheduled, next: { passes, pinned: pinnedNow, entries, items, unscheduled, itemPos } };
}

/**
 * Each phase's span, from the first start to the last finish of its scheduled items, in phase
 * order (order, then id); phases with nothing scheduled have none.
 */
export function phaseSpansOf(inputs: ItemInputs, passes: PassResult, dateOf: (index: number) => DateString): PhaseSpan[] {
  const phases = inputs.table.phases;
  const first = new Float64Array(phases.length).fill(Infinity);
  const last = new Float64Array(phases.length).fill(-Infinity);
  for (let v = 0; v < inputs.phase.length; v++) {
    const k = inputs.phase[v]!;
    if (k < 0 || !passes.scheduled[v]) continue;
    if (passes.earlyStart[v]! < first[k]!) first[k] = passes.earlyStart[v]!;
    if (passes.earlyFinish[v]! > last[k]!) last[k] = passes.earlyFinish[v]!;
  }
  const spans: PhaseSpan[] = [];
  phases.forEach((phase, k) => {
    if (first[k]! <= last[k]!) spans.push({ phaseId: phase.id, start: dateOf(first[k]!), finish: dateOf(last[k]!) });
  });
  return spans;
}
