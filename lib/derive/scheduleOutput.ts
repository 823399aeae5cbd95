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
}

/** The ScheduledItem of every scheduled item and the ids of the others, both in id order. */
export function buildEntries(
  graph: ScheduleGraph,
  passes: PassResult,
  inputs: ItemInputs,
  dateOf: (index: number) => DateString,
  prev: PreviousEntries | undefined,
): { items: ScheduledItem[]; unscheduled: ItemId[]; next: PreviousEntries } {
  const { scheduled, earlyStart: es, earlyFinish: ef, lateStart: ls, lateFinish: lf } = passes;
  const n = graph.items.length;
  const items: ScheduledItem[] = [];
  const unscheduled: ItemId[] = [];
  const entries = new Array<ScheduledItem | undefined>(n);
  const pinnedNow = new Uint8Array(n);
  const p = prev?.passes;
  for (let v = 0; v < n; v++) {
    if (!scheduled[v]) {
      unscheduled.push(graph.items[v]!.id);
      continue;
    }
    const pinned = inputs.pinned[v] === inputs.pinned[v]; // not NaN
    pinnedNow[v] = pinned ? 1 : 0;
    // Compared on the typed arrays only: reading 10,000 scattered entry objects costs more.
    let entry = prev && p!.scheduled[v] && prev.pinned[v] === pinnedNow[v] && p!.earlyStart[v] === es[v] && p!.earlyFinish[v] === ef[v] && p!.lateStart[v] === ls[v] && p!.lateFinish[v] === lf[v] ? prev.entries[v] : undefined;
    if (!entry) {
      const slack = ls[v]! - es[v]!;
      const start = dateOf(es[v]!);
      const finish = dateOf(ef[v]!);
      entry = {
        itemId: graph.items[v]!.id,
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
    entries[v] = entry;
    items.push(entry);
  }
  return { items, unscheduled, next: { passes, pinned: pinnedNow, entries } };
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
