"use client";

import { useEffect, useMemo, useState, type RefObject } from "react";

export interface RowWindow {
  /** First row drawn. */
  start: number;
  /** One past the last row drawn. */
  end: number;
}

/** Rows drawn beyond the visible ones on each side, so a fast scroll does not show blank space. */
const OVERSCAN = 12;
/** The first visible row is tracked in steps of this many rows: fewer renders, still inside the overscan. */
const STEP = 4;

/** The rows to draw when row `first` is at the top of a viewport `rows` rows tall. Pure, for tests. */
export function rowWindow(first: number, rows: number, count: number): RowWindow {
  const start = Math.max(0, Math.min(first, count) - OVERSCAN);
  const end = Math.min(count, first + rows + OVERSCAN);
  return { start, end: Math.max(start, end) };
}

/**
 * Which of `count` fixed-height rows to render in the scroll box `ref`. Only a window around the
 * visible rows is in the DOM, so 2,000 items cost what 60 do; React renders again only when the
 * top row crosses a STEP boundary or the box changes height, not on every scrolled pixel.
 */
export function useVirtualRows(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number): RowWindow {
  const [view, setView] = useState({ first: 0, rows: 40 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      const first = Math.floor(el.scrollTop / rowHeight / STEP) * STEP;
      const rows = Math.ceil(el.clientHeight / rowHeight) + STEP;
      setView((v) => (v.first === first && v.rows === rows ? v : { first, rows }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener("scroll", schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    return () => {
      el.removeEventListener("scroll", schedule);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref, rowHeight]);
  return useMemo(() => rowWindow(view.first, view.rows, count), [view, count]);
}
