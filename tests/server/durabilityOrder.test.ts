import { afterEach, expect, it } from "vitest";
import { date } from "../../lib/model/dates";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { gate, gatedStore } from "../helpers/gatedStore";
import { describeEachStorage, type StorageBackend } from "../helpers/storageBackends";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestServer } from "../helpers/testServer";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const me = createOrigin("local", "me");
let s: TestServer;
let clients: TestClient[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await s.close();
  removeDataDir(s.dataDir);
});

async function serverWithGatedStoreOn(storage: StorageBackend) {
  const dataDir = mkdtempSync(join(tmpdir(), "waymark-gated-"));
  const gated = gatedStore(await storage.open(dataDir));
  s = await startTestServer({ dataDir, ...storage.serverConfig() }, gated.store);
  return gated;
}

describeEachStorage("what clients see is always stored first", (storage) => {
  const serverWithGatedStore = () => serverWithGatedStoreOn(storage);

  it("an update reaches other clients only after it is committed to storage", async () => {
    const gated = await serverWithGatedStore();
    const board = await s.boards.createBoard({ title: "Order" });
    const writer = connectClient(s.wsUrl, board.id, { token: board.token });
    const reader = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);

    const held = gate();
    gated.gates.append = held.opened;
    createItem(writer.doc, me, { title: "Held", start: date("2027-01-04"), duration: 1 });
    await eventually(() => expect(gated.appendsStarted).toBeGreaterThan(0));
    await sleep(150);
    expect(readSnapshot(reader.doc).items).toEqual([]);

    // A client joining now must not be given the uncommitted item either.
    const joiner = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(joiner);
    await sleep(150);
    expect(readSnapshot(joiner.doc).items).toEqual([]);

    held.open();
    await eventually(() => expect(readSnapshot(reader.doc).items.map((i) => i.title)).toEqual(["Held"]));
    await eventually(() => expect(readSnapshot(joiner.doc).items.map((i) => i.title)).toEqual(["Held"]));
    const stored = await s.store.loadUpdates(board.id);
    expect(stored.logLength).toBeGreaterThan(1);
  });

  it("no sync answer is sent before the board is loaded from storage", async () => {
    const gated = await serverWithGatedStore();
    const board = await s.boards.createBoard({ title: "Slow load" });
    const held = gate();
    gated.gates.load = held.opened;
    const c = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(c);
    await sleep(200);
    expect(c.provider.synced).toBe(false);
    expect(readSnapshot(c.doc).lanes).toEqual([]);
    held.open();
    await c.synced;
    expect(readSnapshot(c.doc).lanes).toHaveLength(6);
    expect(readSnapshot(c.doc).board.title).toBe("Slow load");
  });

  it("a failed write is never shown to others; the writer's edit is re-sent after reconnect", async () => {
    const gated = await serverWithGatedStore();
    const board = await s.boards.createBoard({ title: "Failing disk" });
    const writer = connectClient(s.wsUrl, board.id, { token: board.token });
    const reader = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    let failures = 1;
    const realAppend = gated.store.appendUpdates.bind(gated.store);
    gated.store.appendUpdates = async (batch) => {
      if (failures-- > 0) throw new Error("disk full");
      return realAppend(batch);
    };
    createItem(writer.doc, me, { title: "Retried", start: null, duration: 1 });
    // The room drops both peers; y-websocket reconnects and the writer re-sends its edit.
    await eventually(() => expect(readSnapshot(reader.doc).items.map((i) => i.title)).toEqual(["Retried"]), 5_000);
    const stored = await s.store.loadUpdates(board.id);
    expect(stored.updates.length).toBeGreaterThan(1);
  });
});
