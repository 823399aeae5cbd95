import { finishDay, isWorkingDay, nextWorkingDay, previousWorkingDay, workingDaysBetween, type WorkCalendar } from "../../../../lib/derive/calendar";
import { fromDayNumber } from "../../../../lib/model/dates";
import type { TimelineGeometry } from "../geometry";
import { formatShortDate } from "../../labels";
import type { DragPreview } from "./useItemDrag";
import { formatDateSpan } from "../../labels";
import { countOf } from "../../../../lib/format/plural";

/** Moving a start onto a day off lands on the nearest working day in the direction of travel. */
export function snapStart(calendar: WorkCalendar, start: number, delta: number): number {
  const day = start + delta;
  if (isWorkingDay(calendar, day)) return day;
  return delta < 0 ? previousWorkingDay(calendar, day) : nextWorkingDay(calendar, day);
}

/** Working days from the start to a finish moved by `delta` days (at least 1). */
export function resizedDuration(calendar: WorkCalendar, startDay: number, finish: number, delta: number): number {
  const start = nextWorkingDay(calendar, startDay);
  return Math.max(1, workingDaysBetween(calendar, start, previousWorkingDay(calendar, finish + delta)));
}

/** Where a dragged bar is drawn and what its tag says, using the same snapping as the drop. */
export function dragView(
  geometry: TimelineGeometry,
  calendar: WorkCalendar,
  p: DragPreview,
  duration: number,
  span: { startDay: number; finishDay: number },
  laneId: string,
): { x: number; y: number; width: number; label: string } {
  const px = geometry.pxPerDay;
  if (p.mode === "resize") {
    const days = resizedDuration(calendar, span.startDay, span.finishDay, p.dayDelta);
    const finish = finishDay(calendar, span.startDay, days);
    return {
      x: 0,
      y: 0,
      width: (finish - span.startDay + 1) * px,
      label: `${formatShortDate(fromDayNumber(finish))} · ${countOf(days, "working day")}`,
    };
  }
  const start = snapStart(calendar, span.startDay, p.dayDelta);
  const finish = finishDay(calendar, start, duration);
  const laneName = p.laneId !== laneId ? geometry.bands.find((b) => b.id === p.laneId)?.name : undefined;
  return {
    x: (start - span.startDay) * px,
    y: p.dy,
    width: (finish - start + 1) * px,
    label: `${formatDateSpan(fromDayNumber(start), fromDayNumber(finish))}${laneName ? ` · ${laneName}` : ""}`,
  };
}
