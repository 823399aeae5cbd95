import { MAX_LASER_POINTS, type PresenceLaser, type PresencePointer } from "../../lib/protocol/presence";

/** A point older than this has faded out of the trail (the head, where the mouse is, stays). */
export const LASER_TRAIL_MS = 700;
/** Mouse moves closer than this to the last point add nothing: the trail spans distance, not events. */
export const LASER_MIN_STEP_PX = 4;

interface TrailPoint {
  at: number;
  x: number;
  y: number;
  point: PresencePointer;
}

/**
 * The facilitator's own laser trail while they hold its key: the mouse's latest positions over
 * the timeline, at most MAX_LASER_POINTS and none older than LASER_TRAIL_MS but the head.
 * Framework-free; `x, y` are screen pixels (for spacing), `point` is what others are sent.
 */
export class LaserTrail {
  private points: TrailPoint[] = [];

  /** Adds where the mouse is now; returns the trail to announce, or null when it did not change. */
  add(now: number, x: number, y: number, point: PresencePointer): PresenceLaser | null {
    const last = this.points.at(-1);
    if (last && Math.hypot(x - last.x, y - last.y) < LASER_MIN_STEP_PX) return null;
    this.points.push({ at: now, x, y, point });
    if (this.points.length > MAX_LASER_POINTS) this.points.splice(0, this.points.length - MAX_LASER_POINTS);
    return this.trim(now);
  }

  /** The trail as it stands at `now`: faded points dropped (the head stays while the key is held). */
  trim(now: number): PresenceLaser | null {
    const head = this.points.at(-1);
    if (!head) return null;
    this.points = this.points.filter((p) => p === head || now - p.at <= LASER_TRAIL_MS);
    return this.points.map((p) => p.point);
  }

  clear(): void {
    this.points = [];
  }
}
