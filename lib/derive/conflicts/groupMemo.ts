import type { WorkCalendar } from "../calendar";
import type { Conflict } from "../types";
import { findOverloads, type Loads, type Overload } from "./loadSweep";

/**
 * What a load rule found for each group (a lane, a person) last time, by the group's key. On a
 * live board an edit touches one or two groups out of hundreds: a ConflictFinder sweeps those
 * again and reuses the conflicts of the others (see ConflictFinder and changedItems).
 */
export type GroupMemo = Map<string, Conflict[]>;

/** One group of a load rule, as groupOverloadConflicts needs it. */
export interface GroupSpec {
  /** Stable across calls (a lane id, a person's normalised name). */
  key: string;
  limit: number;
}

/**
 * The conflicts of every group's overloads, group by group in `order` (a permutation of the
 * group indices; rules pass the order of their conflict ids, so the list comes out sorted), each
 * group's in time order. `loads` holds, in item id order, the shares of every group, or, when
 * `changed` is given, only those of the groups it flags: the others take their conflicts from
 * `memo`, which must then hold the previous call's results for the same groups with unchanged
 * inputs. `memo`, when given, is updated to this call's.
 */
export function groupOverloadConflicts(
  cal: WorkCalendar,
  loads: Loads,
  groups: readonly GroupSpec[],
  order: ArrayLike<number>,
  memo: GroupMemo | null,
  changed: Uint8Array | null,
  make: (over: Overload) => Conflict,
): Conflict[] {
  const found = findOverloads(cal, loads, (g) => groups[g]!.limit);
  const results = new Array<Conflict[] | undefined>(groups.length);
  for (const over of found) (results[over.group] ??= []).push(make(over));
  if (memo && !changed) memo.clear();
  const out: Conflict[] = [];
  for (let k = 0; k < order.length; k++) {
    const g = order[k]!;
    const key = groups[g]!.key;
    let result = results[g];
    if (!memo) result ??= [];
    else if (!changed || changed[g]) memo.set(key, (result ??= []));
    else result = memo.get(key) ?? [];
    for (const conflict of result) out.push(conflict);
  }
  return out;
}

/** Group indices sorted by a string per group (code-unit order). */
export function orderBy(prefixes: readonly string[]): Int32Array {
  return Int32Array.from(prefixes.keys()).sort((a, b) => (prefixes[a]! < prefixes[b]! ? -1 : prefixes[a]! > prefixes[b]! ? 1 : a - b));
}
