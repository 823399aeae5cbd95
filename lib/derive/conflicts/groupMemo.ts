import type { Item } from "../../model/schemas";
import type { WorkCalendar } from "../calendar";
import type { Conflict } from "../types";
import { findOverloads, Loads, type Overload } from "./loadSweep";

/**
 * What a load rule found for one group (a lane, a person) last time, and everything that went
 * into it: the shares (item record, first and last day, rate, in order), the limit, and the
 * record or name the messages quote. Equal inputs give equal conflicts, so a group whose inputs
 * did not change reuses them; on a live board an edit touches one or two groups out of hundreds.
 */
interface GroupResult {
  label: unknown;
  limit: number;
  items: readonly Item[];
  start: Float64Array;
  finish: Float64Array;
  rate: Float64Array;
  conflicts: Conflict[];
}

/** Per group key, the last result. Kept by a ConflictFinder between calls; empty for a one-off call. */
export type GroupMemo = Map<string, GroupResult>;

export interface GroupSpec {
  /** Stable across calls (a lane id, a person's normalised name). */
  key: string;
  /** What messages quote besides the items (a lane record, a display name): compared by identity. */
  label: unknown;
  limit: number;
}

/**
 * The conflicts of every group's overloads: reused from `memo` for groups whose inputs are
 * unchanged, found with one sweep over the others. `loads` holds every group's shares in item id
 * order; `memo` is replaced by this call's results (groups that disappeared are dropped).
 */
export function groupOverloadConflicts(
  cal: WorkCalendar,
  items: readonly Item[],
  loads: Loads,
  groups: readonly GroupSpec[],
  memo: GroupMemo,
  make: (over: Overload) => Conflict,
): Conflict[] {
  const { first, shares } = byGroup(loads, groups.length);
  const changed: number[] = [];
  const results: (GroupResult | undefined)[] = new Array<GroupResult | undefined>(groups.length);
  for (let g = 0; g < groups.length; g++) {
    const last = memo.get(groups[g]!.key);
    if (last && sameInputs(last, groups[g]!, items, loads, shares, first[g]!, first[g + 1]!)) results[g] = last;
    else changed.push(g);
  }
  if (changed.length) {
    let count = 0;
    for (const g of changed) count += first[g + 1]! - first[g]!;
    const sweep = new Loads(count);
    for (const g of changed) {
      for (let k = first[g]!; k < first[g + 1]!; k++) {
        const i = shares[k]!;
        sweep.add(g, loads.item[i]!, loads.start[i]!, loads.finish[i]!, loads.rate[i]!);
      }
      results[g] = snapshotOf(groups[g]!, items, loads, shares, first[g]!, first[g + 1]!);
    }
    for (const over of findOverloads(cal, sweep, (g) => groups[g]!.limit)) results[over.group]!.conflicts.push(make(over));
  }
  memo.clear();
  const out: Conflict[] = [];
  groups.forEach((group, g) => {
    const result = results[g]!;
    memo.set(group.key, result);
    for (const conflict of result.conflicts) out.push(conflict);
  });
  return out;
}

/** Share indices grouped by group (stable: item id order kept within a group), with group starts. */
function byGroup(loads: Loads, groups: number): { first: Int32Array; shares: Int32Array } {
  const first = new Int32Array(groups + 1);
  for (let i = 0; i < loads.count; i++) first[loads.group[i]! + 1]!++;
  for (let g = 0; g < groups; g++) first[g + 1]! += first[g]!;
  const fill = first.slice(0, groups);
  const shares = new Int32Array(loads.count);
  for (let i = 0; i < loads.count; i++) shares[fill[loads.group[i]!]!++] = i;
  return { first, shares };
}

function sameInputs(last: GroupResult, group: GroupSpec, items: readonly Item[], loads: Loads, shares: Int32Array, from: number, to: number): boolean {
  if (last.label !== group.label || last.limit !== group.limit || last.items.length !== to - from) return false;
  for (let k = from; k < to; k++) {
    const i = shares[k]!;
    const j = k - from;
    if (
      last.items[j] !== items[loads.item[i]!] ||
      last.start[j] !== loads.start[i] ||
      last.finish[j] !== loads.finish[i] ||
      last.rate[j] !== loads.rate[i]
    ) {
      return false;
    }
  }
  return true;
}

function snapshotOf(group: GroupSpec, items: readonly Item[], loads: Loads, shares: Int32Array, from: number, to: number): GroupResult {
  const n = to - from;
  const result: GroupResult = {
    label: group.label,
    limit: group.limit,
    items: new Array<Item>(n),
    start: new Float64Array(n),
    finish: new Float64Array(n),
    rate: new Float64Array(n),
    conflicts: [],
  };
  for (let k = from; k < to; k++) {
    const i = shares[k]!;
    (result.items as Item[])[k - from] = items[loads.item[i]!]!;
    result.start[k - from] = loads.start[i]!;
    result.finish[k - from] = loads.finish[i]!;
    result.rate[k - from] = loads.rate[i]!;
  }
  return result;
}
