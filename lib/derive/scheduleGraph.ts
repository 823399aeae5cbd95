import type { DependencyId, ItemId } from "../model/ids";
import type { Dependency, Item } from "../model/schemas";
import type { SnapshotLinks } from "../model/snapshotLinks";
import { clampWorkingDays } from "./calendar";

/**
 * The dependency graph of a board in the form the scheduler's hot loops want: items as
 * integer indices (in id order, so "ties by id" is "ties by index"), links as flat typed
 * arrays grouped by predecessor, strongly connected components, and a topological order of
 * the components. Built once per change of the item ids or the links; a change to an item's
 * dates or duration reuses it.
 */
export interface ScheduleGraph {
  /** Items sorted by id; position = index. */
  items: readonly Item[];
  /** The index of an item id, -1 when there is no such item (a lookup table built on first use). */
  itemIndex: (id: string) => number;
  /** Where itemIndex keeps its table: graphs for the same ids (see withItems) share it. */
  ids: { index?: IdIndex };
  /** Links of item v are edgeTo/edgeLag[edgeStart[v] .. edgeStart[v + 1]), in input order. */
  edgeStart: Int32Array;
  edgeTo: Int32Array;
  edgeLag: Int32Array;
  /** Component of each item; links inside one component close a cycle and are ignored. */
  comp: Int32Array;
  /** Items in topological order of their components (predecessors first). */
  topo: Int32Array;
  /** For each link of the dependencies given (same order): its ends as item indices, -1 when missing. */
  depFrom: Int32Array;
  depTo: Int32Array;
  cycles: { itemIds: ItemId[]; dependencyIds: DependencyId[] }[];
}

/**
 * Id → position, as a prototype-free object rather than a Map: V8 internalizes strings used as
 * property keys, so the same id strings (which snapshots share from one change to the next)
 * are found by pointer comparison: several times faster than Map lookups on 10,000 ids.
 */
export type IdIndex = Readonly<Record<string, number | undefined>>;

/** Position of each record by id. */
export function indexById(records: readonly { id: string }[]): IdIndex {
  const index = Object.create(null) as Record<string, number | undefined>;
  for (let i = 0; i < records.length; i++) index[records[i]!.id] = i;
  return index;
}

const compareIds = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The list itself when already sorted by id (the snapshot's order), else a sorted copy. */
export function sortedById<T extends { id: string }>(list: readonly T[]): readonly T[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.id > list[i]!.id) return [...list].sort(compareIds);
  return list;
}

/**
 * Builds the graph. Links whose ends do not exist are skipped (conflicts report them).
 *
 * Links are taken in the order given, unsorted: the order of an item's links changes the
 * order Tarjan visits them, hence which topological order comes out, but nothing computed
 * from the graph depends on it (components are the same, passes take maxima and minima with
 * ties broken by item index, cycles list their links sorted by id), so sorting 15,000 link
 * ids on every derivation would buy nothing.
 */
export function buildGraph(itemsInAnyOrder: readonly Item[], deps: readonly Dependency[], links?: SnapshotLinks): ScheduleGraph {
  // A snapshot from readSnapshot says where each link's ends are: no id to look up, no order to check.
  const resolved = links?.items === itemsInAnyOrder && links.dependencies === deps ? links : undefined;
  const items = resolved ? resolved.items : sortedById(itemsInAnyOrder);
  const n = items.length;
  const ids: ScheduleGraph["ids"] = { index: resolved ? undefined : indexById(items) };
  const index = ids.index;

  // Counting sort by predecessor, reading each link record once.
  const from = new Int32Array(deps.length);
  const to = new Int32Array(deps.length);
  const depFrom = resolved ? resolved.from : new Int32Array(deps.length);
  const depTo = resolved ? resolved.to : new Int32Array(deps.length);
  const edgeStart = new Int32Array(n + 1);
  const lag = new Int32Array(deps.length);
  const kept = new Int32Array(deps.length);
  let m = 0;
  for (let d = 0; d < deps.length; d++) {
    const dep = deps[d]!;
    let f: number;
    let t: number;
    if (resolved) {
      f = depFrom[d]!;
      t = depTo[d]!;
    } else {
      f = depFrom[d] = index![dep.fromId] ?? -1;
      t = depTo[d] = index![dep.toId] ?? -1;
    }
    if (f < 0 || t < 0) continue;
    from[m] = f;
    to[m] = t;
    lag[m] = clampWorkingDays(dep.lag);
    kept[m++] = d;
    edgeStart[f + 1]!++;
  }
  for (let v = 0; v < n; v++) edgeStart[v + 1]! += edgeStart[v]!;
  const fill = edgeStart.slice(0, n);
  const edgeTo = new Int32Array(m);
  const edgeLag = new Int32Array(m);
  const edgeDep = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const slot = fill[from[e]!]!++;
    edgeTo[slot] = to[e]!;
    edgeLag[slot] = lag[e]!;
    edgeDep[slot] = kept[e]!;
  }

  const { comp, topo, compSize } = components(n, edgeStart, edgeTo);
  const cycles = findCycles({ items, deps, edgeStart, edgeTo, edgeDep, comp, compSize });
  return { items, itemIndex: lookup(items, ids), ids, edgeStart, edgeTo, edgeLag, comp, topo, depFrom, depTo, cycles };
}

function lookup(items: readonly Item[], ids: ScheduleGraph["ids"]): (id: string) => number {
  return (id) => (ids.index ??= indexById(items))[id] ?? -1;
}

/** The graph for a new list of the same item records' ids in the same positions (changed records). */
export function withItems(graph: ScheduleGraph, items: readonly Item[]): ScheduleGraph {
  return { ...graph, items, itemIndex: lookup(items, graph.ids) };
}

/**
 * Tarjan's strongly connected components, iterative (an explicit call stack) so that a chain
 * of 10,000 links cannot overflow the JavaScript stack. Tarjan emits components sinks first;
 * read backwards, the emission order is a topological order.
 */
function components(n: number, edgeStart: Int32Array, edgeTo: Int32Array) {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const comp = new Int32Array(n);
  const emitted = new Int32Array(n);
  const compSize: number[] = [];
  let sp = 0;
  let counter = 0;
  let emittedCount = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let csp = 0;
    let next = root;
    for (;;) {
      if (next !== -1) {
        // Enter `next`: what a recursive call would do on entry.
        index[next] = low[next] = counter++;
        stack[sp++] = next;
        onStack[next] = 1;
        callNode[csp] = next;
        callEdge[csp++] = edgeStart[next]!;
        next = -1;
      }
      if (csp === 0) break;
      const v = callNode[csp - 1]!;
      const e = callEdge[csp - 1]!;
      if (e < edgeStart[v + 1]!) {
        callEdge[csp - 1] = e + 1;
        const w = edgeTo[e]!;
        if (index[w] === -1) next = w;
        else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      csp--;
      if (low[v] === index[v]) {
        const id = compSize.length;
        let size = 0;
        for (;;) {
          const w = stack[--sp]!;
          onStack[w] = 0;
          comp[w] = id;
          emitted[emittedCount++] = w;
          size++;
          if (w === v) break;
        }
        compSize.push(size);
      }
      if (csp > 0) {
        const u = callNode[csp - 1]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return { comp, topo: emitted.reverse(), compSize };
}

interface CycleInput {
  items: readonly Item[];
  deps: readonly Dependency[];
  edgeStart: Int32Array;
  edgeTo: Int32Array;
  edgeDep: Int32Array;
  comp: Int32Array;
  compSize: readonly number[];
}

/**
 * Each component with more than one item, or with a self-link, is one cycle. Its items are
 * listed from the smallest id, following links (to the smallest id first), so a simple cycle
 * reads in cycle order; its links are every link inside it, by id. Sorted by first item id.
 */
function findCycles(g: CycleInput): ScheduleGraph["cycles"] {
  const members = new Map<number, number[]>();
  for (let v = 0; v < g.items.length; v++) {
    const c = g.comp[v]!;
    let cyclic = g.compSize[c]! > 1;
    if (!cyclic) for (let e = g.edgeStart[v]!; e < g.edgeStart[v + 1]!; e++) cyclic ||= g.edgeTo[e] === v;
    if (!cyclic) continue;
    const list = members.get(c);
    if (list) list.push(v);
    else members.set(c, [v]);
  }
  const cycles: (ScheduleGraph["cycles"][number] & { first: number })[] = [];
  for (const [c, list] of members) {
    const first = list[0]!; // members were collected in index (= id) order
    const seen = new Set<number>();
    const order: number[] = [];
    const depIds: DependencyId[] = [];
    const pending = [first];
    while (pending.length) {
      const v = pending.pop()!;
      if (seen.has(v)) continue;
      seen.add(v);
      order.push(v);
      const next: number[] = [];
      for (let e = g.edgeStart[v]!; e < g.edgeStart[v + 1]!; e++) {
        const w = g.edgeTo[e]!;
        if (g.comp[w] !== c) continue;
        depIds.push(g.deps[g.edgeDep[e]!]!.id);
        if (!seen.has(w)) next.push(w);
      }
      // Depth first, smallest id first: pushed largest first so the smallest is popped next.
      next.sort((a, b) => b - a);
      for (const w of next) pending.push(w);
    }
    depIds.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    cycles.push({ first, itemIds: order.map((v) => g.items[v]!.id), dependencyIds: depIds });
  }
  cycles.sort((a, b) => a.first - b.first);
  return cycles.map(({ itemIds, dependencyIds }) => ({ itemIds, dependencyIds }));
}
