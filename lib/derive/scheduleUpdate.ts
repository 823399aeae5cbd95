import type { ScheduleGraph } from "./scheduleGraph";
import { backwardPass, type PassInput, type PassResult } from "./schedulePasses";

/**
 * The two passes again after a few items' inputs changed, visiting only what the change
 * reaches: the forward pass from the changed items down their successors (stopping where an
 * early finish does not move), the backward pass from them up their predecessors (stopping
 * where a late start does not move), each in topological order. The result equals
 * runPasses' on the same input, array for array; a move of the board's end shifts every late
 * date, and then the backward pass runs in full.
 */
export interface PassUpdate {
  passes: PassResult;
  /** Items whose scheduled flag or any date changed: their entries must be rebuilt. */
  moved: number[];
  /** Items whose link start (PassResult.linkStart) changed, whether or not they moved. */
  relinked: number[];
  /** True when an item became scheduled or unscheduled. */
  flipped: boolean;
}

/** Incoming links and topological positions, built once per graph (see reverseOf). */
interface ReverseGraph {
  /** Links into item v: inFrom/inLag[inStart[v] .. inStart[v + 1]). */
  inStart: Int32Array;
  inFrom: Int32Array;
  inLag: Int32Array;
  /** Position of each item in graph.topo. */
  pos: Int32Array;
}

const reverses = Symbol("reverse");
type WithReverse = ScheduleGraph & { [reverses]?: ReverseGraph };

/** The graph's incoming links, built on first use and kept on the graph object. */
function reverseOf(graph: ScheduleGraph): ReverseGraph {
  const known = (graph as WithReverse)[reverses];
  if (known) return known;
  const { edgeStart, edgeTo, edgeLag, topo } = graph;
  const n = topo.length;
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < edgeTo.length; e++) inStart[edgeTo[e]! + 1]!++;
  for (let v = 0; v < n; v++) inStart[v + 1]! += inStart[v]!;
  const fill = inStart.slice(0, n);
  const inFrom = new Int32Array(edgeTo.length);
  const inLag = new Int32Array(edgeTo.length);
  for (let v = 0; v < n; v++) {
    for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) {
      const slot = fill[edgeTo[e]!]!++;
      inFrom[slot] = v;
      inLag[slot] = edgeLag[e]!;
    }
  }
  const pos = new Int32Array(n);
  for (let k = 0; k < n; k++) pos[topo[k]!] = k;
  const reverse = { inStart, inFrom, inLag, pos };
  // Not enumerable: spreads of the graph (Scheduler.graphFor) copy it, JSON and equality skip it.
  Object.defineProperty(graph, reverses, { value: reverse, enumerable: false, configurable: true, writable: true });
  return reverse;
}

/** Keeps the reverse graph when a graph is copied with a new item list. */
export function withReverse(from: ScheduleGraph, to: ScheduleGraph): ScheduleGraph {
  const known = (from as WithReverse)[reverses];
  if (known) Object.defineProperty(to, reverses, { value: known, enumerable: false, configurable: true, writable: true });
  return to;
}

/** A queue of items popped in topological order (or reverse order): a binary heap of positions. */
class PositionQueue {
  private readonly heap: Int32Array;
  private size = 0;
  private readonly queued: Uint8Array;
  constructor(private readonly pos: Int32Array, private readonly sign: 1 | -1) {
    this.heap = new Int32Array(pos.length);
    this.queued = new Uint8Array(pos.length);
  }
  get length(): number {
    return this.size;
  }
  push(v: number): void {
    if (this.queued[v]) return;
    this.queued[v] = 1;
    const key = this.sign * this.pos[v]!;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.heap[parent]!;
      if (this.sign * this.pos[p]! <= key) break;
      this.heap[i] = p;
      i = parent;
    }
    this.heap[i] = v;
  }
  pop(): number {
    const top = this.heap[0]!;
    const last = this.heap[--this.size]!;
    const key = this.sign * this.pos[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.sign * this.pos[this.heap[child + 1]!]! < this.sign * this.pos[this.heap[child]!]!) child++;
      if (this.sign * this.pos[this.heap[child]!]! >= key) break;
      this.heap[i] = this.heap[child]!;
      i = child;
    }
    this.heap[i] = last;
    this.queued[top] = 0;
    return top;
  }
}

/**
 * The passes for `input` given the passes `prev` for the same graph, horizon and bounds, where
 * only the items in `changed` have different inputs (pinned start, duration or deadline).
 */
export function updatePasses(input: PassInput, prev: PassResult, changed: readonly number[]): PassUpdate {
  const { graph, pinned, duration, deadline, horizon, min, max } = input;
  const { edgeStart, edgeTo, edgeLag, comp } = graph;
  const { inStart, inFrom, inLag, pos } = reverseOf(graph);
  const scheduled = prev.scheduled.slice();
  const earlyStart = prev.earlyStart.slice();
  const earlyFinish = prev.earlyFinish.slice();
  const linkStart = prev.linkStart.slice();
  const driver = prev.driver.slice();
  const lateStart = prev.lateStart.slice();
  const lateFinish = prev.lateFinish.slice();
  const moved: number[] = [];
  const relinked: number[] = [];
  const mark = new Uint8Array(scheduled.length); // 1: in `moved`
  const flippedItems: number[] = [];

  const forward = new PositionQueue(pos, 1);
  for (const v of changed) forward.push(v);
  let finishesMoved = false;
  while (forward.length) {
    const v = forward.pop();
    const c = comp[v]!;
    // The best start the scheduled predecessors offer, and the smallest one offering it.
    let offered = -Infinity;
    let by = -1;
    for (let e = inStart[v]!; e < inStart[v + 1]!; e++) {
      const u = inFrom[e]!;
      if (comp[u] === c || !scheduled[u]) continue;
      const start = earlyFinish[u]! + 1 + inLag[e]!;
      if (start > offered || (start === offered && u < by)) {
        offered = start;
        by = u;
      }
    }
    if (offered !== linkStart[v]) relinked.push(v);
    linkStart[v] = offered;
    const pin = pinned[v]!;
    let on = 1;
    let es = 0;
    let ef = 0;
    if (pin === pin) es = pin;
    else if (offered > -Infinity) es = offered > horizon ? offered : horizon;
    else on = 0;
    if (on) {
      es = es < min ? min : es > max ? max : es;
      ef = es + duration[v]! - 1;
      ef = ef < min ? min : ef > max ? max : ef;
    }
    driver[v] = on && offered === es ? by : -1;
    if (on === scheduled[v] && es === earlyStart[v] && ef === earlyFinish[v]) continue;
    if (on !== scheduled[v]) flippedItems.push(v);
    const successorsMove = on !== scheduled[v] || ef !== earlyFinish[v];
    scheduled[v] = on;
    earlyStart[v] = es;
    earlyFinish[v] = ef;
    mark[v] = 1;
    moved.push(v);
    if (!successorsMove) continue;
    finishesMoved = true;
    for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) if (comp[edgeTo[e]!] !== c) forward.push(edgeTo[e]!);
  }

  let boardEnd = prev.boardEnd;
  if (finishesMoved) {
    let end = -Infinity;
    for (let v = 0; v < scheduled.length; v++) if (scheduled[v] && earlyFinish[v]! > end) end = earlyFinish[v]!;
    boardEnd = end > -Infinity ? end : null;
  }
  const passes: PassResult = { scheduled, earlyStart, earlyFinish, lateStart, lateFinish, driver, linkStart, boardEnd };
  const lateMoved = (v: number) => {
    if (mark[v]) return;
    mark[v] = 1;
    moved.push(v);
  };

  if (boardEnd !== prev.boardEnd) {
    // Every late date hangs on the board's end.
    backwardPass(input, scheduled, boardEnd, lateStart, lateFinish);
    for (let v = 0; v < scheduled.length; v++) if (lateStart[v] !== prev.lateStart[v] || lateFinish[v] !== prev.lateFinish[v]) lateMoved(v);
    return { passes, moved, relinked, flipped: flippedItems.length > 0 };
  }

  const backward = new PositionQueue(pos, -1);
  for (const v of changed) backward.push(v);
  for (const v of flippedItems) {
    // Its predecessors gain or lose a successor to wait for.
    backward.push(v);
    for (let e = inStart[v]!; e < inStart[v + 1]!; e++) if (comp[inFrom[e]!] !== comp[v]) backward.push(inFrom[e]!);
  }
  const end = boardEnd ?? -Infinity;
  while (backward.length) {
    const v = backward.pop();
    let lf = 0;
    let ls = 0;
    const c = comp[v]!;
    if (scheduled[v]) {
      lf = deadline[v]! < end ? deadline[v]! : end;
      for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) {
        const w = edgeTo[e]!;
        if (comp[w] === c || !scheduled[w]) continue;
        const limit = lateStart[w]! - 1 - edgeLag[e]!;
        if (limit < lf) lf = limit;
      }
      lf = lf < min ? min : lf > max ? max : lf;
      ls = lf - duration[v]! + 1;
      ls = ls < min ? min : ls > max ? max : ls;
    }
    if (lf === lateFinish[v] && ls === lateStart[v]) continue;
    lateMoved(v);
    lateFinish[v] = lf;
    const startMoved = ls !== lateStart[v];
    lateStart[v] = ls;
    if (!startMoved || !scheduled[v]) continue;
    for (let e = inStart[v]!; e < inStart[v + 1]!; e++) if (comp[inFrom[e]!] !== c) backward.push(inFrom[e]!);
  }
  return { passes, moved, relinked, flipped: flippedItems.length > 0 };
}
