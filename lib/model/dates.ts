import { z } from "zod";
import { isInSupportedRange, outOfRangeMessage } from "./dateRange";

declare const brand: unique symbol;
/** A calendar date, "YYYY-MM-DD", with no time zone: what a roadmap plans in. */
export type DateString = string & { readonly [brand]: "DateString" };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in YYYY-MM-DD form (rejects 2027-02-30). */
export function isDateString(s: string): s is DateString {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True for a real date inside the supported range (dateRange.ts, docs/dates.md). */
export function isSupportedDate(s: string): s is DateString {
  return isDateString(s) && isInSupportedRange(s);
}

/**
 * A date a board may hold: real, and inside the supported range. An out-of-range date gets an
 * issue of its own whose `params.outOfRange` is the date, so the snapshot can tell it from junk
 * (and clamp a horizon instead of forgetting it).
 */
export const dateStringSchema = z
  .string()
  .superRefine((s, ctx) => {
    if (!isDateString(s)) ctx.addIssue({ code: "custom", message: "must be a real date written YYYY-MM-DD" });
    else if (!isInSupportedRange(s)) ctx.addIssue({ code: "custom", message: outOfRangeMessage(s), params: { outOfRange: s } });
  })
  .transform((s) => s as DateString);

/** Days since 1970-01-01 (UTC), the integer form every date computation uses. */
export function toDayNumber(date: DateString): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Day numbers of 0100-01-01 and 9999-12-31, the first and last dates a DateString can hold. */
const FIRST_DATE_DAY = -683_003;
const LAST_DATE_DAY = 2_932_896;

/**
 * The date of a day number, clamped to the dates a DateString can hold (NaN reads as
 * 1970-01-01). Unclamped, a day past what a Date holds (±10^8) made toISOString throw, and one
 * past 9999 came out as "+010000-01-01". Callers keep days inside the supported range
 * (dateRange.ts, docs/dates.md); this only guarantees a well-formed answer whatever they pass.
 */
export function fromDayNumber(day: number): DateString {
  const safe = day >= FIRST_DATE_DAY ? (day <= LAST_DATE_DAY ? day : LAST_DATE_DAY) : day < FIRST_DATE_DAY ? FIRST_DATE_DAY : 0;
  return new Date(safe * 86_400_000).toISOString().slice(0, 10) as DateString;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function addCalendarDays(date: DateString, days: number): DateString {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Parses a trusted literal (templates, tests); throws on a typo because that is a bug. */
export function date(s: string): DateString {
  if (!isDateString(s)) throw new Error(`not a date: ${s}`);
  return s;
}
