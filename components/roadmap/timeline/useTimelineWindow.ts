"use client";

import { useMemo, type RefObject } from "react";
import { isWorkingDay, type WorkCalendar } from "../../../lib/derive/calendar";
import { daysInWindow } from "./axisWindow";
import type { TimelineGeometry } from "./geometry";
import { sortBarsForReading } from "./gestures/barNavigation";
import type { TimelineBar } from "./timelineBars";
import { inWindow, useCanvasWindow, type CanvasWindow } from "./useCanvasWindow";

/** Most days-off stripes drawn; beyond, the stripes are left out. */
const MAX_DAY_STRIPES = 2_200;

/**
 * The days to shade as not worked, in the part of the axis in view (axisWindow.ts): at most a
 * few hundred days, however long the axis. Past MAX_DAY_STRIPES (a window wider than the
 * screens anyone has) none are drawn rather than thousands of elements.
 */
function daysOff(geometry: TimelineGeometry, calendar: WorkCalendar, view: CanvasWindow | null): number[] {
  if (geometry.pxPerDay < 12) return []; // at months and quarters, day stripes are noise
  const [from, to] = daysInWindow(geometry, view);
  const out: number[] = [];
  for (let d = from; d < to; d++) {
    if (isWorkingDay(calendar, d)) continue;
    if (out.push(d) > MAX_DAY_STRIPES) return [];
  }
  return out;
}

/**
 * What of the canvas is in the DOM: only bars near the view, since style and layout of
 * thousands of bars, most of them off screen, cost more per edit than deriving the whole board.
 * The selected bar, the focused one and the one with its menu open always stay, so focus, scrolling to
 * them and their menus keep working. In reading order, so Tab goes lane by lane, row by row,
 * left to right.
 */
export function useTimelineWindow(
  scrollRef: RefObject<HTMLDivElement | null>,
  geometry: TimelineGeometry,
  /** The sticky lane column's width, which covers that much of the scroller (useLaneColumn). */
  laneColumnWidth: number,
  calendar: WorkCalendar,
  bars: readonly TimelineBar[],
  kept: { selectedId: string | null; focusId: string | null; menuId: string | null },
) {
  const view = useCanvasWindow(scrollRef, laneColumnWidth, geometry.header.height);
  const nonWorkingDays = useMemo(() => daysOff(geometry, calendar, view), [geometry, calendar, view]);
  const { selectedId, focusId, menuId } = kept;
  const shown = useMemo(
    () =>
      view
        ? sortBarsForReading(
            bars.filter((b) => b.item.id === selectedId || b.item.id === focusId || b.item.id === menuId || inWindow(view, b.box)),
          )
        : [],
    [bars, view, selectedId, focusId, menuId],
  );
  return { view, nonWorkingDays, shown };
}
