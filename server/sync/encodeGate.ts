/**
 * Runs expensive synchronous jobs (encoding a board's state for a connecting client) a few at a
 * time, yielding to the event loop in between. A reconnect storm of hundreds of clients then
 * costs a steady trickle of short turns instead of one long stall in which nobody's edits,
 * pings or presence get through.
 */
export class EncodeGate {
  private readonly queue: (() => void)[] = [];
  private scheduled = false;

  /**
   * @param maxPerTurn jobs run back to back at most
   * @param turnBudgetMs a turn also ends once it has run this long
   */
  constructor(
    private readonly maxPerTurn = 4,
    private readonly turnBudgetMs = 8,
  ) {}

  /** Jobs waiting their turn (for tests and metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  run(job: () => void): void {
    this.queue.push(job);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.turn);
    }
  }

  private readonly turn = (): void => {
    const start = performance.now();
    for (let n = 0; n < this.maxPerTurn && this.queue.length > 0; n++) {
      const job = this.queue.shift()!;
      try {
        job();
      } catch {
        // A job owns its errors (a room closes its peer); one failing must not stall the rest.
      }
      if (performance.now() - start >= this.turnBudgetMs) break;
    }
    if (this.queue.length > 0) setImmediate(this.turn);
    else this.scheduled = false;
  };
}
