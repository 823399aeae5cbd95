import { CONFLICT_KINDS, type Conflict, type ConflictKind, type Severity } from "../types";
import { compareStrings } from "./text";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const KIND_RANK = new Map<ConflictKind, number>(CONFLICT_KINDS.map((kind, i) => [kind, i]));

/** Severity (error, warning, info), then kind in CONFLICT_KINDS order, then id in code-unit order. */
export function compareConflicts(a: Conflict, b: Conflict): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (KIND_RANK.get(a.kind) ?? 0) - (KIND_RANK.get(b.kind) ?? 0) ||
    compareStrings(a.id, b.id)
  );
}

/** Per kind, what the rules produced last time (in their order) and the same deduplicated and sorted by id. */
export type KindOrder = Map<ConflictKind, { found: Conflict[]; sorted: Conflict[] }>;

const byId = (a: Conflict, b: Conflict) => compareStrings(a.id, b.id);

/**
 * One conflict per id, sorted by compareConflicts. Two rules (or two junk problems) can name
 * the same cause; which one is kept must not depend on input order, so the smaller
 * serialization wins. Ids begin with their kind, so equal ids are of one kind.
 *
 * With `memory` (a ConflictFinder's), each kind's sorted list is derived from the previous
 * call's: conflicts that are the very same objects as last time (a reused load conflict, say)
 * keep their places, and only new ones are sorted in. The result is the same either way.
 */
export function orderConflicts(found: readonly Conflict[], memory: { order?: KindOrder } | null): Conflict[] {
  const perKind = new Map<ConflictKind, Conflict[]>();
  for (const conflict of found) {
    const list = perKind.get(conflict.kind);
    if (list) list.push(conflict);
    else perKind.set(conflict.kind, [conflict]);
  }
  const next: KindOrder = new Map();
  const bySeverity: Conflict[][][] = SEVERITIES.map(() => []);
  const kinds = [...perKind.keys()].sort((a, b) => (KIND_RANK.get(a) ?? 0) - (KIND_RANK.get(b) ?? 0) || compareStrings(a, b));
  for (const kind of kinds) {
    const list = perKind.get(kind)!;
    const sorted = sortKind(list, memory?.order?.get(kind));
    next.set(kind, { found: list, sorted });
    const split: Conflict[][] = SEVERITIES.map(() => []);
    for (const conflict of sorted) split[SEVERITY_RANK[conflict.severity]]!.push(conflict);
    split.forEach((part, rank) => bySeverity[rank]!.push(part));
  }
  if (memory) memory.order = next;
  const out: Conflict[] = [];
  for (const parts of bySeverity) for (const part of parts) for (const conflict of part) out.push(conflict);
  return out;
}

function sortKind(found: Conflict[], last: { found: Conflict[]; sorted: Conflict[] } | undefined): Conflict[] {
  const was = last?.found ?? [];
  // Rules hand back most conflicts as the very objects of last time, in the same order.
  let head = 0;
  while (head < found.length && head < was.length && found[head] === was[head]) head++;
  if (last && head === found.length && head === was.length) return last.sorted;
  // Most rules produce their conflicts in id order already (items and links in id order, load
  // groups by their id prefix): a check in one pass, rather than a sort.
  if (sortedOnce(found)) return found;
  // Last time had duplicate ids (a dropped duplicate may win now), or there is no last time.
  if (!last || last.sorted.length !== was.length) return dedupe(found.slice().sort(byId));
  // What differs is taken as one stretch, from the first difference to the last.
  let tail = 0;
  while (tail < found.length - head && tail < was.length - head && found[found.length - 1 - tail] === was[was.length - 1 - tail]) tail++;
  const gone = new Set(was.slice(head, was.length - tail));
  const kept = gone.size ? last.sorted.filter((c) => !gone.has(c)) : last.sorted;
  const fresh = dedupe(found.slice(head, found.length - tail).sort(byId));
  // Merge the two id-sorted lists, one conflict per id: each new one goes where binary search puts it.
  const out: Conflict[] = [];
  let from = 0;
  for (const conflict of fresh) {
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareStrings(kept[mid]!.id, conflict.id) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = from; k < lo; k++) out.push(kept[k]!);
    if (lo < kept.length && kept[lo]!.id === conflict.id) {
      out.push(smaller(kept[lo]!, conflict));
      from = lo + 1;
    } else {
      out.push(conflict);
      from = lo;
    }
  }
  for (let k = from; k < kept.length; k++) out.push(kept[k]!);
  return out;
}

/** True when ids strictly increase (sorted, no two alike). */
function sortedOnce(list: readonly Conflict[]): boolean {
  for (let k = 1; k < list.length; k++) if (!(list[k - 1]!.id < list[k]!.id)) return false;
  return true;
}

/** A list sorted by id with one conflict per id (the smaller serialization). */
function dedupe(sorted: Conflict[]): Conflict[] {
  let w = 0;
  for (let r = 0; r < sorted.length; r++) {
    const c = sorted[r]!;
    if (w > 0 && sorted[w - 1]!.id === c.id) sorted[w - 1] = smaller(sorted[w - 1]!, c);
    else sorted[w++] = c;
  }
  sorted.length = w;
  return sorted;
}

function smaller(a: Conflict, b: Conflict): Conflict {
  if (a === b) return a;
  return JSON.stringify(b) < JSON.stringify(a) ? b : a;
}
