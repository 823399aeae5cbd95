import { Worker } from "node:worker_threads";
import type { BoardId } from "../../../lib/model/ids";
import type { AppendResult, BoardUpdates } from "../boardStore";

interface Answer {
  id: number;
  results?: [BoardId, AppendResult][];
  error?: string;
}

/**
 * Update-log appends of a SQLite file, committed on a worker thread (appendWorker.mjs).
 * better-sqlite3 is synchronous: on the event loop, every commit's fsync stalled every board's
 * reads, relays, presence and pings for as long as the disk took (on a busy disk, tens to
 * hundreds of ms). The sync server still waits for the commit before relaying an update; it
 * just no longer waits with everything else stopped. The WriteBatcher keeps one batch in
 * flight at a time, so appends stay in order.
 */
export class AppendThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(r: Answer): void; reject(e: unknown): void }>();
  private next = 0;
  private failure: Error | null = null;

  constructor(file: string) {
    this.worker = new Worker(new URL("./appendWorker.mjs", import.meta.url), { workerData: { file } });
    // The server's sockets keep the process alive; a pending append alone need not.
    this.worker.unref();
    this.worker.on("message", (answer: Answer) => {
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      waiter?.resolve(answer);
    });
    const fail = (error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error));
      for (const waiter of this.waiting.values()) waiter.reject(this.failure);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`append thread exited with code ${code}`)));
  }

  /** Resolves once the batch is committed, with what each board's log now holds. */
  async append(batch: BoardUpdates[], now: string): Promise<Map<BoardId, AppendResult>> {
    const answer = await this.request({ batch, now });
    if (answer.error !== undefined) throw new Error(answer.error);
    return new Map(answer.results);
  }

  /** Closes the thread's connection and ends the thread (after appends already asked for). */
  async close(): Promise<void> {
    if (!this.failure) await this.request({ close: true }).catch(() => undefined);
    await this.worker.terminate();
  }

  private request(message: object): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }
}
