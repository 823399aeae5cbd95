"use client";

import { useCallback, useLayoutEffect, useRef, useState, type PointerEvent, type RefObject } from "react";
import { pastDragThreshold } from "../../../ui/dragRules";
import { bandAt, type TimelineGeometry } from "../geometry";

/** Dragging the body moves an item; dragging its right edge changes its duration. */
export type DragMode = "move" | "resize";

/** What a drag in progress looks like to the renderer. */
export interface DragPreview {
  itemId: string;
  mode: DragMode;
  /** Whole days the pointer moved horizontally (snapped): the start's shift, or the finish's. */
  dayDelta: number;
  /** Raw vertical offset: the bar follows the pointer, the lane snaps on drop. */
  dy: number;
  /** The lane under the pointer (the item's own lane when outside every lane). */
  laneId: string;
}

interface DragOptions {
  canvas: RefObject<HTMLDivElement | null>;
  geometry: TimelineGeometry;
  onClick: (itemId: string) => void;
  /** Called once per gesture, on release, only when the drag changed something. */
  onDrop: (preview: DragPreview) => void;
  /** Read-only boards: a press still selects the bar, but it never follows the pointer. */
  readOnly?: boolean;
  /** The scrolling timeline: content scrolled during the drag counts as pointer movement. */
  scroll?: RefObject<HTMLDivElement | null>;
  /** Scrolls the timeline while the pointer is held at an edge. */
  autoScroll?: AutoScroll;
}

export interface AutoScroll {
  follow: (x: number, y: number, onScrolled: () => void) => void;
  stop: () => void;
}

interface Gesture {
  itemId: string;
  pointerId: number;
  originX: number;
  originY: number;
  fromLane: string;
  moved: boolean;
  preview: DragPreview;
  /** The scroll position at the press, and the pointer's latest position. */
  scrollLeft: number;
  scrollTop: number;
  lastX: number;
  lastY: number;
}

/**
 * Pointer dragging of bars. The bar captures the pointer, so moves and the release reach it
 * even outside the timeline; the gesture lives in a ref (no re-render per event beyond the
 * preview) and the document is written once, on release.
 */
export function useItemDrag(options: DragOptions) {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const gesture = useRef<Gesture | null>(null);
  const [preview, setPreview] = useState<DragPreview | null>(null);

  const onPointerDown = useCallback((event: PointerEvent<HTMLElement>, itemId: string, laneId: string, mode: DragMode) => {
    if (event.button !== 0 || gesture.current) return;
    event.preventDefault();
    event.stopPropagation();
    // Focus the bar (also when the grip was pressed) so Escape reaches it and cancels.
    event.currentTarget.closest<HTMLElement>("[tabindex]")?.focus({ preventScroll: true });
    event.currentTarget.setPointerCapture(event.pointerId);
    const scroller = latest.current.scroll?.current;
    gesture.current = {
      scrollLeft: scroller?.scrollLeft ?? 0,
      scrollTop: scroller?.scrollTop ?? 0,
      lastX: event.clientX,
      lastY: event.clientY,
      itemId,
      pointerId: event.pointerId,
      originX: event.clientX,
      originY: event.clientY,
      fromLane: laneId,
      moved: false,
      preview: { itemId, mode, dayDelta: 0, dy: 0, laneId },
    };
  }, []);

  /** Where the pointer is now, over content that may have scrolled since the press. */
  const update = useCallback((clientX: number, clientY: number) => {
    const g = gesture.current;
    if (!g) return;
    const { geometry, canvas, scroll } = latest.current;
    const scroller = scroll?.current;
    const dx = clientX - g.originX + (scroller ? scroller.scrollLeft - g.scrollLeft : 0);
    const dy = clientY - g.originY + (scroller ? scroller.scrollTop - g.scrollTop : 0);
    if (!g.moved && !pastDragThreshold(dx, dy)) return;
    g.moved = true;
    const rect = canvas.current?.getBoundingClientRect();
    const resizing = g.preview.mode === "resize";
    const band = rect && !resizing ? bandAt(geometry, clientY - rect.top) : undefined;
    const next: DragPreview = {
      itemId: g.itemId,
      mode: g.preview.mode,
      dayDelta: Math.round(dx / geometry.pxPerDay),
      dy: resizing ? 0 : dy,
      laneId: band?.id ?? g.fromLane,
    };
    if (next.dayDelta !== g.preview.dayDelta || next.dy !== g.preview.dy || next.laneId !== g.preview.laneId) {
      g.preview = next;
      setPreview(next);
    }
  }, []);

  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const g = gesture.current;
      if (!g || event.pointerId !== g.pointerId || latest.current.readOnly) return;
      g.lastX = event.clientX;
      g.lastY = event.clientY;
      update(event.clientX, event.clientY);
      if (g.moved) latest.current.autoScroll?.follow(event.clientX, event.clientY, () => update(g.lastX, g.lastY));
    },
    [update],
  );

  const finish = useCallback((event: PointerEvent<HTMLElement>, commit: boolean) => {
    const g = gesture.current;
    if (!g || event.pointerId !== g.pointerId) return;
    gesture.current = null;
    latest.current.autoScroll?.stop();
    setPreview(null);
    if (!commit) return;
    if (!g.moved) latest.current.onClick(g.itemId);
    else if (latest.current.readOnly) return;
    else if (g.preview.dayDelta !== 0 || g.preview.laneId !== g.fromLane) latest.current.onDrop(g.preview);
  }, []);

  const onPointerUp = useCallback((event: PointerEvent<HTMLElement>) => finish(event, true), [finish]);
  const onPointerCancel = useCallback((event: PointerEvent<HTMLElement>) => finish(event, false), [finish]);

  /** Escape during a drag: the bar goes back and nothing is written. */
  const cancel = useCallback((): boolean => {
    if (!gesture.current) return false;
    gesture.current = null;
    latest.current.autoScroll?.stop();
    setPreview(null);
    return true;
  }, []);

  return { preview, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, cancel };
}
