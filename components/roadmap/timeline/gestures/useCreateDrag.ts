"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent, type RefObject } from "react";
import { NO_LANE } from "../../../../lib/derive/boardLayout";
import type { WorkCalendar } from "../../../../lib/derive/calendar";
import { createdSpan, type CreatedSpan } from "./createDragMath";
import { LANE_PADDING, ROW_HEIGHT, bandAt, barTop, xToDay, type TimelineGeometry } from "../geometry";
import { pastDragThreshold } from "../../../ui/dragRules";
import type { AutoScroll } from "./useItemDrag";

/** A drag on empty lane space in progress: the item it would create, for the ghost bar. */
export interface CreateGhost extends CreatedSpan {
  bandId: string;
  /** Where the ghost is drawn: the row the press started in. */
  top: number;
}

interface CreateDragOptions {
  canvas: RefObject<HTMLDivElement | null>;
  geometry: TimelineGeometry;
  calendar: WorkCalendar;
  readOnly: boolean;
  /** Called once, on release, for a real drag (not a click); `laneId` null for the no-lane band. */
  onCreate: (laneId: string | null, startDay: number, duration: number) => void;
  /** Scrolls the timeline while the pointer is held at an edge, to draw longer items. */
  autoScroll?: AutoScroll;
}

interface Gesture {
  pointerId: number;
  originX: number;
  bandId: string;
  anchorDay: number;
  top: number;
  moved: boolean;
}

/**
 * Drawing a new item on empty lane space: press at a date, drag to its end, release. A ghost
 * bar shows the span with the same snapping the command will get; the document is written once,
 * on release. Moves and the release are followed on the window, so leaving the canvas mid-drag
 * still ends the gesture. The click that follows a drag is swallowed (see consumeClick), or it
 * would clear the selection of the item just created.
 */
export function useCreateDrag(options: CreateDragOptions) {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const gesture = useRef<Gesture | null>(null);
  const swallowClick = useRef(false);
  const [ghost, setGhost] = useState<CreateGhost | null>(null);
  const detach = useRef<() => void>(() => {});

  const end = useCallback(() => {
    gesture.current = null;
    latest.current.autoScroll?.stop();
    detach.current();
    detach.current = () => {};
    setGhost(null);
  }, []);

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      const { canvas, geometry, readOnly } = latest.current;
      if (readOnly || event.button !== 0 || gesture.current || !canvas.current) return;
      const rect = canvas.current.getBoundingClientRect();
      const x = event.clientX - rect.left;
      const y = event.clientY - rect.top;
      const band = bandAt(geometry, y);
      if (!band || band.collapsed) return;
      // No text selection sweeping across the lane names while drawing (click and dblclick still fire).
      event.preventDefault();
      const row = Math.max(0, Math.floor((y - band.top - LANE_PADDING) / ROW_HEIGHT));
      const rows = Math.max(1, Math.round((band.height - 2 * LANE_PADDING) / ROW_HEIGHT));
      gesture.current = {
        pointerId: event.pointerId,
        originX: event.clientX,
        bandId: band.id,
        anchorDay: xToDay(geometry, x),
        top: barTop(band, Math.min(row, rows - 1)),
        moved: false,
      };
      swallowClick.current = false;

      // The canvas moves under a still pointer while the timeline auto-scrolls: read its box anew.
      const draw = (clientX: number) => {
        const g = gesture.current;
        const { geometry: geo, calendar, canvas: el } = latest.current;
        const box = el.current?.getBoundingClientRect();
        if (!g || !box) return;
        const span = createdSpan(calendar, g.anchorDay, xToDay(geo, clientX - box.left));
        setGhost((prev) =>
          prev && prev.startDay === span.startDay && prev.duration === span.duration ? prev : { ...span, bandId: g.bandId, top: g.top },
        );
      };
      const move = (e: globalThis.PointerEvent) => {
        const g = gesture.current;
        if (!g || e.pointerId !== g.pointerId) return;
        // Only the distance along the lane counts: under the threshold the press is a click
        // (clears the selection) or half a double-click.
        if (!g.moved && !pastDragThreshold(e.clientX - g.originX, 0)) return;
        g.moved = true;
        draw(e.clientX);
        const x = e.clientX;
        latest.current.autoScroll?.follow(x, e.clientY, () => draw(x));
      };
      const up = (e: globalThis.PointerEvent) => {
        const g = gesture.current;
        if (!g || e.pointerId !== g.pointerId) return;
        end();
        if (!g.moved || e.type === "pointercancel") return;
        swallowClick.current = true;
        const { geometry: geo, calendar, canvas: el, onCreate } = latest.current;
        const box = el.current?.getBoundingClientRect();
        if (!box) return;
        const span = createdSpan(calendar, g.anchorDay, xToDay(geo, e.clientX - box.left));
        onCreate(g.bandId === NO_LANE ? null : g.bandId, span.startDay, span.duration);
      };
      // Escape drops the gesture: nothing is written and the click that follows does nothing.
      const key = (e: KeyboardEvent) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        swallowClick.current = gesture.current?.moved ?? false;
        end();
      };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", up);
      window.addEventListener("pointercancel", up);
      window.addEventListener("keydown", key);
      detach.current = () => {
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", up);
        window.removeEventListener("pointercancel", up);
        window.removeEventListener("keydown", key);
      };
    },
    [end],
  );

  useEffect(() => () => detach.current(), []);

  /** True (once) when the click now arriving ends a drag that created an item. */
  const consumeClick = useCallback(() => {
    const swallow = swallowClick.current;
    swallowClick.current = false;
    return swallow;
  }, []);

  return { ghost, onPointerDown, consumeClick };
}
