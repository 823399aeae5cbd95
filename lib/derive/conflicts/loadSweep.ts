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
  const { order, dayKey, base, days, groups } = sortedEvents(loads);
  const span = 2 * m;
  const { group: groupOf, rate } = loads;
  // Event days repeat across groups (a few hundred distinct days, tens of thousands of events):
  // look each one's next working day up once.
  const nextWorked = days <= 4 * span + 4096 ? scratch.f64(0, days).fill(NaN) : null;
  const runs: Overload[] = [];
  let run: Overload | null = null;
  let load = 0;
  let active = 0;
  // The event at k: its number, day and group.
  let k = 0;
  let e = order[0]!;
  let day = dayKey[e]! + base;
  let g = groupOf[e < m ? e : e - m]!;
  while (k < span) {
    const today = day;
    const group = g;
    do {
      // A start adds its share's rate, an end takes it away.
      if (e < m) {
        load += rate[e]!;
        active++;
      } else {
        load += -rate[e - m]!;
        active--;
      }
      if (++k === span) break;
      e = order[k]!;
      day = dayKey[e]! + base;
      g = groupOf[e < m ? e : e - m]!;
    } while (day === today && g === group);
    if (active === 0) {
      // The group fell idle (always so at its last event): drop any float drift and any open run.
      load = 0;
      run = null;
      continue;
    }
    const segmentEnd = day - 1; // a group's last event ends a share, so k < span here
    const slot = today - base;
    let firstWorked = nextWorked ? nextWorked[slot]! : NaN;
    if (firstWorked !== firstWorked) {
      firstWorked = nextWorkingDay(cal, today);
      if (nextWorked) nextWorked[slot] = firstWorked;
    }
    if (firstWorked > segmentEnd) continue; // no working day until the next event
    if (load > limit(group) + EPSILON) {
      if (!run) runs.push((run = { group, start: firstWorked, finish: firstWorked, peak: load, items: [] }));
      run.finish = Math.max(run.start, previousWorkingDay(cal, segmentEnd));
      if (load > run.peak) run.peak = load;
    } else run = null;
  }
  if (runs.length) assignItems(runs, loads, groups);
  return runs;
}

/**
 * The events (each share e starts: event e; and ends the day after its finish: event m + e)
 * sorted by group, then day, then event number (a day's starts before its ends, each in share
 * order), as `order`; `dayKey` holds each event's day minus `base`. Two stable counting-sort
 * passes (by day, then by group): O(n) plus the number of days spanned, several times faster
 * than a comparison sort here. A span of days far larger than the number of events (junk dates
 * centuries apart) falls back to a comparison sort rather than allocate a counter per day.
 *
 * The arrays are scratch space reused by the next call (see `scratch`): read them before.
 */
function sortedEvents(loads: Loads) {
  const m = loads.count;
  const span = 2 * m;
  const { start, finish, group } = loads;
  let base = Infinity;
  let top = -Infinity;
  let groups = 0;
  for (let i = 0; i < m; i++) {
    if (start[i]! < base) base = start[i]!;
    if (finish[i]! + 1 > top) top = finish[i]! + 1;
    if (group[i]! >= groups) groups = group[i]! + 1;
  }
  const days = top - base + 1;
  const dayKey = scratch.i32(0, span);
  for (let i = 0; i < m; i++) {
    dayKey[i] = start[i]! - base;
    dayKey[m + i] = finish[i]! + 1 - base;
  }
  const groupOf = (e: number) => group[e < m ? e : e - m]!;
  let order: Int32Array;
  if (days > 4 * span + 4096) {
    order = Int32Array.from({ length: span }, (_, e) => e).sort((a, b) => groupOf(a) - groupOf(b) || dayKey[a]! - dayKey[b]! || a - b);
  } else {
    // By day (events in number order within a day)...
    const byDay = scratch.i32(1, span);
    const next = scratch.i32(2, days + 1).fill(0);
    for (let e = 0; e < span; e++) next[dayKey[e]! + 1]!++;
    for (let b = 0; b < days; b++) next[b + 1]! += next[b]!;
    for (let e = 0; e < span; e++) byDay[next[dayKey[e]!]!++] = e;
    // ...then, stably, by group (each share gives its group two events).
    order = scratch.i32(3, span);
    const at = scratch.i32(2, groups + 1).fill(0);
    for (let i = 0; i < m; i++) at[group[i]! + 1]! += 2;
    for (let g = 0; g < groups; g++) at[g + 1]! += at[g]!;
    for (let k = 0; k < span; k++) {
      const e = byDay[k]!;
      order[at[groupOf(e)]!++] = e;
    }
  }
  return { order, dayKey, base, days, groups };
}

/**
 * Reusable typed arrays for one sweep at a time, by slot, grown as needed: a board's sweeps
 * would otherwise allocate megabytes of short-lived arrays per derivation, and their backing
 * stores count as external memory, which brings garbage collections forward. Purely a cache
 * of space: every use overwrites what it reads (or fills it first).
 */
const scratch = {
  ints: [] as Int32Array[],
  floats: [] as Float64Array[],
  i32(slot: number, n: number): Int32Array {
    let a = this.ints[slot];
    if (!a || a.length < n) this.ints[slot] = a = new Int32Array(Math.max(n, 2 * (a?.length ?? 0)));
    return a.subarray(0, n);
  },
  f64(slot: number, n: number): Float64Array {
    let a = this.floats[slot];
    if (!a || a.length < n) this.floats[slot] = a = new Float64Array(Math.max(n, 2 * (a?.length ?? 0)));
    return a.subarray(0, n);
  },
};

/** Names each run's items: the shares of its group overlapping it, by binary search over the group's runs. */
function assignItems(runs: Overload[], loads: Loads, groups: number): void {
  const byGroup = new Array<Overload[] | undefined>(groups);
  for (const run of runs) (byGroup[run.group] ??= []).push(run);
  for (let i = 0; i < loads.count; i++) {
    const list = byGroup[loads.group[i]!];
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
