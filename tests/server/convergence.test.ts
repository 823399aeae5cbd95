import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCalendarDays, date } from "../../lib/model/dates";
import { addDependency } from "../../lib/model/dependencyCommands";
import type { ItemId } from "../../lib/model/ids";
import { createItem, deleteItem, moveItem, updateItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { rng, type Rng } from "../lib/helpers/prng";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestServer } from "../helpers/testServer";
import { freePort } from "../helpers/childServer";

/** Seeds that once failed stay here forever. */
const PINNED_SEEDS: number[] = [];
const SEEDS = [...PINNED_SEEDS, 1, 2, 3, 4, 5];

let s: TestServer | undefined;
let clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  if (s) {
    await s.close();
    removeDataDir(s.dataDir);
    s = undefined;
  }
});

function randomEdit(r: Rng, c: TestClient, index: number): void {
  const origin = createOrigin("local", `client-${index}`);
  const snap = readSnapshot(c.doc);
  const items = snap.items.map((i) => i.id as ItemId);
  const lanes = snap.lanes.map((l) => l.id);
  const roll = r.int(10);
  if (roll < 4 || items.length < 2) {
    createItem(c.doc, origin, {
      title: `c${index}-${r.int(1000)}`,
      laneId: r.pick(lanes),
      start: addCalendarDays(date("2027-01-04"), r.int(200)),
      duration: 1 + r.int(20),
    });
  } else if (roll < 6) {
    moveItem(c.doc, origin, r.pick(items), { start: addCalendarDays(date("2027-01-04"), r.int(200)), laneId: r.pick(lanes) });
  } else if (roll < 7) {
    updateItem(c.doc, origin, r.pick(items), { title: `renamed-${r.int(1000)}`, status: r.pick(["planned", "done", "at_risk"] as const) });
  } else if (roll < 8) {
    deleteItem(c.doc, origin, r.pick(items));
  } else {
    addDependency(c.doc, origin, { fromId: r.pick(items), toId: r.pick(items), lag: r.int(5) - 2 });
  }
}

describe("replicas on a real server converge under random edits and disconnects", () => {
  it.each(SEEDS)("seed %i", async (seed) => {
    const r = rng(seed);
    s = await startTestServer();
    const board = await s.boards.createBoard({ title: `Seed ${seed}` });
    clients = Array.from({ length: 4 }, () => connectClient(s!.wsUrl, board.id, { token: board.token }));
    await Promise.all(clients.map((c) => c.synced));

    for (let step = 0; step < 120; step++) {
      const index = r.int(clients.length);
      const c = clients[index]!;
      if (r.chance(0.08)) {
        // Offline for a while: edits pile up locally and merge on reconnect.
        if (c.provider.shouldConnect) c.provider.disconnect();
        else c.provider.connect();
      }
      randomEdit(r, c, index);
      if (r.chance(0.2)) await new Promise((res) => setTimeout(res, r.int(15)));
    }
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();

    const expected = () => JSON.stringify(readSnapshot(clients[0]!.doc));
    await eventually(() => {
      for (const c of clients) {
        expect(c.provider.synced).toBe(true);
        expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(clients[0]!.doc));
        expect(JSON.stringify(readSnapshot(c.doc))).toBe(expected());
      }
    }, 10_000);

    // What the server stored is that same state.
    await s.sync.registry.closeAll();
    const stored = new Y.Doc();
    for (const u of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(stored, u);
    expect(JSON.stringify(readSnapshot(stored))).toBe(expected());
  });
});

describe("replicas converge when the server restarts in the middle of random edits", () => {
  it.each(SEEDS)("seed %i", async (seed) => {
    const r = rng(seed * 7919);
    const port = await freePort();
    s = await startTestServer({ port });
    const { dataDir } = s;
    const board = await s.boards.createBoard({ title: `Restarts ${seed}` });
    clients = Array.from({ length: 4 }, () => connectClient(s!.wsUrl, board.id, { token: board.token }));
    await Promise.all(clients.map((c) => c.synced));

    for (let step = 0; step < 150; step++) {
      if (step % 50 === 25) {
        // The server goes down (gracefully or not matters little: clients keep their edits)
        // while clients keep editing offline, and comes back on the same address and data.
        await s!.close();
        for (let k = 0; k < 5; k++) randomEdit(r, clients[r.int(clients.length)]!, k);
        s = await startTestServer({ port, dataDir });
      }
      const index = r.int(clients.length);
      randomEdit(r, clients[index]!, index);
      if (r.chance(0.2)) await new Promise((res) => setTimeout(res, r.int(15)));
    }

    const expected = () => JSON.stringify(readSnapshot(clients[0]!.doc));
    await eventually(() => {
      for (const c of clients) {
        expect(c.provider.wsconnected).toBe(true);
        expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(clients[0]!.doc));
        expect(JSON.stringify(readSnapshot(c.doc))).toBe(expected());
      }
    }, 15_000);
    await s.sync.registry.closeAll();
    const stored = new Y.Doc();
    for (const u of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(stored, u);
    expect(JSON.stringify(readSnapshot(stored))).toBe(expected());
  }, 60_000);
});
