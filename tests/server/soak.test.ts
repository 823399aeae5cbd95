import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { BoardId } from "../../lib/model/ids";
import { syncStep1Frame } from "../helpers/frames";
import { openRawSocket } from "../helpers/rawSocket";
import { eventually } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

const CYCLES = 10_000;
const WARM_UP = 1_000;
const PARALLEL = 25;

let s: TestServer | undefined;
afterEach(async () => {
  if (s) {
    await s.close();
    removeDataDir(s.dataDir);
    s = undefined;
  }
});

/** One visit: connect, do the sync handshake, hang up. */
async function visit(server: TestServer, board: TestBoard): Promise<void> {
  const ws = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.token}`);
  const answered = new Promise<void>((resolve) => ws.once("message", () => resolve()));
  ws.send(syncStep1Frame(new Y.Doc()));
  await answered;
  const closed = new Promise<void>((resolve) => ws.once("close", () => resolve()));
  ws.close();
  await closed;
}

async function cycles(server: TestServer, boards: TestBoard[], from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += PARALLEL) {
    await Promise.all(Array.from({ length: Math.min(PARALLEL, to - i) }, (_, k) => visit(server, boards[(i + k) % boards.length]!)));
  }
}

async function settledHeap(server: TestServer): Promise<number> {
  await eventually(() => expect(server.sync.registry.loadedCount).toBe(0), 10_000);
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().heapUsed;
}

describe("soak: connect/disconnect cycles", () => {
  it(`${CYCLES} cycles over 40 boards: idle boards unload and the heap after GC stays within 5%`, async () => {
    s = await startTestServer({ unloadDelayMs: 20 });
    const boards = await Promise.all(Array.from({ length: 40 }, (_, i) => s!.boards.createBoard({ title: `Soak ${i}` })));
    await cycles(s, boards, 0, WARM_UP);
    const before = await settledHeap(s);
    await cycles(s, boards, WARM_UP, CYCLES);
    const after = await settledHeap(s);
    const growth = (after - before) / before;
    console.log(`soak: heap after GC ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB (${(growth * 100).toFixed(1)}%) over ${CYCLES - WARM_UP} cycles`);
    expect(growth).toBeLessThan(0.05);
    expect(s.sync.registry.loaded(boards[0]!.id as BoardId)).toBeUndefined();
  }, 240_000);
});
