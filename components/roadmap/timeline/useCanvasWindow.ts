"use client";

import { useLayoutEffect, useState, type RefObject } from "react";
import { BAR_HEIGHT, type BarBox } from "./geometry";

/** The part of the canvas worth drawing: what is in view plus a margin, in canvas pixels. */
export interface CanvasWindow {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Scrolling only re-renders when the view crosses a step, and the margin (several steps)
 * means bars are already drawn when they scroll in.
 */
const STEP = 256;
const MARGIN = 3 * STEP;
/** A title drawn beside a short bar reaches this far right of it (see geometry's label width). */
const LABEL_REACH = 300;

/**
 * Tracks which part of the timeline canvas is in view. The canvas sits `offsetX` right of and
 * `offsetY` below the scroll container's content origin (behind the sticky lane names and
 * axis). Null until the first measurement, which happens before the first paint.
 */
export function useCanvasWindow(scrollRef: RefObject<HTMLDivElement | null>, offsetX: number, offsetY: number): CanvasWindow | null {
  const [view, setView] = useState<CanvasWindow | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const down = (v: number) => Math.floor(v / STEP) * STEP;
      const next = {
        left: down(el.scrollLeft - offsetX) - MARGIN,
        right: down(el.scrollLeft + el.clientWidth - offsetX) + STEP + MARGIN,
        top: down(el.scrollTop - offsetY) - MARGIN,
        bottom: down(el.scrollTop + el.clientHeight - offsetY) + STEP + MARGIN,
      };
      setView((prev) =>
        prev && prev.left === next.left && prev.right === next.right && prev.top === next.top && prev.bottom === next.bottom ? prev : next,
      );
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener("scroll", schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    return () => {
      el.removeEventListener("scroll", schedule);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scrollRef, offsetX, offsetY]);
  return view;
}

/** True when a bar (with a title drawn beside it) reaches into the window. */
export function inWindow(view: CanvasWindow, box: BarBox): boolean {
  const right = box.left + box.width + (box.labelOutside ? LABEL_REACH : 0);
  return right >= view.left && box.left <= view.right && box.top + BAR_HEIGHT >= view.top && box.top <= view.bottom;
}
