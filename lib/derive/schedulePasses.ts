import type { ScheduleGraph } from "./scheduleGraph";

/**
 * The critical path method's two passes over work indices (ordinals of working days, see
 * calendar.ts): plain integer arithmetic on typed arrays, in topological order. A finish is
 * start + duration - 1; a link with lag L lets its successor start at finish + 1 + L.
 */
export interface PassInput {
  graph: ScheduleGraph;
  /** Pinned start of each item as a work index, NaN when unpinned. */
  pinned: Float64Array;
  /** Duration of each item in working days, at least 1. */
  duration: Int32Array;
  /** Latest finish each item's deadline milestones allow (work index), +Infinity when none. */
  deadline: Float64Array;
  /** First working day on or after the board's start: no unpinned item starts before it. */
  horizon: number;
  /** Work indices of the first and last supported days (docs/dates.md); results are kept inside. */
  min: number;
  max: number;
}

/** Per item (by index): whether it is scheduled and its early and late dates as work indices. */
export interface PassResult {
  scheduled: Uint8Array;
  earlyStart: Float64Array;
  earlyFinish: Float64Array;
  lateStart: Float64Array;
  lateFinish: Float64Array;
  /**
   * The predecessor whose link sets the item's early start (smallest id among equals), or -1
   * when none does (pinned elsewhere, held back by the horizon, or no predecessor).
   */
  driver: Int32Array;
  /**
   * The earliest start the item's scheduled predecessors allow through links outside cycles
   * (the latest of their finish + 1 + lag), -Infinity when none constrains it.
   */
  linkStart: Float64Array;
  /** Latest early finish over all scheduled items, or null when nothing is scheduled. */
  boardEnd: number | null;
}

/**
 * The forward pass (early dates, in topological order, links inside cycles ignored) and the
 * backward pass (late dates against the board's end, deadlines and successors), clamped to
 * the supported range (docs/dates.md), however large the durations and lags.
 */
export function runPasses(input: PassInput): PassResult {
  const { graph, pinned, duration, horizon, min, max } = input;
  const { edgeStart, edgeTo, edgeLag, comp, topo } = graph;
  const n = topo.length;
  const clamp = (x: number) => (x < min ? min : x > max ? max : x);
  const scheduled = new Uint8Array(n);
  const earlyStart = new Float64Array(n);
  const earlyFinish = new Float64Array(n);
  const lateStart = new Float64Array(n);
  const lateFinish = new Float64Array(n);
  // Best start the links offer so far, and who offers it.
  const offered = new Float64Array(n).fill(-Infinity);
  const offeredBy = new Int32Array(n).fill(-1);
  let boardEnd = -Infinity;

  for (let k = 0; k < n; k++) {
    const v = topo[k]!;
    const pin = pinned[v]!;
    let es: number;
    if (pin === pin) es = pin; // not NaN: pinned
    else if (offered[v]! > -Infinity) es = offered[v]! > horizon ? offered[v]! : horizon;
    else continue; // no date and no scheduled predecessor: unscheduled
    es = clamp(es);
    const ef = clamp(es + duration[v]! - 1);
    scheduled[v] = 1;
    earlyStart[v] = es;
    earlyFinish[v] = ef;
    if (ef > boardEnd) boardEnd = ef;
    const c = comp[v]!;
    for (let e = edgeStart[v]!, end = edgeStart[v + 1]!; e < end; e++) {
      const w = edgeTo[e]!;
      if (comp[w] === c) continue; // a link inside a cycle: ignored
      const start = ef + 1 + edgeLag[e]!;
      // Topological order visits predecessors in no particular id order: keep the smallest.
      if (start > offered[w]! || (start === offered[w] && v < offeredBy[w]!)) {
        offered[w] = start;
        offeredBy[w] = v;
      }
    }
  }

  const driver = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) if (scheduled[v] && offered[v] === earlyStart[v]) driver[v] = offeredBy[v]!;
  const end = boardEnd > -Infinity ? boardEnd : null;
  backwardPass(input, scheduled, end, lateStart, lateFinish);
  return { scheduled, earlyStart, earlyFinish, lateStart, lateFinish, driver, linkStart: offered, boardEnd: end };
}

/**
 * The backward pass alone, into `lateStart` and `lateFinish` (entries of unscheduled items are
 * set to 0): late dates against the board's end, each item's deadline and its successors.
 */
export function backwardPass(input: PassInput, scheduled: Uint8Array, boardEnd: number | null, lateStart: Float64Array, lateFinish: Float64Array): void {
  const { graph, duration, deadline, min, max } = input;
  const { edgeStart, edgeTo, edgeLag, comp, topo } = graph;
  const end = boardEnd ?? -Infinity;
  for (let k = topo.length - 1; k >= 0; k--) {
    const v = topo[k]!;
    if (!scheduled[v]) {
      lateStart[v] = lateFinish[v] = 0;
      continue;
    }
    let lf = deadline[v]! < end ? deadline[v]! : end;
    const c = comp[v]!;
    for (let e = edgeStart[v]!, stop = edgeStart[v + 1]!; e < stop; e++) {
      const w = edgeTo[e]!;
      if (comp[w] === c || !scheduled[w]) continue;
      const limit = lateStart[w]! - 1 - edgeLag[e]!;
      if (limit < lf) lf = limit;
    }
    lf = lf < min ? min : lf > max ? max : lf;
    lateFinish[v] = lf;
    const ls = lf - duration[v]! + 1;
    lateStart[v] = ls < min ? min : ls > max ? max : ls;
  }
}
