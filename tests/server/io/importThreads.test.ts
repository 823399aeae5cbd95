import { afterEach, describe, expect, it } from "vitest";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { boardToCsv } from "../../../lib/io/csvExport";
import { boardToMspdi } from "../../../lib/io/mspdiExport";
import { date } from "../../../lib/model/dates";
import { readSnapshot } from "../../../lib/model/snapshot";
import { importQuerySchema } from "../../../lib/protocol/importExport";
import { ImportThreadError, ImportThreads } from "../../../server/io/importThreads";
import { readImport } from "../../../server/io/readImport";
import * as Y from "yjs";
import { generateBoard } from "../../../scripts/bench/generateBoard";

/**
 * Import files are read on bounded worker threads (server/io/importThreads.ts): the answer is
 * readImport's, the event loop stays free meanwhile, and a file that takes too long or too much
 * memory ends its thread, not the server.
 */
const big = readSnapshot(generateBoard(3, { items: 5_000, dependencies: 6_000, lanes: 10, milestones: 40 }).doc);
const derived = deriveBoard(big, { today: date("2027-01-18") });
const csv = boardToCsv(big, derived);
const xml = boardToMspdi(big, derived);
const csvQuery = importQuerySchema.parse({ format: "csv" });
const xmlQuery = importQuerySchema.parse({ format: "mspdi" });

let threads: ImportThreads | null = null;
afterEach(async () => {
  await threads?.close();
  threads = null;
});

/** The longest the event loop went without running a timer, while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let worst = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  try {
    const value = await work();
    return { value, stallMs: Math.max(worst, performance.now() - last) };
  } finally {
    clearInterval(tick);
  }
}

describe("import threads", () => {
  it("answer what readImport answers, with the event loop free while a 5,000-row file is read", async () => {
    threads = new ImportThreads();
    await threads.read(csvQuery, "Title\nwarm up\n"); // the thread's start (loading the importers) is not the point here
    const inline = await longestStall(async () => readImport(csvQuery, csv));
    const threaded = await longestStall(() => threads!.read(csvQuery, csv));
    expect(threaded.value.errors).toEqual([]);
    expect(threaded.value.file!.items.map((i) => i.title)).toEqual(inline.value.file!.items.map((i) => i.title));
    // Read on the event loop, the file stops it for the whole read; on a thread, only the
    // copy of the answer does (a fraction of it). The floor only makes the comparison mean
    // something: a calm machine reads the file in about 200 ms, a loaded one in far more.
    expect(inline.stallMs).toBeGreaterThan(50);
    expect(threaded.stallMs).toBeLessThan(inline.stallMs / 2);
  });

  it("a new board is written on the thread: its first state comes back, not the file", async () => {
    threads = new ImportThreads();
    const read = await threads.read(importQuerySchema.parse({ format: "csv", title: "From a thread" }), csv, undefined, { newBoardBy: "u-importer" });
    expect(read.file).toBeNull();
    expect(read.board!.title).toBe("From a thread");
    expect(read.board!.counts.items).toBe(big.items.length);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, read.board!.update);
    const written = readSnapshot(doc);
    expect(written.board.title).toBe("From a thread");
    expect(written.items.map((i) => i.title).sort()).toEqual(big.items.map((i) => i.title).sort());
    expect(written.dependencies).toHaveLength(big.dependencies.length);
  });

  it("a bad file's errors come back as they are", async () => {
    threads = new ImportThreads();
    const read = await threads.read(csvQuery, "Title,Start\nA,31/02/2027\n");
    expect(read).toEqual({ file: null, errors: [{ row: 2, message: "Start 31/02/2027 is not a date" }], warnings: [] });
  });

  it("reads at most `threads` files at once, queues `queue` more and turns the rest away", async () => {
    threads = new ImportThreads({ threads: 1, queue: 1 });
    const reads = [threads.read(csvQuery, csv), threads.read(csvQuery, csv), threads.read(csvQuery, csv)];
    const settled = await Promise.allSettled(reads);
    // The first is read, the second waits for it, the third finds the queue full.
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    expect((settled[2] as PromiseRejectedResult).reason).toMatchObject({ kind: "busy" });
  });

  it("a read past its time ends its thread and is refused; the next read gets a new thread", async () => {
    threads = new ImportThreads({ threads: 1, timeoutMs: 150 });
    const slow = await threads.read(xmlQuery, xml).catch((error: unknown) => error);
    expect(slow).toBeInstanceOf(ImportThreadError);
    expect(slow).toMatchObject({ kind: "timeout", message: "The file took longer than 150 ms to read. Nothing was written." });
    const next = await threads.read(csvQuery, "Title\nA\n");
    expect(next.file!.items.map((i) => i.title)).toEqual(["A"]);
  });

  it("a file that needs more memory than a thread may take ends the thread, not the server", async () => {
    threads = new ImportThreads({ threads: 1, memoryMb: 64, timeoutMs: 60_000 });
    // Four times the 5,000 tasks (about 30 MB of XML): parsed, it holds far more than 64 MB.
    const tasks = xml.slice(xml.indexOf("<Task>"), xml.lastIndexOf("</Task>") + "</Task>".length);
    const huge = xml.replace("</Tasks>", `${tasks.repeat(3)}</Tasks>`);
    const outcome = await threads.read(xmlQuery, huge).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ kind: "memory", message: expect.stringContaining("more memory") });
    expect(process.memoryUsage().rss).toBeGreaterThan(0); // still here
  });
});
