import type { DateString } from "../model/dates";

/**
 * Day number ↔ "YYYY-MM-DD" without Date objects. A derivation writes six dates for each of
 * 10,000 items; `new Date(...).toISOString()` for each would cost more than the whole schedule.
 * Civil-from-days and days-from-civil are Howard Hinnant's algorithms (proleptic Gregorian,
 * exact for every 4-digit year), and formatted strings are cached for the days plans use.
 */

/**
 * The first and last day a DateString can hold: 0100-01-01 (isDateString refuses years below
 * 100, which Date.UTC would read as 19xx) and 9999-12-31.
 */
export const MIN_DAY = -683_003;
export const MAX_DAY = 2_932_896;

const CACHE_FROM = 0; // 1970-01-01
const CACHE_SIZE = 1 << 16; // to 2149: every realistic plan
const cache: (DateString | undefined)[] = new Array<DateString | undefined>(CACHE_SIZE);

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function format(day: number): DateString {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}` as DateString;
}

/** The date of a day number, clamped to the dates a DateString can hold. */
export function formatDay(day: number): DateString {
  const clamped = day < MIN_DAY ? MIN_DAY : day > MAX_DAY ? MAX_DAY : day;
  const slot = clamped - CACHE_FROM;
  if (slot < 0 || slot >= CACHE_SIZE) return format(clamped);
  return (cache[slot] ??= format(clamped));
}

/** The day number of a DateString (days since 1970-01-01). */
export function parseDay(date: DateString): number {
  const y0 = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
