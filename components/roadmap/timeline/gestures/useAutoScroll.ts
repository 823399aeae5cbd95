"use client";

import { useCallback, useEffect, useRef, type RefObject } from "react";
import { edgeSpeed } from "../../../ui/dragRules";


/** Where the scrolling lanes are visible: the container minus its sticky lane names and axis. */
export interface ScrollInsets {
  left: number;
  top: number;
}

/**
 * Scrolls the timeline while a drag holds the pointer near (or past) an edge of the lanes, so
 * a bar can be dragged, an item drawn or a link stretched beyond what is in view. Each frame it
 * scrolls, it calls the gesture back so the gesture redraws for the content that moved under
 * the still pointer (no pointer event arrives for that).
 */
export function useAutoScroll(scrollRef: RefObject<HTMLDivElement | null>, insets: ScrollInsets) {
  const state = useRef<{ x: number; y: number; onScrolled: () => void } | null>(null);
  const frame = useRef(0);
  const latestInsets = useRef(insets);
  useEffect(() => {
    latestInsets.current = insets;
  });

  const stop = useCallback(() => {
    state.current = null;
    cancelAnimationFrame(frame.current);
    frame.current = 0;
  }, []);

  // The frame loop reads only refs, so it is made once per scroll container.
  const run = useRef<() => void>(() => {});
  useEffect(() => {
    const tick = () => {
      frame.current = 0;
      const el = scrollRef.current;
      const s = state.current;
      if (!el || !s) return;
      const rect = el.getBoundingClientRect();
      const { left, top } = latestInsets.current;
      const dx = edgeSpeed(s.x, rect.left + left, rect.left + el.clientWidth);
      const dy = edgeSpeed(s.y, rect.top + top, rect.top + el.clientHeight);
      const before = { left: el.scrollLeft, top: el.scrollTop };
      if (dx) el.scrollLeft += dx;
      if (dy) el.scrollTop += dy;
      // Away from the edges, or at the end of the content, the position stops changing: so does the loop.
      if (el.scrollLeft === before.left && el.scrollTop === before.top) return;
      s.onScrolled();
      frame.current = requestAnimationFrame(tick);
    };
    run.current = tick;
  }, [scrollRef]);

  /** The pointer of a drag in progress moved: scroll if it is at an edge. */
  const follow = useCallback((x: number, y: number, onScrolled: () => void) => {
    state.current = { x, y, onScrolled };
    if (!frame.current) frame.current = requestAnimationFrame(() => run.current());
  }, []);

  useEffect(() => stop, [stop]);
  return { follow, stop };
}
