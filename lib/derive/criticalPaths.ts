import type { DateString } from "../model/dates";
import type { Milestone } from "../model/schemas";
import type { ItemId } from "../model/ids";
import type { PassResult } from "./schedulePasses";
import type { CriticalPath } from "./types";

/** What the critical paths are read from: the passes, and the deadlines each item is tied to. */
export interface PathInput {
  /** Item ids by index. */
  ids: readonly ItemId[];
  passes: PassResult;
  /** Milestones that exist, sorted by id. */
  milestones: readonly Milestone[];
  /** Per item, the positions in `milestones` of the deadlines it is tied to (-1 = none). */
  ownTie: Int32Array;
  phaseTie: Int32Array;
  /** Work index → date. */
  dateOf: (index: number) => DateString;
}

/**
 * The critical path to the board's end and to each deadline milestone that scheduled items
 * are tied to. Each is the driving chain walked back from the item that reaches the target
 * latest (smallest id among equals): at every step, the predecessor whose link set the item's
 * early start. Board end first, then milestones by date and id.
 */
export function criticalPaths(input: PathInput, memo?: PathMemo): CriticalPath[] {
  const { passes, milestones, ownTie, phaseTie } = input;
  const { scheduled, earlyFinish } = passes;
  const n = scheduled.length;
  let last = -1;
  const lastTied = new Int32Array(milestones.length).fill(-1);
  // Ascending index with a strict comparison keeps the smallest id among equal finishes.
  for (let v = 0; v < n; v++) {
    if (!scheduled[v]) continue;
    const ef = earlyFinish[v]!;
    if (last < 0 || ef > earlyFinish[last]!) last = v;
    const own = ownTie[v]!;
    if (own >= 0 && (lastTied[own]! < 0 || ef > earlyFinish[lastTied[own]!]!)) lastTied[own] = v;
    const viaPhase = phaseTie[v]!;
    if (viaPhase >= 0 && (lastTied[viaPhase]! < 0 || ef > earlyFinish[lastTied[viaPhase]!]!)) lastTied[viaPhase] = v;
  }
  const paths: CriticalPath[] = [];
  const before = memo?.paths;
  if (memo) memo.paths = new Map();
  if (last < 0 || passes.boardEnd === null) return paths;
  paths.push(pathFrom(input, last, { kind: "board-end" }, input.dateOf(passes.boardEnd), before, memo));
  const reached: number[] = [];
  lastTied.forEach((v, k) => v >= 0 && reached.push(k));
  reached.sort((a, b) => {
    const [x, y] = [milestones[a]!, milestones[b]!];
    return x.date < y.date ? -1 : x.date > y.date ? 1 : a - b;
  });
  for (const k of reached) {
    const m = milestones[k]!;
    paths.push(pathFrom(input, lastTied[k]!, { kind: "milestone", milestoneId: m.id }, m.date, before, memo));
  }
  return paths;
}

/**
 * What a Scheduler keeps of its last critical paths (for the same item ids at the same indices):
 * a path whose chain, date and slack did not change is handed back as the same object.
 */
export interface PathMemo {
  paths?: Map<string, { chain: number[]; path: CriticalPath }>;
}

function pathFrom(
  input: PathInput,
  end: number,
  target: CriticalPath["target"],
  date: DateString,
  before: PathMemo["paths"],
  memo: PathMemo | undefined,
): CriticalPath {
  const { passes } = input;
  const chain: number[] = [];
  // Drivers follow links between components in topological order, so the walk ends.
  for (let v = end; v >= 0; v = passes.driver[v]!) chain.push(v);
  chain.reverse();
  let slack = Infinity;
  for (const v of chain) slack = Math.min(slack, passes.lateStart[v]! - passes.earlyStart[v]!);
  const key = target.kind === "board-end" ? "" : target.milestoneId;
  const known = before?.get(key);
  let path: CriticalPath;
  if (known && known.path.date === date && known.path.slack === slack && sameChain(known.chain, chain)) path = known.path;
  else path = { target, itemIds: chain.map((v) => input.ids[v]!), date, slack };
  memo?.paths!.set(key, { chain, path });
  return path;
}

function sameChain(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
