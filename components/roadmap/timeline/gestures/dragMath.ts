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

/**
 * The start a move drops the bar on: the day the person saw under the pointer, from the bar's
 * place when the drag began (docs/scheduling.md), whatever happened to the bar since.
 */
export function dropStart(calendar: WorkCalendar, p: DragPreview): number {
  return snapStart(calendar, p.origin.startDay, p.dayDelta);
}

/**
 * The duration a resize drops: from the bar's start now to the finish the person saw under the
 * pointer (the finish when the drag began, moved by the drag).
 */
export function dropDuration(calendar: WorkCalendar, p: DragPreview, startDay: number): number {
  return resizedDuration(calendar, startDay, p.origin.finishDay, p.dayDelta);
}

/**
 * Where a dragged bar is drawn and what its tag says, using the same snapping as the drop.
 * Offsets are from the bar as it is drawn now (`span`, `top`), so a bar a colleague moves in the
 * middle of the drag leaves the ghost where the pointer is.
 */
export function dragView(
  geometry: TimelineGeometry,
  calendar: WorkCalendar,
  p: DragPreview,
  duration: number,
  span: { startDay: number; finishDay: number },
  laneId: string,
  top: number,
): { x: number; y: number; width: number; label: string } {
  const px = geometry.pxPerDay;
  if (p.mode === "resize") {
    const days = dropDuration(calendar, p, span.startDay);
    const finish = finishDay(calendar, span.startDay, days);
    return {
      x: 0,
      y: 0,
      width: (finish - span.startDay + 1) * px,
      label: `${formatShortDate(fromDayNumber(finish))} · ${countOf(days, "working day")}`,
    };
  }
  const start = dropStart(calendar, p);
  const finish = finishDay(calendar, start, duration);
  const laneName = p.laneId !== laneId ? geometry.bands.find((b) => b.id === p.laneId)?.name : undefined;
  return {
    x: (start - span.startDay) * px,
    y: p.dy + p.origin.top - top,
    width: (finish - start + 1) * px,
    label: `${formatDateSpan(fromDayNumber(start), fromDayNumber(finish))}${laneName ? ` · ${laneName}` : ""}`,
  };
}
