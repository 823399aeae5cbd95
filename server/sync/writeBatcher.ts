import type { BoardId } from "../../lib/model/ids";
import type { AppendResult, BoardStore, BoardUpdates } from "../storage/boardStore";
import { secondsSince, type SyncMetrics } from "../ops/metrics";

interface Pending {
  updates: Uint8Array[];
  title?: string;
  waiters: { resolve: (r: AppendResult) => void; reject: (e: unknown) => void }[];
}

/**
 * Collects the updates of every board that arrive within one event-loop turn, or while the
 * previous write is committing, and writes them in one storage transaction: one fsync per
 * batch instead of one per keystroke (group commit). Batches are written
 * one after another, so a board's updates reach storage in the order they were applied.
 */
export class WriteBatcher {
  private pending = new Map<BoardId, Pending>();
  private scheduled = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: BoardStore,
    private readonly metrics?: SyncMetrics,
  ) {}

  /** Resolves once `update` is committed to storage. */
  append(boardId: BoardId, update: Uint8Array, title?: string): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const entry = this.pending.get(boardId) ?? { updates: [], waiters: [] };
      entry.updates.push(update);
      if (title !== undefined) entry.title = title;
      entry.waiters.push({ resolve, reject });
      this.pending.set(boardId, entry);
      this.schedule();
    });
  }

  /** Resolves when everything appended so far is committed (or has failed). */
  async drain(): Promise<void> {
    while (this.pending.size > 0 || this.scheduled) {
      await new Promise<void>((r) => setImmediate(r));
      await this.writing;
    }
    await this.writing;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      // The batch is taken when the previous write has finished, not when this turn ends: with
      // a store whose commit takes a while (PostgreSQL's fsync over the network), everything
      // that arrived meanwhile goes into the next transaction, instead of one queued
      // transaction per event-loop turn piling up faster than they commit.
      this.writing = this.writing.then(() => {
        this.scheduled = false;
        const batch = this.pending;
        this.pending = new Map();
        return this.write(batch);
      });
    });
  }

  private async write(batch: Map<BoardId, Pending>): Promise<void> {
    // Everything a room appends passed its layout check (or is the server's own repair).
    const rows: BoardUpdates[] = [...batch].map(([boardId, p]) => ({ boardId, updates: p.updates, title: p.title, checked: true }));
    try {
      const started = performance.now();
      const results = await this.store.appendUpdates(rows);
      this.metrics?.persisted(secondsSince(started));
      for (const [boardId, p] of batch) {
        const result = results.get(boardId);
        for (const w of p.waiters) {
          if (result) w.resolve(result);
          else w.reject(new Error(`storage returned no result for board ${boardId}`));
        }
      }
    } catch (error) {
      for (const p of batch.values()) for (const w of p.waiters) w.reject(error);
    }
  }
}
