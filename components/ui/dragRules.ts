/**
 * What every pointer drag on the board shares (bars on the timeline, drawing a new item, cards
 * on the phase board): when a press becomes a drag, and how fast holding it near an edge scrolls.
 */

/** Movement under this many pixels is a click, not a drag (hands shake on trackpads). */
export const DRAG_THRESHOLD = 4;

/** True once a press has moved far enough to be a drag. */
export function pastDragThreshold(dx: number, dy: number): boolean {
  return Math.hypot(dx, dy) >= DRAG_THRESHOLD;
}

/** How close to an edge of a scrolling area the pointer must be for a drag to scroll it. */
export const EDGE_ZONE = 48;
/** Pixels per frame at the very edge (and beyond it); less further in. */
const MAX_EDGE_SPEED = 18;

/**
 * How far to scroll along one axis this frame, for a pointer at `pointer` over an area that
 * shows `low`..`high` (client px): 0 outside the edge zones, faster nearer the edge.
 */
export function edgeSpeed(pointer: number, low: number, high: number): number {
  if (pointer < low + EDGE_ZONE) return -Math.ceil(MAX_EDGE_SPEED * Math.min(1, (low + EDGE_ZONE - pointer) / EDGE_ZONE));
  if (pointer > high - EDGE_ZONE) return Math.ceil(MAX_EDGE_SPEED * Math.min(1, (pointer - (high - EDGE_ZONE)) / EDGE_ZONE));
  return 0;
}
