import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import { date } from "../../lib/model/dates";
import { createItem, moveItem, updateItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { describeEachStorage, type StorageBackend } from "../helpers/storageBackends";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

const alice = createOrigin("local", "alice");
const bob = createOrigin("local", "bob");

let servers: TestServer[] = [];
let clients: TestClient[] = [];

async function serverOn(storage: StorageBackend, overrides = {}): Promise<TestServer> {
  const s = await startTestServer({ ...storage.serverConfig(), ...overrides });
  servers.push(s);
  return s;
}

function client(s: TestServer, board: TestBoard): TestClient {
  const c = connectClient(s.wsUrl, board.id, { token: board.token });
  clients.push(c);
  return c;
}

const titles = (doc: Y.Doc) => readSnapshot(doc).items.map((i) => i.title).sort();

afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
  servers = [];
});

describeEachStorage("sync server with stock y-websocket clients", (storage) => {
  const server = (overrides = {}) => serverOn(storage, overrides);

  it("two clients converge on each other's edits", async () => {
    const s = await server();
    const board = await s.boards.createBoard({ title: "Converge" });
    const a = client(s, board);
    const b = client(s, board);
    await Promise.all([a.synced, b.synced]);
    const lane = readSnapshot(a.doc).lanes[0]!.id;
    const created = createItem(a.doc, alice, { title: "From A", laneId: lane, start: date("2027-03-01"), duration: 5 });
    createItem(b.doc, bob, { title: "From B", laneId: lane, start: date("2027-03-08"), duration: 3 });
    expect(created.ok).toBe(true);
    await eventually(() => {
      expect(titles(a.doc)).toEqual(["From A", "From B"]);
      expect(titles(b.doc)).toEqual(["From A", "From B"]);
    });
    if (created.ok) moveItem(b.doc, bob, created.value, { start: date("2027-04-05") });
    await eventually(() => expect(readSnapshot(a.doc).items.find((i) => i.title === "From A")?.start).toBe("2027-04-05"));
    expect(JSON.stringify(readSnapshot(a.doc))).toBe(JSON.stringify(readSnapshot(b.doc)));
  });

  it("serves the template to the first client: a new board is never empty", async () => {
    const s = await server();
    const board = await s.boards.createBoard({ title: "Template" });
    const a = client(s, board);
    await a.synced;
    const snap = readSnapshot(a.doc);
    expect(snap.board.title).toBe("Template");
    expect(snap.lanes.map((l) => l.name)).toEqual([
      "Service design",
      "Development",
      "Testing",
      "Communication",
      "Go-to-market",
      "Operations",
    ]);
  });

  it("a client that joins later receives the full state", async () => {
    const s = await server();
    const board = await s.boards.createBoard({ title: "Late" });
    const a = client(s, board);
    await a.synced;
    for (let i = 0; i < 20; i++) createItem(a.doc, alice, { title: `Item ${i}`, start: date("2027-01-04"), duration: 1 });
    await eventually(async () => expect((await s.store.loadUpdates(board.id)).logLength).toBeGreaterThan(1));
    const late = client(s, board);
    await late.synced;
    await eventually(() => expect(titles(late.doc)).toHaveLength(20));
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(a.doc));
  });

  it("keeps every acknowledged edit across a server restart", async () => {
    const first = await startTestServer(storage.serverConfig());
    const board = await first.boards.createBoard({ title: "Durable" });
    const a = connectClient(first.wsUrl, board.id, { token: board.token });
    const b = connectClient(first.wsUrl, board.id, { token: board.token });
    await Promise.all([a.synced, b.synced]);
    const made = createItem(a.doc, alice, { title: "Survives", start: date("2027-02-01"), duration: 2 });
    if (!made.ok) throw new Error(made.error);
    updateItem(a.doc, alice, made.value, { status: "at_risk" });
    // b has seen the edit, so it must be on disk.
    await eventually(() => expect(readSnapshot(b.doc).items[0]?.status).toBe("at_risk"));
    a.destroy();
    b.destroy();
    await first.close();

    const second = await server({ dataDir: first.dataDir });
    const c = client(second, board);
    await c.synced;
    const item = readSnapshot(c.doc).items.find((i) => i.title === "Survives");
    expect(item?.status).toBe("at_risk");
    expect(readSnapshot(c.doc).lanes).toHaveLength(6);
  });

  it("unloads a board nobody is connected to, and reloads it intact", async () => {
    const s = await server({ unloadDelayMs: 30 });
    const board = await s.boards.createBoard({ title: "Idle" });
    const a = connectClient(s.wsUrl, board.id, { token: board.token });
    await a.synced;
    createItem(a.doc, alice, { title: "Before unload", start: null, duration: 1 });
    await eventually(() => expect(s.sync.registry.loadedCount).toBe(1));
    await new Promise((r) => setTimeout(r, 50));
    a.destroy();
    await eventually(() => expect(s.sync.registry.loadedCount).toBe(0));
    const b = client(s, board);
    await b.synced;
    expect(titles(b.doc)).toEqual(["Before unload"]);
  });

  it("compacts the update log into a snapshot past the threshold", async () => {
    const s = await server({ compactThreshold: 10 });
    const board = await s.boards.createBoard({ title: "Compact" });
    const a = client(s, board);
    await a.synced;
    for (let i = 0; i < 40; i++) {
      createItem(a.doc, alice, { title: `Edit ${i}`, start: null, duration: 1 });
      await new Promise((r) => setTimeout(r, 2));
    }
    await eventually(async () => {
      const stored = await s.store.loadUpdates(board.id);
      const replica = new Y.Doc();
      for (const u of stored.updates) Y.applyUpdate(replica, u);
      expect(titles(replica)).toHaveLength(40);
      expect(stored.logLength).toBeLessThan(10);
    });
  });
});
