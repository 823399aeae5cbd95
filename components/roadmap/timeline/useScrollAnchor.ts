"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";
import type { TimelineGeometry } from "./geometry";

/** Today sits this many pixels in from the left edge when the board opens, with some of the recent past in view. */
const TODAY_LEAD_PX = 160;

/**
 * Where the timeline is scrolled to: near today when it opens, the same date at the left edge
 * when zooming, and a newly selected bar brought into view (it may sit under the panel that
 * just opened; the scroll margins keep it clear of the sticky lane names and axis).
 * Returns the scroll handler that remembers the date at the left edge.
 */
export function useScrollAnchor(
  scrollRef: RefObject<HTMLDivElement | null>,
  canvasRef: RefObject<HTMLDivElement | null>,
  geometry: TimelineGeometry,
  todayDay: number | null,
  selectedId: string | null,
): () => void {
  const anchorDay = useRef<number | null>(null);
  const { startDay: axisStart, endDay: axisEnd } = geometry.axis;
  const { pxPerDay } = geometry;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (anchorDay.current === null) {
      const lead = Math.round(TODAY_LEAD_PX / pxPerDay);
      anchorDay.current = todayDay !== null && todayDay > axisStart && todayDay < axisEnd ? todayDay - lead : axisStart;
    }
    el.scrollLeft = Math.max(0, (anchorDay.current - axisStart) * pxPerDay);
  }, [scrollRef, axisStart, axisEnd, pxPerDay, todayDay]);

  useLayoutEffect(() => {
    if (!selectedId) return;
    const el = canvasRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(selectedId)}"]`);
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [canvasRef, selectedId]);

  return () => {
    const el = scrollRef.current;
    if (el) anchorDay.current = axisStart + el.scrollLeft / pxPerDay;
  };
}
