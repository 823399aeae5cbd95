import { isoWeekday, toDayNumber, type DateString } from "../model/dates";

/**
 * A board's working-day calendar. Durations and lags count working days; dates stay calendar
 * dates. All arithmetic is on integer day numbers (days since 1970-01-01, UTC).
 *
 * Every working day also has an ordinal, its *work index* (working days counted from a fixed
 * Monday, negative before it). The scheduler adds durations and lags to work indices, so a
 * 10,000-item board costs integer additions instead of day-by-day walks; converting between
 * days and work indices is week arithmetic plus a binary search over the holidays.
 */
export interface WorkCalendar {
  /** ISO weekdays that are worked (1 = Monday … 7 = Sunday). */
  readonly workingWeekdays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<number>;
  /** Working weekdays per week (1 to 7). */
  readonly perWeek: number;
  /** prefix[r]: working weekdays among the first r days (0..7) of a week starting on Monday. */
  readonly prefix: readonly number[];
  /** slot[k]: offset from Monday of the k-th working weekday of a week (k < perWeek). */
  readonly slot: readonly number[];
  /** Holidays that fall on working weekdays (the others change nothing), sorted, distinct. */
  readonly blocked: Int32Array;
  /**
   * rank[j] = weekdayIndex(blocked[j]) - j: non-decreasing, so the holidays before the k-th
   * working day can be found by binary search (see dayOfWorkIndex).
   */
  readonly rank: Int32Array;
}

/** 1970-01-05, a Monday: where work indices and week arithmetic start. */
const EPOCH_MONDAY = 4;

/**
 * Builds a calendar. A board with no working weekday at all would leave no working day to
 * schedule on, so it falls back to all seven days (the derive layer reports the odd setting).
 */
export function makeCalendar(settings: { workingDays: readonly number[]; holidays: readonly DateString[] }): WorkCalendar {
  const chosen = new Set(settings.workingDays.filter((d) => d >= 1 && d <= 7));
  const workingWeekdays = chosen.size ? chosen : new Set([1, 2, 3, 4, 5, 6, 7]);
  const holidays = new Set(settings.holidays.map(toDayNumber));
  const prefix = [0];
  const slot: number[] = [];
  for (let offset = 0; offset < 7; offset++) {
    const worked = workingWeekdays.has(offset + 1);
    if (worked) slot.push(offset);
    prefix.push(prefix[offset]! + (worked ? 1 : 0));
  }
  const perWeek = slot.length;
  const blocked = Int32Array.from([...holidays].filter((d) => workingWeekdays.has(isoWeekday(d)))).sort();
  const rank = new Int32Array(blocked.length);
  const partial = { perWeek, prefix };
  blocked.forEach((day, j) => (rank[j] = weekdayIndex(partial, day) - j));
  return { workingWeekdays, holidays, perWeek, prefix, slot, blocked, rank };
}

/** Working weekdays (holidays not subtracted) in [EPOCH_MONDAY, day), negative before it. */
function weekdayIndex(cal: Pick<WorkCalendar, "perWeek" | "prefix">, day: number): number {
  const offset = day - EPOCH_MONDAY;
  const weeks = Math.floor(offset / 7);
  return weeks * cal.perWeek + cal.prefix[offset - weeks * 7]!;
}

/** Number of entries of a sorted array strictly below `value` (or ≤ it when `inclusive`). */
function countBelow(sorted: Int32Array, value: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = sorted[mid]!;
    if (x < value || (inclusive && x === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working days in [EPOCH_MONDAY, day): the work index of `day` when it is worked, and of the
 * next working day otherwise.
 */
export function workIndex(cal: WorkCalendar, day: number): number {
  return weekdayIndex(cal, day) - countBelow(cal.blocked, day, false);
}

/** The working day whose work index is `index`. */
export function dayOfWorkIndex(cal: WorkCalendar, index: number): number {
  // With c holidays before it, the answer is the (index + c)-th working weekday; c is the
  // number of holidays j with rank[j] ≤ index (rank is non-decreasing).
  const weekday = index + countBelow(cal.rank, index, true);
  const weeks = Math.floor(weekday / cal.perWeek);
  return EPOCH_MONDAY + weeks * 7 + cal.slot[weekday - weeks * cal.perWeek]!;
}

/** True when `day` is a working weekday and not a holiday. */
export function isWorkingDay(cal: WorkCalendar, day: number): boolean {
  return cal.workingWeekdays.has(isoWeekday(day)) && !cal.holidays.has(day);
}

/** `day` itself when it is worked, else the next working day. */
export function nextWorkingDay(cal: WorkCalendar, day: number): number {
  return isWorkingDay(cal, day) ? day : dayOfWorkIndex(cal, workIndex(cal, day));
}

/** `day` itself when it is worked, else the previous working day. */
export function previousWorkingDay(cal: WorkCalendar, day: number): number {
  return isWorkingDay(cal, day) ? day : dayOfWorkIndex(cal, workIndex(cal, day) - 1);
}

/**
 * Commands cap durations and lags at 10 000 working days, but a snapshot keeps any integer a
 * peer wrote: an unbounded count would run past the dates a DateString can hold. No plan
 * needs more than this (~380 years).
 */
export const MAX_WORKING_DAYS = 100_000;

/** Clamps a count of working days (a duration or a lag) to ±MAX_WORKING_DAYS. */
export function clampWorkingDays(n: number): number {
  return Math.max(-MAX_WORKING_DAYS, Math.min(MAX_WORKING_DAYS, n));
}

/**
 * Moves `n` working days from `day` (backwards when n < 0): the n-th working day after it, or
 * `day` itself when n = 0; |n| is capped at MAX_WORKING_DAYS.
 */
export function addWorkingDays(cal: WorkCalendar, day: number, n: number): number {
  const steps = clampWorkingDays(n);
  if (steps === 0) return day;
  // Working days strictly after `day` start at workIndex(day + 1); strictly before it, they
  // end at workIndex(day) - 1.
  return steps > 0 ? dayOfWorkIndex(cal, workIndex(cal, day + 1) + steps - 1) : dayOfWorkIndex(cal, workIndex(cal, day) + steps);
}

/** The last working day of an item starting on `start` and lasting `duration` working days. */
export function finishDay(cal: WorkCalendar, start: number, duration: number): number {
  return addWorkingDays(cal, nextWorkingDay(cal, start), Math.max(1, duration) - 1);
}

/** Working days from `from` to `to`, both inclusive (0 when `to` is before `from`). */
export function workingDaysBetween(cal: WorkCalendar, from: number, to: number): number {
  return to < from ? 0 : workIndex(cal, to + 1) - workIndex(cal, from);
}
