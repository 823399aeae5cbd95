import { z } from "zod";

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

export const dateStringSchema = z
  .string()
  .refine(isDateString, "must be a real date written YYYY-MM-DD")
  .transform((s) => s as DateString);

/** Days since 1970-01-01 (UTC), the integer form every date computation uses. */
export function toDayNumber(date: DateString): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(day: number): DateString {
  return new Date(day * 86_400_000).toISOString().slice(0, 10) as DateString;
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
