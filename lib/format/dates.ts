import { APP_LOCALE } from "./locale";

/**
 * One way to write dates across Waymark (docs/dates.md), through Intl.DateTimeFormat:
 *
 * - a calendar date (an item's start, a milestone, a holiday: "YYYY-MM-DD", no time zone):
 *   `formatDate` "Mon, Jan 11" and `formatShortDate` "Jan 11", with the year ("Mon, Jan 11,
 *   2027") when it is not the year of `today`, or always when no `today` is given;
 * - a moment (a comment, a change, a link's expiry: an ISO instant): `formatDateTime`
 *   "Jan 11, 2:05 PM", with the year when not the year of `now`, in the reader's time zone
 *   unless `timeZone` says otherwise (mail is written on the server, in UTC).
 *
 * Nothing reads the clock or the environment: `today`, `now`, `locale` and `timeZone` are
 * parameters, so the server and the browser (and every replica deriving conflicts) write the
 * same date the same way.
 */

export interface CalendarDateOptions {
  /** "YYYY-MM-DD" of the reader's today: a date in that year is written without its year. */
  today?: string | null;
  locale?: string;
}

export interface MomentOptions {
  /** The moment it is now: a moment in that year is written without its year. */
  now?: Date | null;
  locale?: string;
  /** IANA zone; the runtime's own zone (the reader's, in a browser) when not given. */
  timeZone?: string;
}

type Style = "long" | "short";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Written dates, cached: the timeline labels every bar on every redraw, and Intl formatting is
 * slow next to a map lookup (a board spans a few hundred distinct days).
 */
const written = new Map<string, string>();
const WRITTEN_MAX = 20_000;

function calendarDate(date: string, style: Style, { today, locale = APP_LOCALE }: CalendarDateOptions): string {
  const match = DATE_SHAPE.exec(date);
  // Not a date this formatter can place on a calendar: say what was there rather than guess.
  if (!match) return date;
  const withYear = !today || today.slice(0, 4) !== match[1];
  const key = `${locale}|${style}|${withYear ? "y" : ""}|${date}`;
  let text = written.get(key);
  if (text === undefined) {
    const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    // Years 0–99 would be read as 1900–1999 by Date.UTC.
    at.setUTCFullYear(Number(match[1]));
    // Not a real day (2027-02-31): Date would roll it over into March.
    if (Number.isNaN(at.getTime()) || at.getUTCMonth() !== Number(match[2]) - 1 || at.getUTCDate() !== Number(match[3])) return date;
    const options: Intl.DateTimeFormatOptions = {
      // A calendar date has no zone: written in UTC, no reader's zone moves it a day.
      timeZone: "UTC",
      month: "short",
      day: "numeric",
      ...(style === "long" ? { weekday: "short" } : {}),
      ...(withYear ? { year: "numeric" } : {}),
    };
    text = formatter(locale, options).format(at);
    if (written.size >= WRITTEN_MAX) written.clear();
    written.set(key, text);
  }
  return text;
}

/** "Mon, Jan 11" (this year) or "Mon, Jan 11, 2027": a calendar date in a sentence or a panel. */
export function formatDate(date: string, options: CalendarDateOptions = {}): string {
  return calendarDate(date, "long", options);
}

/** "Jan 11" or "Jan 11, 2027": where room is short (a bar's label, a table cell). */
export function formatShortDate(date: string, options: CalendarDateOptions = {}): string {
  return calendarDate(date, "short", options);
}

/**
 * "Jan 11 – Mar 5" or "Dec 28, 2026 – Jan 8, 2027": two dates of one span, the year said once
 * when both share it, and not at all when that is today's year. `joiner` " to " reads aloud.
 */
export function formatDateRange(start: string, finish: string, { today, locale, joiner = " – " }: CalendarDateOptions & { joiner?: string } = {}): string {
  const first = formatShortDate(start, { locale, today: start.slice(0, 4) === finish.slice(0, 4) ? start : today });
  return `${first}${joiner}${formatShortDate(finish, { locale, today })}`;
}

/** The year of a moment as read in `timeZone`. */
function yearOf(at: Date, locale: string, timeZone: string | undefined): string {
  return formatter(locale, { year: "numeric", ...(timeZone ? { timeZone } : {}) }).format(at);
}

/** "Jan 11, 2:05 PM" or "Jan 11, 2027, 2:05 PM": when something happened. */
export function formatDateTime(instant: string | Date, { now, locale = APP_LOCALE, timeZone }: MomentOptions = {}): string {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return "";
  const withYear = !now || yearOf(at, locale, timeZone) !== yearOf(now, locale, timeZone);
  return formatter(locale, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    ...(withYear ? { year: "numeric" } : {}),
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/** "Mon, Jan 11" or with the year: the calendar day of a moment, as read in `timeZone`. */
export function formatDayOf(instant: string | Date, { now, locale = APP_LOCALE, timeZone }: MomentOptions = {}): string {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return "";
  const withYear = !now || yearOf(at, locale, timeZone) !== yearOf(now, locale, timeZone);
  return formatter(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(withYear ? { year: "numeric" } : {}),
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/** "Tue 2:05 PM": a moment of the last few days, by its weekday. */
export function formatWeekdayTime(instant: string | Date, { locale = APP_LOCALE, timeZone }: Omit<MomentOptions, "now"> = {}): string {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return "";
  return formatter(locale, { weekday: "short", hour: "numeric", minute: "2-digit", ...(timeZone ? { timeZone } : {}) }).format(at);
}

/** Today's date ("YYYY-MM-DD") as read in the runtime's zone: pass it as `today` above. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear()).padStart(4, "0")}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
