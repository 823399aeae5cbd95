/** At most this many presence broadcasts per second per board (a batch carries every change). */
export const PRESENCE_BROADCASTS_PER_SECOND = 20;

/**
 * Presence is batched: everything that changed goes out in one message, at most
 * PRESENCE_BROADCASTS_PER_SECOND times a second, so forty people moving their pointers cost
 * each of them 20 messages a second rather than hundreds.
 */
export class PresenceBatcher {
  /** Awareness client ids changed since the last broadcast. */
  private readonly changed = new Set<number>();
  /** Of those, the ones this instance's own connections changed (to publish to other instances). */
  private readonly local = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private lastBroadcast = 0;

  /** @param broadcast sends the states of `ids` (all changed) and publishes those of `local`. */
  constructor(private readonly broadcast: (ids: number[], local: number[]) => void) {}

  /** Notes changed client ids; `fromHere` when one of this instance's connections changed them. */
  note(ids: readonly number[], fromHere: boolean): void {
    for (const id of ids) {
      this.changed.add(id);
      if (fromHere) this.local.add(id);
    }
    if (this.timer || this.changed.size === 0) return;
    const wait = Math.max(0, this.lastBroadcast + 1000 / PRESENCE_BROADCASTS_PER_SECOND - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastBroadcast = performance.now();
      const ids = [...this.changed];
      const local = [...this.local];
      this.changed.clear();
      this.local.clear();
      this.broadcast(ids, local);
    }, wait);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
