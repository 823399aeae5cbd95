import { afterEach, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { addItemUpdate, awarenessFrame, syncStep1Frame, updateFrame } from "../helpers/frames";
import { openRawSocket } from "../helpers/rawSocket";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestServer } from "../helpers/testServer";
import { rng, type Rng } from "../lib/helpers/prng";

/** Pinned: change only to explore, and pin any seed that ever fails. */
const SEEDS = [20261125, 7];
const FRAMES_PER_CONNECTION = 2_600;
const CONNECTIONS = 4;
const MAX_MESSAGE_BYTES = 64 * 1024;

let s: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  if (s) {
    await s.close();
    removeDataDir(s.dataDir);
    s = undefined;
  }
});

/** Valid frames of every kind, to be mutated. */
function corpus(): Uint8Array[] {
  const doc = new Y.Doc();
  return [
    syncStep1Frame(doc),
    updateFrame(addItemUpdate("fuzz-item", "Fuzzed")),
    awarenessFrame(777, 1, { cursor: { x: 1 } }),
    new Uint8Array([3]),
  ];
}

/** One hostile frame: truncated, flipped, spliced, oversized, garbage or text. */
function mutate(random: Rng, seeds: Uint8Array[]): Uint8Array | string {
  const base = random.pick(seeds);
  switch (random.int(7)) {
    case 0:
      return base.slice(0, random.int(base.length));
    case 1: {
      const out = base.slice();
      for (let i = 0; i < 1 + random.int(4); i++) out[random.int(out.length)] = random.int(256);
      return out;
    }
    case 2: {
      const at = random.int(base.length + 1);
      const junk = Uint8Array.from({ length: 1 + random.int(16) }, () => random.int(256));
      return new Uint8Array([...base.slice(0, at), ...junk, ...base.slice(at)]);
    }
    case 3:
      return new Uint8Array(MAX_MESSAGE_BYTES + 1 + random.int(1024));
    case 4:
      return Uint8Array.from({ length: random.int(64) }, () => random.int(256));
    case 5:
      return "not a binary frame";
    default:
      return base;
  }
}

/** Sends `total` hostile frames, reconnecting whenever the server closes the socket; returns how many went out on an open socket. */
async function hostile(url: string, total: number, random: Rng): Promise<number> {
  const seeds = corpus();
  let sent = 0;
  let ws: WebSocket | null = null;
  while (sent < total) {
    if (!ws || ws.readyState !== ws.OPEN) {
      ws?.terminate();
      ws = await openRawSocket(url);
    }
    ws.send(mutate(random, seeds));
    sent++;
    // Let the server answer now and then, so closes are seen and sockets renewed.
    if (sent % 8 === 0) await new Promise((r) => setImmediate(r));
  }
  ws?.terminate();
  return sent;
}

describe("seeded fuzz: thousands of malformed, truncated, oversized and mutated frames", () => {
  it.each(SEEDS)("seed %i: the server stays up and well-behaved clients on the board keep syncing", async (seed) => {
    s = await startTestServer({ maxMessageBytes: MAX_MESSAGE_BYTES, messagesPerSecond: 100_000 });
    const board = await s.boards.createBoard({ title: "Fuzz" });
    const a = connectClient(s.wsUrl, board.id, { token: board.token });
    const b = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const url = `${s.wsUrl}/${board.id}?token=${board.token}`;
    let edits = 0;
    const editing = setInterval(() => {
      const who = edits % 2 ? a : b;
      createItem(who.doc, createOrigin("local", `good${edits}`), { title: `good ${edits++}`, laneId: null, start: null, duration: 1, status: "planned" });
    }, 20);
    const random = rng(seed);
    const counts = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => hostile(url, FRAMES_PER_CONNECTION, rng(seed + i + random.int(1000)))));
    clearInterval(editing);
    expect(counts.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(10_000);

    // The well-behaved pair converged on every good edit, and the server still takes newcomers.
    const goodTitles = (c: TestClient) =>
      [...c.doc.getMap("items").values()].map((m) => (m as Y.Map<unknown>).get("title")).filter((t) => String(t).startsWith("good"));
    await eventually(() => {
      expect(goodTitles(a).length).toBe(edits);
      expect(goodTitles(b).length).toBe(edits);
    }, 10_000);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    const late = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(late);
    await late.synced;
    expect(goodTitles(late).length).toBe(edits);
  }, 120_000);
});
