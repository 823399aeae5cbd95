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
  const { day, group, delta, step, base, days } = sortedEvents(loads);
  const span = 2 * m;
  // Event days repeat across groups (a few hundred distinct days, tens of thousands of events):
  // look each one's next working day up once.
  const nextWorked = new Float64Array(days <= 4 * span + 4096 ? days : 0).fill(NaN);

  const runs: Overload[] = [];
  let run: Overload | null = null;
  let load = 0;
  let active = 0;
  for (let k = 0; k < span; ) {
    const g = group[k]!;
    const today = day[k]!;
    for (; k < span && day[k] === today && group[k] === g; k++) {
      load += delta[k]!;
      active += step[k]!;
    }
    if (active === 0) {
      // The group fell idle (always so at its last event): drop any float drift and any open run.
      load = 0;
      run = null;
      continue;
    }
    const segmentEnd = day[k]! - 1; // a group's last event ends a share, so k < span here
    const slot = today - base;
    let firstWorked = slot < nextWorked.length ? nextWorked[slot]! : NaN;
    if (firstWorked !== firstWorked) {
      firstWorked = nextWorkingDay(cal, today);
      if (slot < nextWorked.length) nextWorked[slot] = firstWorked;
    }
    if (firstWorked > segmentEnd) continue; // no working day until the next event
    if (load > limit(g) + EPSILON) {
      if (!run) runs.push((run = { group: g, start: firstWorked, finish: firstWorked, peak: load, items: [] }));
      run.finish = Math.max(run.start, previousWorkingDay(cal, segmentEnd));
      if (load > run.peak) run.peak = load;
    } else run = null;
  }
  if (runs.length) assignItems(runs, loads);
  return runs;
}

/**
 * The events (each share starts, and ends the day after its finish) sorted by group, then day,
 * then share order, gathered into flat arrays the sweep reads front to back: day, group, load
 * change (+rate at a start, -rate at an end) and active-share change (+1, -1). Two stable counting-sort passes (by day, then by group): O(n) plus the
 * number of days spanned, several times faster than a comparison sort here. A span of days far
 * larger than the number of events (junk dates centuries apart) falls back to a comparison sort
 * rather than allocate a counter per day.
 */
function sortedEvents(loads: Loads) {
  const m = loads.count;
  const span = 2 * m;
  const dayOfEvent = new Float64Array(span);
  const groupOfEvent = new Int32Array(span);
  let base = Infinity;
  let top = -Infinity;
  let groups = 0;
  for (let i = 0; i < m; i++) {
    const s = loads.start[i]!;
    const f = loads.finish[i]! + 1;
    dayOfEvent[i] = s;
    dayOfEvent[m + i] = f;
    groupOfEvent[i] = groupOfEvent[m + i] = loads.group[i]!;
    if (s < base) base = s;
    if (f > top) top = f;
    if (loads.group[i]! >= groups) groups = loads.group[i]! + 1;
  }
  const days = top - base + 1;
  let order: Int32Array;
  if (days > 4 * span + 4096) {
    order = Int32Array.from({ length: span }, (_, e) => e).sort(
      (a, b) => groupOfEvent[a]! - groupOfEvent[b]! || dayOfEvent[a]! - dayOfEvent[b]! || a - b,
    );
  } else {
    const dayKey = new Int32Array(span);
    for (let e = 0; e < span; e++) dayKey[e] = dayOfEvent[e]! - base;
    order = countingSort(groupOfEvent, groups, countingSort(dayKey, days, null));
  }
  const day = new Float64Array(span);
  const group = new Int32Array(span);
  const delta = new Float64Array(span);
  const step = new Int8Array(span);
  for (let k = 0; k < span; k++) {
    const e = order[k]!;
    day[k] = dayOfEvent[e]!;
    group[k] = groupOfEvent[e]!;
    delta[k] = e < m ? loads.rate[e]! : -loads.rate[e - m]!;
    step[k] = e < m ? 1 : -1;
  }
  return { day, group, delta, step, base, days };
}

/** Stable counting sort of `input` (or 0..n-1) by key[e], an integer in [0, buckets). */
function countingSort(key: Int32Array, buckets: number, input: Int32Array | null): Int32Array {
  const n = key.length;
  const next = new Int32Array(buckets + 1);
  for (let e = 0; e < n; e++) next[key[e]! + 1]!++;
  for (let b = 0; b < buckets; b++) next[b + 1]! += next[b]!;
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const e = input ? input[k]! : k;
    out[next[key[e]!]!++] = e;
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
