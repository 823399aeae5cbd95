import { finishDay, nextWorkingDay, previousWorkingDay, workingDaysBetween, type WorkCalendar } from "../../../../lib/derive/calendar";

/** The item a drag on empty lane space would create: where it starts, how long, where it ends. */
export interface CreatedSpan {
  startDay: number;
  /** Working days, at least 1. */
  duration: number;
  /** Its last working day, for drawing the ghost exactly as the bar will be drawn. */
  finishDay: number;
}

/**
 * From the day the press started on to the day under the pointer now, either way round: the
 * item starts on the earlier day (the next working day when that is a day off) and lasts the
 * working days dragged over, at least one, so a drag that only crosses a weekend still
 * creates a one-day item.
 */
export function createdSpan(cal: WorkCalendar, anchorDay: number, pointerDay: number): CreatedSpan {
  const startDay = nextWorkingDay(cal, Math.min(anchorDay, pointerDay));
  const last = previousWorkingDay(cal, Math.max(anchorDay, pointerDay));
  const duration = Math.max(1, workingDaysBetween(cal, startDay, last));
  return { startDay, duration, finishDay: finishDay(cal, startDay, duration) };
}
