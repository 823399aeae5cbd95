import type { AxisTick } from "../../../lib/derive/timeAxis";
import { dayToX, type TimelineGeometry } from "./geometry";
import type { CanvasWindow } from "./useCanvasWindow";

/**
 * The ticks of a tier that reach into the window (none before the window is measured, which
 * happens before the first paint, as for bars). An axis can span
 * three centuries (docs/dates.md): at weeks that is 15,000 ticks per tier, and drawing them all
 * made every edit on such a board take seconds. Only the few dozen in view are drawn.
 */
export function ticksInWindow(ticks: readonly AxisTick[], geometry: Pick<TimelineGeometry, "axis" | "pxPerDay">, view: CanvasWindow | null): readonly AxisTick[] {
  if (!view) return [];
  return ticks.filter((t) => dayToX(geometry, t.endDay) >= view.left && dayToX(geometry, t.startDay) <= view.right);
}

/** The days [from, to) of the axis that the window shows (none before it is measured). */
export function daysInWindow(geometry: Pick<TimelineGeometry, "axis" | "pxPerDay">, view: CanvasWindow | null): [number, number] {
  const { startDay, endDay } = geometry.axis;
  if (!view) return [startDay, startDay];
  const from = startDay + Math.floor(view.left / geometry.pxPerDay);
  const to = startDay + Math.ceil(view.right / geometry.pxPerDay) + 1;
  const first = Math.min(endDay, Math.max(startDay, from));
  return [first, Math.max(first, Math.min(endDay, to))];
}
