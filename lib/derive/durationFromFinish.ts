import { nextWorkingDay, previousWorkingDay, workingDaysBetween, type WorkCalendar } from "./calendar";
import { parseDay } from "./dayStrings";
import type { DateString } from "../model/dates";

/**
 * The duration that makes an item starting on `start` finish on `finish`, in working days of
 * the board's calendar: from the first working day on or after the start to the last working
 * day on or before the finish, both counted. Setting an item's finish in the panel writes this
 * duration (the model stores durations, not finishes: docs/scheduling.md), so a finish on a
 * weekend ends the item on the Friday before. Null when the finish is before the item's first
 * working day: no duration reaches it.
 */
export function durationForFinish(cal: WorkCalendar, start: DateString, finish: DateString): number | null {
  const first = nextWorkingDay(cal, parseDay(start));
  const last = previousWorkingDay(cal, parseDay(finish));
  if (last < first) return null;
  return workingDaysBetween(cal, first, last);
}
