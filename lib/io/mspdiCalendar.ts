import { fromDayNumber, isoWeekday, isSupportedDate, toDayNumber, type DateString } from "../model/dates";

/**
 * The project calendar of a Microsoft Project XML file as Waymark's board calendar: working
 * weekdays and non-working days (docs/import-export.md).
 *
 * - The calendar is the project's (CalendarUID), else the base calendar named "Standard", else
 *   the first base calendar. A calendar derived from a base one inherits the weekdays it does
 *   not state and the base's exceptions (Project writes only what differs).
 * - Non-working days come from the two forms MS Project has written: WeekDay elements of
 *   DayType 0 with a TimePeriod (Project 2003 and earlier, GanttProject), and Exceptions
 *   (Project 2007 and later), whose recurrences (daily every n days, weekly on chosen weekdays,
 *   monthly or yearly on a day or an ordinal weekday) are expanded within their TimePeriod.
 * - Waymark has no working exceptions (a Saturday worked once) nor alternative work weeks:
 *   they are reported, not applied.
 */
type Raw = Record<string, unknown>;

export interface MspdiCalendar {
  /** ISO weekdays worked (1 = Monday … 7 = Sunday), sorted. */
  workingDays: number[];
  /** Non-working dates, sorted, distinct. */
  holidays: DateString[];
}

const list = (value: unknown): Raw[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter((v): v is Raw => typeof v === "object" && v !== null);
const text = (value: unknown): string => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");
const int = (value: unknown): number | null => {
  const n = Number.parseInt(text(value), 10);
  return Number.isFinite(n) ? n : null;
};
const dayOf = (value: unknown): number | null => {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(text(value));
  return match && isSupportedDate(match[1]!) ? toDayNumber(match[1] as DateString) : null;
};

/** MSPDI numbers weekdays 1 = Sunday … 7 = Saturday. */
const mspdiWeekday = (day: number) => (isoWeekday(day) % 7) + 1;
const isoOfMspdi = (dayType: number) => ((dayType + 5) % 7) + 1;
/** Most dates one exception may give: a recurrence spanning centuries is cut, not walked. */
const MAX_DATES_PER_EXCEPTION = 1_000;
const MAX_HOLIDAYS = 20_000;

const dateParts = (day: number) => {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
};
const dayNumber = (year: number, month: number, date: number) => Math.round(Date.UTC(year, month, date) / 86_400_000);
const monthLength = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** The n-th (0-based; 4 = last) given weekday (MSPDI numbering) of a month. */
function ordinalWeekday(year: number, month: number, weekday: number, position: number): number {
  if (position >= 4) {
    const last = dayNumber(year, month, monthLength(year, month));
    return last - ((mspdiWeekday(last) - weekday + 7) % 7);
  }
  const first = dayNumber(year, month, 1);
  return first + ((weekday - mspdiWeekday(first) + 7) % 7) + 7 * position;
}

/** The dates of one exception, within its TimePeriod. */
export function exceptionDays(exception: Raw): number[] {
  const period = exception.TimePeriod as Raw | undefined;
  const from = dayOf(period?.FromDate);
  const to = dayOf(period?.ToDate);
  if (from === null || to === null || to < from) return [];
  const out: number[] = [];
  const add = (day: number) => {
    if (day >= from && day <= to && out.length < MAX_DATES_PER_EXCEPTION) out.push(day);
  };
  const every = Math.max(1, int(exception.Period) ?? 1);
  const { year: firstYear, month: firstMonth } = dateParts(from);
  const { year: lastYear } = dateParts(to);
  const monthDay = int(exception.MonthDay) ?? 1;
  const weekday = (int(exception.MonthItem) ?? 3) - 2; // MonthItem 3 = Sunday … 9 = Saturday
  const position = int(exception.MonthPosition) ?? 0;
  const month = Math.min(11, Math.max(0, int(exception.Month) ?? 0));
  switch (int(exception.Type) ?? 1) {
    case 7: // daily, every n days
      for (let day = from; day <= to && out.length < MAX_DATES_PER_EXCEPTION; day += every) add(day);
      break;
    case 6: {
      // weekly: the weekdays of the DaysOfWeek mask (bit 0 Sunday … bit 6 Saturday), every n weeks
      const mask = int(exception.DaysOfWeek) ?? 0;
      const sunday = from - (mspdiWeekday(from) - 1);
      for (let week = sunday; week <= to && out.length < MAX_DATES_PER_EXCEPTION; week += 7 * every)
        for (let i = 0; i < 7; i++) if (mask & (1 << i)) add(week + i);
      break;
    }
    case 4: // monthly on a day of the month (the month's last day when it is shorter)
    case 5: // monthly on an ordinal weekday
      // A day of the month already past in the first month starts the count a month later.
      for (let k = 0, skip = int(exception.Type) === 4 && monthDay < new Date(from * 86_400_000).getUTCDate() ? 1 : 0; out.length < MAX_DATES_PER_EXCEPTION; k++) {
        const months = firstYear * 12 + firstMonth + skip + k * every;
        const [y, m] = [Math.floor(months / 12), months % 12];
        if (y > lastYear) break;
        add(int(exception.Type) === 4 ? dayNumber(y, m, Math.min(monthDay, monthLength(y, m))) : ordinalWeekday(y, m, weekday, position));
      }
      break;
    case 2: // yearly on a date
    case 3: // yearly on an ordinal weekday of a month
      for (let y = firstYear; y <= lastYear; y++) add(int(exception.Type) === 2 ? dayNumber(y, month, Math.min(monthDay, monthLength(y, month))) : ordinalWeekday(y, month, weekday, position));
      break;
    default: // 1 (or none): every day of the period
      for (let day = from; day <= to && out.length < MAX_DATES_PER_EXCEPTION; day++) add(day);
  }
  return out;
}

export function readMspdiCalendar(project: Raw, warn: (message: string) => void): MspdiCalendar {
  const calendars = list((project.Calendars as Raw | undefined)?.Calendar);
  const byUid = new Map(calendars.map((c) => [text(c.UID), c]));
  const chosen =
    byUid.get(text(project.CalendarUID)) ??
    calendars.find((c) => text(c.IsBaseCalendar) === "1" && /^standard$/i.test(text(c.Name))) ??
    calendars.find((c) => text(c.IsBaseCalendar) === "1") ??
    calendars[0];
  // The chain from the base-most calendar to the chosen one (a derived calendar states only what differs).
  const chain: Raw[] = [];
  for (let c = chosen; c && chain.length < 5 && !chain.includes(c); c = byUid.get(text(c.BaseCalendarUID))) chain.unshift(c);

  const working = new Set([1, 2, 3, 4, 5]);
  const holidays = new Set<number>();
  let workingExceptions = 0;
  const addPeriod = (days: number[], dayWorking: boolean) => {
    if (dayWorking) workingExceptions += days.length;
    else for (const day of days) if (holidays.size < MAX_HOLIDAYS) holidays.add(day);
  };
  for (const calendar of chain) {
    const weekDays = list((calendar.WeekDays as Raw | undefined)?.WeekDay);
    for (const w of weekDays) {
      const type = int(w.DayType);
      if (type !== null && type >= 1 && type <= 7) {
        if (text(w.DayWorking) === "1") working.add(isoOfMspdi(type));
        else working.delete(isoOfMspdi(type));
      } else if (type === 0) addPeriod(exceptionDays({ TimePeriod: w.TimePeriod }), text(w.DayWorking) === "1");
    }
    for (const e of list((calendar.Exceptions as Raw | undefined)?.Exception)) addPeriod(exceptionDays(e), text(e.DayWorking) === "1");
    if (list((calendar.WorkWeeks as Raw | undefined)?.WorkWeek).length > 0) warn(`The calendar "${text(calendar.Name)}" has other work weeks for some periods; Waymark uses its default week all year.`);
  }
  if (workingExceptions > 0)
    warn(`The calendar makes ${workingExceptions === 1 ? "1 day off into a working day" : `${workingExceptions} days off into working days`}; Waymark's calendar has no working exceptions, so ${workingExceptions === 1 ? "it stays a day" : "they stay days"} off.`);
  let workingDays = [...working].sort();
  if (workingDays.length === 0) {
    warn("The calendar has no working weekdays; Monday to Friday are used.");
    workingDays = [1, 2, 3, 4, 5];
  }
  return { workingDays, holidays: [...holidays].sort((a, b) => a - b).map(fromDayNumber) };
}
