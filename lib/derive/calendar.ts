import { isoWeekday, toDayNumber, type DateString } from "../model/dates";

/**
 * A board's working-day calendar. Durations and lags count working days; dates stay calendar
 * dates. All arithmetic is on integer day numbers (days since 1970-01-01, UTC).
 */
export interface WorkCalendar {
  /** ISO weekdays that are worked (1 = Monday … 7 = Sunday). */
  readonly workingWeekdays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<number>;
}

/**
 * Builds a calendar. A board with no working weekday at all would make every computation loop
 * forever, so it falls back to all seven days (the derive layer reports the odd setting).
 */
export function makeCalendar(settings: { workingDays: readonly number[]; holidays: readonly DateString[] }): WorkCalendar {
  const weekdays = new Set(settings.workingDays.filter((d) => d >= 1 && d <= 7));
  const holidays = new Set(settings.holidays.map(toDayNumber));
  return { workingWeekdays: weekdays.size ? weekdays : new Set([1, 2, 3, 4, 5, 6, 7]), holidays };
}

/** Holidays can fill any stretch; a year of consecutive non-working days means a broken calendar. */
const MAX_SEARCH = 366 * 5;

export function isWorkingDay(cal: WorkCalendar, day: number): boolean {
  return cal.workingWeekdays.has(isoWeekday(day)) && !cal.holidays.has(day);
}

/** `day` itself when it is worked, else the next working day. */
export function nextWorkingDay(cal: WorkCalendar, day: number): number {
  for (let d = day, i = 0; i < MAX_SEARCH; d++, i++) if (isWorkingDay(cal, d)) return d;
  return day;
}

/** `day` itself when it is worked, else the previous working day. */
export function previousWorkingDay(cal: WorkCalendar, day: number): number {
  for (let d = day, i = 0; i < MAX_SEARCH; d--, i++) if (isWorkingDay(cal, d)) return d;
  return day;
}

/**
 * Commands cap durations and lags at 10 000 working days, but a snapshot keeps any integer a
 * peer wrote, and this loop runs on every replica: an unbounded count would freeze them all
 * (and run past the dates a DateString can hold). No plan needs more than this (~380 years).
 */
export const MAX_WORKING_DAYS = 100_000;

/** Moves `n` working days from a working day (backwards when n < 0); |n| is capped at MAX_WORKING_DAYS. */
export function addWorkingDays(cal: WorkCalendar, day: number, n: number): number {
  let d = day;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.min(Math.abs(n), MAX_WORKING_DAYS); left > 0; ) {
    d += step;
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/** The last working day of an item starting on `start` and lasting `duration` working days. */
export function finishDay(cal: WorkCalendar, start: number, duration: number): number {
  return addWorkingDays(cal, nextWorkingDay(cal, start), Math.max(1, duration) - 1);
}

/** Working days from `from` to `to`, both inclusive (0 when `to` is before `from`). */
export function workingDaysBetween(cal: WorkCalendar, from: number, to: number): number {
  let count = 0;
  for (let d = from; d <= to; d++) if (isWorkingDay(cal, d)) count++;
  return count;
}
