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
  /** The group's shares: positions from .. from + count of the arrays of the call that swept it. */
  shares: SharedArrays;
  from: number;
  count: number;
  conflicts: Conflict[];
}

/** One set of arrays per call for the shares of every group it swept, rather than four per group. */
interface SharedArrays {
  items: Item[];
  start: Float64Array;
  finish: Float64Array;
  rate: Float64Array;
}

/** Per group key, the last result. Kept by a ConflictFinder between calls. */
export type GroupMemo = Map<string, GroupResult>;

/** One group of a load rule, as groupOverloadConflicts needs it. */
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
  memo: GroupMemo | null,
  make: (over: Overload) => Conflict,
): Conflict[] {
  if (!memo) {
    // A one-off call: nothing to reuse and nobody to remember for.
    return findOverloads(cal, loads, (g) => groups[g]!.limit).map(make);
  }
  const { first, shares } = byGroup(loads, groups.length);
  const changed: number[] = [];
  const results: (GroupResult | undefined)[] = new Array<GroupResult | undefined>(groups.length);
  let count = 0;
  for (let g = 0; g < groups.length; g++) {
    const last = memo.get(groups[g]!.key);
    if (last && sameInputs(last, groups[g]!, items, loads, shares, first[g]!, first[g + 1]!)) results[g] = last;
    else {
      changed.push(g);
      count += first[g + 1]! - first[g]!;
    }
  }
  if (changed.length) {
    const sweep = new Loads(count);
    const kept: SharedArrays = { items: new Array<Item>(count), start: new Float64Array(count), finish: new Float64Array(count), rate: new Float64Array(count) };
    for (const g of changed) {
      const from = sweep.count;
      for (let k = first[g]!; k < first[g + 1]!; k++) {
        const i = shares[k]!;
        const at = sweep.count;
        sweep.add(g, loads.item[i]!, loads.start[i]!, loads.finish[i]!, loads.rate[i]!);
        kept.items[at] = items[loads.item[i]!]!;
        kept.start[at] = loads.start[i]!;
        kept.finish[at] = loads.finish[i]!;
        kept.rate[at] = loads.rate[i]!;
      }
      results[g] = { label: groups[g]!.label, limit: groups[g]!.limit, shares: kept, from, count: sweep.count - from, conflicts: [] };
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
  if (last.label !== group.label || last.limit !== group.limit || last.count !== to - from) return false;
  const kept = last.shares;
  for (let k = from, j = last.from; k < to; k++, j++) {
    const i = shares[k]!;
    if (kept.items[j] !== items[loads.item[i]!] || kept.start[j] !== loads.start[i] || kept.finish[j] !== loads.finish[i] || kept.rate[j] !== loads.rate[i]) {
      return false;
    }
  }
  return true;
}
