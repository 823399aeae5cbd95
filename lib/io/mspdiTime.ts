import { nextWorkingDay, workingDaysBetween, type WorkCalendar } from "../derive/calendar";
import { toDayNumber, type DateString } from "../model/dates";

/**
 * Durations and lags of Microsoft Project XML in Waymark's working days (docs/import-export.md).
 *
 * MSPDI writes a task's Duration as an ISO 8601 period of working time (PT40H0M0S) whatever
 * unit the person typed; DurationFormat only says how it was shown. Elapsed units (the "e"
 * formats: 1 ed = 24 h, 1 ew = 168 h) count calendar time, weekends included, so they are
 * counted on the calendar instead. A lag is LinkLag in tenths of a minute, in the unit of
 * LagFormat, or a percentage of the predecessor's duration for the percent formats.
 */

/** DurationFormat / LagFormat codes for elapsed time (em, eh, ed, ew, emo, e%, and their estimated "?" twins). */
const ELAPSED = new Set([4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52]);
/** Percent lags (% and e%, estimated or not): LinkLag is the percentage itself. */
const PERCENT = new Set([19, 20, 51, 52]);

export const isElapsedFormat = (format: number | null) => format !== null && ELAPSED.has(format);

/** An ISO 8601 duration (PT40H0M0S, P2DT4H, -PT8H) in minutes, or null when it is not one. */
export function isoMinutes(value: string): number | null {
  const match = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value.trim());
  if (!match || value.trim() === "P" || value.trim().endsWith("T")) return null;
  const n = (i: number) => (match[i] === undefined ? 0 : Number(match[i]));
  // Years and months never appear in what MS Project writes; a day is a calendar day here.
  const minutes = n(2) * 365 * 1440 + n(3) * 30 * 1440 + n(4) * 7 * 1440 + n(5) * 1440 + n(6) * 60 + n(7) + n(8) / 60;
  return match[1] ? -minutes : minutes;
}

/** Working days of the calendar in [from, from + calendarDays), at least 1. */
function workingDaysIn(cal: WorkCalendar, from: DateString, calendarDays: number): number {
  const first = toDayNumber(from);
  const last = first + Math.max(1, Math.ceil(calendarDays - 1e-9)) - 1;
  return Math.max(1, workingDaysBetween(cal, nextWorkingDay(cal, first), last));
}

/**
 * A task's duration in working days (at least 1): working minutes over MinutesPerDay, rounded
 * up (half a day still takes a day on the board); an elapsed duration by the working days its
 * calendar span covers from its start.
 */
export function taskDays(minutes: number, format: number | null, start: DateString | null, minutesPerDay: number, cal: WorkCalendar): number {
  if (isElapsedFormat(format)) {
    const calendarDays = minutes / 1440;
    return start ? workingDaysIn(cal, start, calendarDays) : Math.max(1, Math.round((calendarDays * cal.perWeek) / 7));
  }
  return Math.max(1, Math.ceil(minutes / minutesPerDay - 1e-9));
}

/**
 * A link's lag in working days (negative for a lead). Elapsed lags are calendar days scaled to
 * the working week (7 elapsed days are 5 working days on a Monday-to-Friday board); percent lags
 * are that share of the predecessor's duration.
 */
export function lagDays(linkLag: number, format: number | null, minutesPerDay: number, workingDaysPerWeek: number, predecessorDays: number | null): number {
  if (linkLag === 0) return 0;
  if (format !== null && PERCENT.has(format)) return Math.round((linkLag / 100) * (predecessorDays ?? 1));
  const minutes = linkLag / 10;
  if (isElapsedFormat(format)) return Math.round(((minutes / 1440) * Math.max(1, workingDaysPerWeek)) / 7);
  return Math.round(minutes / minutesPerDay);
}
