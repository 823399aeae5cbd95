import { Worker } from "node:worker_threads";

/**
 * Checkpoints a SQLite file in WAL mode on a worker thread (checkpointWorker.mjs) every
 * `intervalMs`: the fsync that makes the last interval's commits survive a power loss, done
 * where it cannot stall the event loop. Used with `synchronous=NORMAL`, whose commits do not
 * fsync and whose connection does not checkpoint by itself (see openDatabase).
 */
export class CheckpointThread {
  private readonly worker: Worker;
  private readonly closed: Promise<void>;

  constructor(file: string, intervalMs: number, onFailure: (error: string) => void) {
    this.worker = new Worker(new URL("./checkpointWorker.mjs", import.meta.url), { workerData: { file, intervalMs } });
    // The server's sockets keep the process alive; the checkpoint timer alone must not.
    this.worker.unref();
    this.closed = new Promise((resolve) => {
      this.worker.on("message", (message: { type: string; error?: string }) => {
        if (message.type === "failed") onFailure(message.error ?? "unknown error");
        if (message.type === "closed") resolve();
      });
      this.worker.once("exit", () => resolve());
    });
    this.worker.on("error", (error) => onFailure(String(error)));
  }

  /** Runs a last checkpoint, closes the thread's connection and ends the thread. */
  async close(): Promise<void> {
    this.worker.postMessage({ type: "close" });
    await this.closed;
    await this.worker.terminate();
  }
}
