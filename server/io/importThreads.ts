import { Worker } from "node:worker_threads";
import type { BoardFile } from "../../lib/io/boardFile";
import type { ImportQuery } from "../../lib/protocol/importExport";
import type { ReadImport } from "./readImport";

/**
 * Import files are read on worker threads (docs/import-export.md): parsing and checking a
 * 10,000-row file takes a second or more of CPU, which on the event loop stopped every board's
 * sync for as long. Bounded:
 *   - at most `threads` files are read at once (two: the machine keeps cores for the server),
 *     the others wait in a queue of at most `queue`; past it the caller is told to wait;
 *   - each read has `timeoutMs` (from when its thread is ready), after which its thread is
 *     ended and the file refused;
 *   - each thread's heap is capped (`memoryMb`, resourceLimits): a file that needs more ends
 *     its thread, not the server, and is refused.
 * Threads are kept between reads (starting one loads the importers) and end after `idleMs`.
 */
export interface ImportThreadOptions {
  threads?: number;
  queue?: number;
  timeoutMs?: number;
  memoryMb?: number;
  /** The young generation: parsing allocates a tree per file, and a small one spends its time collecting. */
  youngMb?: number;
  idleMs?: number;
}

/** The read was not done: the reason in words, for the person. */
export class ImportThreadError extends Error {
  constructor(
    message: string,
    readonly kind: "busy" | "timeout" | "memory" | "failed",
  ) {
    super(message);
  }
}

interface Job {
  query: ImportQuery;
  text: string;
  settings: BoardFile["board"] | undefined;
  newBoardBy: string | undefined;
  resolve(result: ReadImport): void;
  reject(error: ImportThreadError): void;
}

interface Slot {
  worker: Worker | null;
  ready: Promise<void> | null;
  job: Job | null;
  idle: NodeJS.Timeout | null;
}

const WORKER_URL = new URL("./importWorker.mjs", import.meta.url);
const STARTUP_MS = 30_000;
const seconds = (ms: number) => (ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 1_000)} s`);

export class ImportThreads {
  private readonly slots: Slot[];
  private readonly waiting: Job[] = [];
  private readonly options: Required<ImportThreadOptions>;
  private next = 0;

  constructor(options: ImportThreadOptions = {}) {
    this.options = { threads: 2, queue: 16, timeoutMs: 60_000, memoryMb: 1_024, youngMb: 64, idleMs: 30_000, ...options };
    this.slots = Array.from({ length: Math.max(1, this.options.threads) }, () => ({ worker: null, ready: null, job: null, idle: null }));
  }

  /**
   * Reads the file on a thread: what readImport answers, or an ImportThreadError. With
   * `newBoardBy` (the importer), what readImportAsNewBoard answers: the new board's first state.
   */
  read(query: ImportQuery, text: string, settings?: BoardFile["board"], options: { newBoardBy?: string } = {}): Promise<ReadImport> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length >= this.options.queue) {
        reject(new ImportThreadError("The server is reading many imports at once: try again in a minute. Nothing was written.", "busy"));
        return;
      }
      this.waiting.push({ query, text, settings, newBoardBy: options.newBoardBy, resolve, reject });
      this.pump();
    });
  }

  /** Ends every thread; reads in progress and waiting are refused. */
  async close(): Promise<void> {
    for (const job of this.waiting.splice(0)) job.reject(new ImportThreadError("The server is stopping. Nothing was written.", "failed"));
    await Promise.all(this.slots.map((slot) => this.end(slot, new ImportThreadError("The server is stopping. Nothing was written.", "failed"))));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.waiting.length === 0) continue;
      void this.run(slot, this.waiting.shift()!);
    }
  }

  private start(slot: Slot): void {
    const worker = new Worker(WORKER_URL, {
      // Not the parent's flags (a test runner's, --expose-gc): the worker loads what it needs.
      execArgv: process.execArgv.filter((flag) => !flag.startsWith("--expose")),
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: this.options.youngMb },
    });
    // A thread waiting for work must not keep the process alive.
    worker.unref();
    slot.worker = worker;
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`import thread exited with code ${code}`)));
    });
    slot.ready.catch(() => undefined);
    worker.on("error", (error: Error & { code?: string }) => {
      const memory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      void this.end(
        slot,
        new ImportThreadError(memory ? "The file needs more memory to read than an import may take. Nothing was written." : "The file could not be read (the import thread failed). Nothing was written.", memory ? "memory" : "failed"),
      );
    });
    worker.on("exit", () => {
      if (slot.worker === worker) void this.end(slot, new ImportThreadError("The file could not be read (the import thread stopped). Nothing was written.", "failed"));
    });
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    slot.job = job;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    if (!slot.worker) this.start(slot);
    const worker = slot.worker!;
    const mine = () => slot.worker === worker && slot.job === job;
    // Starting a thread (loading the importers) is not the file's time; it has its own bound.
    const startTimer = setTimeout(() => void (mine() && this.end(slot, new ImportThreadError("The import thread did not start in time. Nothing was written.", "failed"))), STARTUP_MS);
    startTimer.unref();
    try {
      await slot.ready;
    } catch {
      if (mine()) await this.end(slot, new ImportThreadError("The file could not be read (the import thread did not start). Nothing was written.", "failed"));
      return;
    } finally {
      clearTimeout(startTimer);
    }
    if (!mine()) return; // ended meanwhile
    const id = ++this.next;
    const timer = setTimeout(() => {
      worker.off("message", onMessage);
      if (mine()) void this.end(slot, new ImportThreadError(`The file took longer than ${seconds(this.options.timeoutMs)} to read. Nothing was written.`, "timeout"));
    }, this.options.timeoutMs);
    timer.unref();
    const onMessage = (answer: { id?: number; result?: ReadImport; error?: string }) => {
      if (answer.id !== id) return;
      worker.off("message", onMessage);
      clearTimeout(timer);
      slot.job = null;
      if (answer.error !== undefined) job.reject(new ImportThreadError(`The file could not be read: ${answer.error}. Nothing was written.`, "failed"));
      else job.resolve(answer.result!);
      this.rest(slot);
      this.pump();
    };
    worker.on("message", onMessage);
    worker.postMessage({ id, query: job.query, text: job.text, settings: job.settings ?? null, newBoardBy: job.newBoardBy ?? null });
  }

  /** An idle thread ends after a while: its memory is the importers' and the last file's. */
  private rest(slot: Slot): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = setTimeout(() => void this.end(slot, null), this.options.idleMs);
    slot.idle.unref();
  }

  /** Ends the slot's thread; its job, if any, is refused with `error`; the queue moves on. */
  private async end(slot: Slot, error: ImportThreadError | null): Promise<void> {
    const { worker, job } = slot;
    slot.worker = null;
    slot.ready = null;
    slot.job = null;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    if (job && error) job.reject(error);
    if (worker) await worker.terminate().catch(() => undefined);
    this.pump();
  }
}
