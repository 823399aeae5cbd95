import type { PresenceDragging, PresencePointer } from "../../lib/protocol/presence";
import type { PeerMotion } from "../collab/presenceFeed";
import type { BarBox, LaneBand, TimelineGeometry } from "../roadmap/timeline/geometry";
import { pointerXY } from "./presenceGeometry";

/** A pointer that has not moved for this long is someone who walked away: it is hidden. */
export const IDLE_MS = 10_000;

export interface CursorItem {
  clientId: number;
  name: string;
  color: string;
  x: number;
  y: number;
}

export interface DragItem {
  clientId: number;
  name: string;
  color: string;
  box: BarBox;
  target: LaneBand | null;
  dragging: PresenceDragging;
}

export interface LaserItem {
  clientId: number;
  name: string;
  /** Canvas pixels, oldest first; points whose lane this board no longer has are left out. */
  points: { x: number; y: number }[];
}

/** A laser trail on this canvas, or null when none of it maps onto the board. */
export function laserPoints(geometry: Pick<TimelineGeometry, "axis" | "pxPerDay" | "bands">, laser: readonly PresencePointer[]): { x: number; y: number }[] | null {
  const points: { x: number; y: number }[] = [];
  for (const p of laser) {
    const at = pointerXY(geometry, p);
    if (at) points.push(at);
  }
  return points.length > 0 ? points : null;
}

/**
 * What the presence overlay draws for everyone else's motion: the cursors of people pointing at
 * the timeline who moved within IDLE_MS (`now` on the same clock as `movedAt`), and the bars
 * being dragged that this board still has, the laser trails of facilitators holding the laser
 * key (not subject to idleness: they are cleared when the key is let go). Anything that no longer maps onto the board (a lane
 * or item deleted meanwhile) is left out rather than drawn in a wrong place.
 */
export function overlayItems(
  motion: readonly PeerMotion[],
  geometry: Pick<TimelineGeometry, "axis" | "pxPerDay" | "bands" | "bars">,
  now: number,
): { cursors: CursorItem[]; drags: DragItem[]; lasers: LaserItem[] } {
  const cursors: CursorItem[] = [];
  const drags: DragItem[] = [];
  const lasers: LaserItem[] = [];
  for (const m of motion) {
    const points = m.laser && laserPoints(geometry, m.laser);
    if (points) lasers.push({ clientId: m.clientId, name: m.name, points });
    if (m.dragging) {
      const box = geometry.bars.get(m.dragging.item);
      const lane = m.dragging.lane;
      if (box) drags.push({ clientId: m.clientId, name: m.name, color: m.color, box, dragging: m.dragging, target: geometry.bands.find((b) => b.id === lane) ?? null });
    }
    // Someone dragging holds still while deciding where to drop: that is not walking away.
    if (!m.pointer || (now - m.movedAt > IDLE_MS && !m.dragging)) continue;
    const at = pointerXY(geometry, m.pointer);
    if (at) cursors.push({ clientId: m.clientId, name: m.name, color: m.color, ...at });
  }
  return { cursors, drags, lasers };
}
