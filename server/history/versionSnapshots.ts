import { Scheduler, type ScheduleResult } from "../../lib/derive/schedule";
import { readSnapshot, type BoardSnapshot } from "../../lib/model/snapshot";
import { docFromState, unpackState } from "./versionState";

/**
 * The last few versions read as snapshots, by board and version id. A version never changes
 * once saved, so the cache is never stale; it only spares rebuilding a large board's document
 * (the most costly part of a compare or of opening a version) when people flip between the
 * same few versions. Bounded by count: a 10,000-item snapshot is some megabytes.
 */
export class VersionSnapshots {
  private readonly entries = new Map<string, BoardSnapshot>();
  /** Each cached snapshot's schedule, derived the first time a compare needs it. */
  private readonly schedules = new WeakMap<BoardSnapshot, ScheduleResult>();

  constructor(private readonly capacity = 8) {}

  /** The version's snapshot, built from its stored (compressed) state on a miss. */
  async get(boardId: string, versionId: string, load: () => Promise<Uint8Array | null>): Promise<BoardSnapshot | null> {
    const key = `${boardId}/${versionId}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const packed = await load();
    if (!packed) return null;
    const doc = docFromState(unpackState(packed));
    try {
      const snapshot = readSnapshot(doc);
      this.entries.set(key, snapshot);
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
      return snapshot;
    } finally {
      doc.destroy();
    }
  }

  /** The snapshot's derived schedule, kept with it: a version compared again is not scheduled again. */
  scheduleOf(snapshot: BoardSnapshot): ScheduleResult {
    let schedule = this.schedules.get(snapshot);
    if (!schedule) {
      schedule = new Scheduler().run(snapshot);
      this.schedules.set(snapshot, schedule);
    }
    return schedule;
  }

  /** Forgets deleted versions (their ids are never reused, but their memory is better freed). */
  forget(boardId: string, versionIds: readonly string[]): void {
    for (const id of versionIds) this.entries.delete(`${boardId}/${id}`);
  }
}
