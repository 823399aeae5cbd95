import { nextWorkingDay, previousWorkingDay, type WorkCalendar } from "../calendar";

/**
 * Shares of load, one per (group, item): a lane's item, or one owner's part of an item. Kept
 * as typed arrays filled in place: a board has tens of thousands of shares, and an object or a
 * growing array per share costs more than the sweep itself.
 */
export class Loads {
  count = 0;
  readonly group: Int32Array;
  readonly item: Int32Array;
  readonly start: Float64Array;
  readonly finish: Float64Array;
  readonly rate: Float64Array;

  constructor(capacity: number) {
    this.group = new Int32Array(capacity);
    this.item = new Int32Array(capacity);
    this.start = new Float64Array(capacity);
    this.finish = new Float64Array(capacity);
    this.rate = new Float64Array(capacity);
  }

  /** Adds a share; `finish` is never before `start`. Add in item id order (see findOverloads). */
  add(group: number, item: number, start: number, finish: number, rate: number): void {
    const i = this.count++;
    this.group[i] = group;
    this.item[i] = item;
    this.start[i] = start;
    this.finish[i] = finish < start ? start : finish;
    this.rate[i] = rate;
  }
}

/** A maximal run of working days on which a group's load is over its limit, with the items active in it. */
export interface Overload {
  group: number;
  start: number;
  finish: number;
  peak: number;
  /** Item indices, in the order their shares were added. */
  items: number[];
}

/**
 * Float sums of fractional rates drift (0.2 + 0.4 + 0.3 + 0.1 is 1.0000000000000002); a load
 * this close to the limit counts as at the limit, not over it.
 */
const EPSILON = 1e-9;

/**
 * One sweep over the sorted start and end events of every group: O(n log n) in the number of
 * shares, whatever the length of the intervals, with no per-day loop. Between two consecutive
 * event days a group's load is constant; a stretch with no working day in it (a weekend between
 * two items) neither opens nor closes a run, so an overload from Friday to Monday is one run.
 *
 * Shares must be added in item id order: events of one day are applied in that order, so the
 * float sums, and so the output, are identical on every replica whatever the input order was.
 */
export function findOverloads(cal: WorkCalendar, loads: Loads, limit: (group: number) => number): Overload[] {
  const m = loads.count;
  if (m === 0) return [];
  const { order, dayAt, base, days } = sortedEvents(loads);
  const span = 2 * m;
  // Event days repeat across groups (a few hundred distinct days, tens of thousands of events):
  // look each one's next working day up once.
  const nextWorked = new Float64Array(days <= 4 * span + 4096 ? days : 0).fill(NaN);
  const firstWorkedFrom = (day: number) => {
    const slot = day - base;
    if (slot >= nextWorked.length) return nextWorkingDay(cal, day);
    const known = nextWorked[slot]!;
    return known === known ? known : (nextWorked[slot] = nextWorkingDay(cal, day));
  };
  const groupOf = (e: number) => loads.group[e < m ? e : e - m]!;

  const runs: Overload[] = [];
  let run: Overload | null = null;
  let load = 0;
  let active = 0;
  for (let k = 0; k < span; ) {
    const group = groupOf(order[k]!);
    const today = dayAt[order[k]!]!;
    for (; k < span && dayAt[order[k]!] === today && groupOf(order[k]!) === group; k++) {
      const e = order[k]!;
      if (e < m) {
        load += loads.rate[e]!;
        active++;
      } else {
        load -= loads.rate[e - m]!;
        active--;
      }
    }
    if (active === 0) {
      // The group fell idle (always so at its last event): drop any float drift and any open run.
      load = 0;
      run = null;
      continue;
    }
    const segmentEnd = dayAt[order[k]!]! - 1; // a group's last event ends a share, so k < span here
    const firstWorked = firstWorkedFrom(today);
    if (firstWorked > segmentEnd) continue; // no working day until the next event
    if (load > limit(group) + EPSILON) {
      if (!run) runs.push((run = { group, start: firstWorked, finish: firstWorked, peak: load, items: [] }));
      run.finish = Math.max(run.start, previousWorkingDay(cal, segmentEnd));
      if (load > run.peak) run.peak = load;
    } else run = null;
  }
  if (runs.length) assignItems(runs, loads);
  return runs;
}

/**
 * Event indices (e < m: share e starts; e ≥ m: share e - m ends the day after its finish) sorted
 * by group, then day, then index. Two stable counting-sort passes (by day, then by group): O(n)
 * plus the number of days spanned, several times faster than a comparison sort here. A span of
 * days far larger than the number of events (junk dates centuries apart) falls back to a
 * comparison sort rather than allocate a counter per day.
 */
function sortedEvents(loads: Loads): { order: Int32Array; dayAt: Float64Array; base: number; days: number } {
  const m = loads.count;
  const span = 2 * m;
  const dayAt = new Float64Array(span);
  let base = Infinity;
  let top = -Infinity;
  let groups = 0;
  for (let i = 0; i < m; i++) {
    dayAt[i] = loads.start[i]!;
    dayAt[m + i] = loads.finish[i]! + 1;
    base = Math.min(base, dayAt[i]!);
    top = Math.max(top, dayAt[m + i]!);
    groups = Math.max(groups, loads.group[i]! + 1);
  }
  const groupAt = (e: number) => loads.group[e < m ? e : e - m]!;
  const days = top - base + 1;
  if (days > 4 * span + 4096) {
    const order = Int32Array.from({ length: span }, (_, e) => e).sort((a, b) => groupAt(a) - groupAt(b) || dayAt[a]! - dayAt[b]! || a - b);
    return { order, dayAt, base, days };
  }
  const byDay = countingSort(span, days, (e) => dayAt[e]! - base, null);
  return { order: countingSort(span, groups, groupAt, byDay), dayAt, base, days };
}

/** Stable counting sort of `input` (or 0..n-1) by an integer key in [0, buckets). */
function countingSort(n: number, buckets: number, key: (e: number) => number, input: Int32Array | null): Int32Array {
  const next = new Int32Array(buckets + 1);
  for (let e = 0; e < n; e++) next[key(e) + 1]!++;
  for (let b = 0; b < buckets; b++) next[b + 1]! += next[b]!;
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const e = input ? input[k]! : k;
    out[next[key(e)]!++] = e;
  }
  return out;
}

/** Names each run's items: the shares of its group overlapping it, by binary search over the group's runs. */
function assignItems(runs: Overload[], loads: Loads): void {
  const byGroup = new Map<number, Overload[]>();
  for (const run of runs) {
    const list = byGroup.get(run.group);
    if (list) list.push(run);
    else byGroup.set(run.group, [run]);
  }
  for (let i = 0; i < loads.count; i++) {
    const list = byGroup.get(loads.group[i]!);
    if (!list) continue;
    const s = loads.start[i]!;
    const f = loads.finish[i]!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.finish < s) lo = mid + 1;
      else hi = mid;
    }
    for (let r = lo; r < list.length && list[r]!.start <= f; r++) list[r]!.items.push(loads.item[i]!);
  }
}
