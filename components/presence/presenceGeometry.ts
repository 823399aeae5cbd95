import type { TimeScale } from "../../lib/model/schemas";
import type { PresencePointer, PresenceViewport } from "../../lib/protocol/presence";
import type { LaneBand, TimelineGeometry } from "../roadmap/timeline/geometry";

/**
 * Between screen pixels and the document coordinates presence travels in (day numbers, lane
 * ids, fractions of a lane's height), so two people at different zooms, window sizes and
 * scroll positions point at the same place on the board.
 */
type Geometry = Pick<TimelineGeometry, "axis" | "pxPerDay" | "bands">;

function laneAt(bands: readonly LaneBand[], y: number): { band: LaneBand; y: number } | null {
  const band = bands.find((b) => y >= b.top && y < b.top + b.height);
  if (!band || band.height <= 0) return null;
  return { band, y: Math.min(1, Math.max(0, (y - band.top) / band.height)) };
}

/** A canvas point (pixels from the canvas' top left) as a pointer; null outside every lane. */
export function pointerAt(geometry: Geometry, x: number, y: number): PresencePointer | null {
  const hit = laneAt(geometry.bands, y);
  if (!hit || x < 0) return null;
  // Three decimals of a day and of a lane are far below a pixel at any zoom, and keep messages short.
  return { day: round3(geometry.axis.startDay + x / geometry.pxPerDay), lane: hit.band.id, y: round3(hit.y) };
}

/** Where a pointer sits on this canvas; null when its lane is not on this board (any more). */
export function pointerXY(geometry: Geometry, pointer: PresencePointer): { x: number; y: number } | null {
  const band = geometry.bands.find((b) => b.id === pointer.lane);
  if (!band) return null;
  return { x: (pointer.day - geometry.axis.startDay) * geometry.pxPerDay, y: band.top + pointer.y * band.height };
}

/**
 * What a timeline scrolled to (scrollLeft, scrollTop) shows. The canvas sits under sticky
 * headers, so the canvas point at the visible top left is exactly (scrollLeft, scrollTop).
 */
export function viewportOf(geometry: Geometry, scale: TimeScale, scrollLeft: number, scrollTop: number): PresenceViewport {
  const hit = laneAt(geometry.bands, scrollTop) ?? lastLane(geometry.bands, scrollTop);
  return {
    scale,
    day: round3(geometry.axis.startDay + scrollLeft / geometry.pxPerDay),
    lane: hit?.band.id ?? "",
    y: round3(hit?.y ?? 0),
  };
}

/** The scroll position that shows a viewport on this canvas; top is null when its lane is unknown here. */
export function scrollFor(geometry: Geometry, viewport: PresenceViewport): { left: number; top: number | null } {
  const band = geometry.bands.find((b) => b.id === viewport.lane);
  return {
    left: Math.max(0, (viewport.day - geometry.axis.startDay) * geometry.pxPerDay),
    top: band ? Math.max(0, band.top + viewport.y * band.height) : null,
  };
}

/** Scrolled past the last lane (a short board in a tall window): the bottom of the last lane. */
function lastLane(bands: readonly LaneBand[], y: number): { band: LaneBand; y: number } | null {
  const last = bands[bands.length - 1];
  return last && y >= last.top ? { band: last, y: 1 } : null;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
