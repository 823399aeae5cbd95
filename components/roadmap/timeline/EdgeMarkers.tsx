"use client";

import { useLayoutEffect, useState, type RefObject } from "react";
import { edgeMarkers } from "./edgeMarkers";
import { LANE_PADDING, type TimelineGeometry } from "./geometry";
import { countOf } from "../../../lib/format/plural";

interface EdgeMarkersProps {
  scrollRef: RefObject<HTMLDivElement | null>;
  geometry: TimelineGeometry;
  /** The sticky lane column's width (useLaneColumn): markers for earlier bars sit just right of it. */
  laneColumnWidth: number;
  /** Item titles by id, for the marker's label. */
  titleOf: (itemId: string) => string;
}

/** Where the scroll container shows the canvas: its left and right in canvas pixels, and its scroll top. */
interface View {
  from: number;
  to: number;
  top: number;
  height: number;
}

/** Clear of the lane names on the left and of the vertical scrollbar on the right. */
const INSET = 6;

/**
 * Small markers at the left and right edges of each lane that has bars out of sight on that
 * side ("◀ 2"): a click scrolls to the nearest one. Items before the horizon, or far ahead,
 * stay findable (docs/scheduling.md). Drawn over the scroll container, not in it, so they stay
 * at the edges; this component follows the scroll itself, so scrolling re-renders only it.
 */
export function EdgeMarkers({ scrollRef, geometry, laneColumnWidth, titleOf }: EdgeMarkersProps) {
  const view = useExactView(scrollRef, laneColumnWidth);
  if (!view) return null;
  const markers = edgeMarkers(geometry.bands, geometry.bars, view.from, view.to);
  const bandById = new Map(geometry.bands.map((b) => [b.id, b]));
  const reveal = (left: number) => {
    const el = scrollRef.current;
    if (el) el.scrollLeft = Math.max(0, left - 48);
  };
  return markers.map((m) => {
    const band = bandById.get(m.bandId)!;
    const y = geometry.header.height + band.top + LANE_PADDING - view.top;
    if (y < geometry.header.height - 4 || y > view.height - 20) return null;
    const title = titleOf(m.nearest.itemId) || "Untitled item";
    const where = m.side === "before" ? "earlier" : "later";
    const label = `${countOf(m.count, "item")} ${where} in ${band.name}: show “${title}”`;
    return (
      <button
        key={`${m.bandId}:${m.side}`}
        type="button"
        data-testid="edge-marker"
        data-side={m.side}
        data-lane-id={m.bandId}
        aria-label={label}
        title={label}
        onClick={() => reveal(m.side === "before" ? m.nearest.left : m.nearest.left - (view.to - view.from) / 3)}
        className="absolute z-30 flex h-5 items-center gap-0.5 rounded-full bg-white/95 px-1.5 text-[11px] font-semibold tabular-nums text-slate-600 shadow ring-1 ring-slate-300 hover:bg-indigo-50 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-400 dark:bg-slate-900/95 dark:text-slate-300 dark:ring-slate-600 dark:hover:bg-slate-800"
        style={m.side === "before" ? { left: laneColumnWidth + INSET, top: y } : { right: INSET + 12, top: y }}
      >
        {m.side === "before" && <span aria-hidden>◀</span>}
        {m.count}
        {m.side === "after" && <span aria-hidden>▶</span>}
      </button>
    );
  });
}

/** The exact visible part of the canvas, updated once per frame while scrolling or resizing. */
function useExactView(scrollRef: RefObject<HTMLDivElement | null>, laneColumnWidth: number): View | null {
  const [view, setView] = useState<View | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const next = { from: el.scrollLeft, to: el.scrollLeft + el.clientWidth - laneColumnWidth, top: el.scrollTop, height: el.clientHeight };
      setView((prev) => (prev && prev.from === next.from && prev.to === next.to && prev.top === next.top && prev.height === next.height ? prev : next));
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
  }, [scrollRef, laneColumnWidth]);
  return view;
}
