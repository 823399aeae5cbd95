import { fromDayNumber, isoWeekday, toDayNumber, type DateString } from "../../lib/model/dates";

/** Monday of the week containing `now` (boards start on a week boundary). */
export function mondayOf(now: Date): DateString {
  const today = toDayNumber(now.toISOString().slice(0, 10) as DateString);
  return fromDayNumber(today - (isoWeekday(today) - 1));
}
