import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { describeFrame, syncStep1Frame } from "../helpers/frames";
import { openRawSocket } from "../helpers/rawSocket";
import type { Storage } from "../../server/storage/storage";
import { SNAPSHOT_BASE_MIN_BYTES } from "../../server/sync/snapshotBase";
import { describeEachStorage } from "../helpers/storageBackends";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

const alice = createOrigin("local", "alice");
let servers: TestServer[] = [];
let clients: TestClient[] = [];
let sockets: WebSocket[] = [];

afterEach(async () => {
  for (const c of clients) c.destroy();
  for (const ws of sockets) ws.terminate();
  clients = [];
  sockets = [];
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
  servers = [];
});

const titles = (doc: Y.Doc) => readSnapshot(doc).items.map((i) => i.title).sort();

/**
 * The sync frames (type 0) the server answers a raw socket's empty state vector with, leaving
 * out the server's own step 1 (which may even arrive before a listener can be attached).
 */
async function syncFramesForEmptyClient(s: TestServer, board: TestBoard): Promise<{ syncKind?: number }[]> {
  const ws = await openRawSocket(`${s.wsUrl}/${board.id}?token=${board.token}`);
  sockets.push(ws);
  const frames: { syncKind?: number }[] = [];
  ws.on("message", (data: Buffer) => {
    const frame = describeFrame(new Uint8Array(data));
    if (frame.type === 0 && frame.syncKind !== 0) frames.push(frame);
  });
  ws.send(syncStep1Frame(new Y.Doc()));
  await eventually(() => expect(frames.some((f) => f.syncKind === 1)).toBe(true));
  return frames;
}

describeEachStorage("clients that have nothing are answered from storage while the board is as loaded", (storage) => {
  /**
   * A board whose stored form is its first state and a log of item additions after it, not
   * loaded (written through storage, as edits made before the last unload would have been; an
   * unload itself folds the log into one snapshot).
   */
  async function storedBoard(): Promise<{ s: TestServer; board: TestBoard; written: string[] }> {
    const s = await startTestServer({ ...storage.serverConfig(), unloadDelayMs: 30 });
    servers.push(s);
    const board = await s.boards.createBoard({ title: "Stored" });
    const replica = new Y.Doc();
    for (const update of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(replica, update);
    const log: Uint8Array[] = [];
    replica.on("update", (update: Uint8Array) => log.push(update));
    const written = Array.from({ length: 8 }, (_, i) => `Item ${i}`);
    for (const title of written) createItem(replica, alice, { title, start: null, duration: 1 });
    // Written as the room writes them: checked against the layout (updateGuard.ts).
    await s.store.appendUpdates([{ boardId: board.id, updates: log, checked: true }]);
    expect((await s.store.loadUpdates(board.id)).updates).toHaveLength(1 + written.length);
    return { s, board, written };
  }

  it("sends the stored log as one update, then step 2 with the first stored state: no encoding of the board", async () => {
    const { s, board } = await storedBoard();
    const frames = await syncFramesForEmptyClient(s, board);
    // The stored log as one update (2), then the first stored state as step 2 (1).
    expect(frames.map((f) => f.syncKind)).toEqual([2, 1]);
  });

  it("a stock client is complete when it reports synced, and edits flow as before", async () => {
    const { s, board, written } = await storedBoard();
    const fresh = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(fresh);
    await fresh.synced;
    expect(titles(fresh.doc)).toEqual(written);
    createItem(fresh.doc, alice, { title: "After load", start: null, duration: 1 });
    const other = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(other);
    await eventually(() => expect(titles(fresh.doc)).toEqual([...written, "After load"].sort()));
    await eventually(() => expect(titles(other.doc)).toEqual([...written, "After load"].sort()));
  });

  it("after the first change, clients with nothing get an encoded answer holding it", async () => {
    const { s, board, written } = await storedBoard();
    const editor = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(editor);
    await editor.synced;
    createItem(editor.doc, alice, { title: "Changed", start: null, duration: 1 });
    // Committed (and so relayed) before the next client comes: the first state, the 8 items, the change.
    await eventually(async () => expect((await s.store.loadUpdates(board.id)).updates).toHaveLength(1 + written.length + 1));
    const frames = await syncFramesForEmptyClient(s, board);
    expect(frames.map((f) => f.syncKind)).toEqual([1]);
    const fresh = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(fresh);
    await fresh.synced;
    expect(titles(fresh.doc)).toEqual([...written, "Changed"].sort());
  });

  it("readers who only open the board never make the server build its document; the first edit does, and is stored and relayed", async () => {
    const { s, board, written } = await storedBoard();
    const readers = [0, 1, 2].map(() => connectClient(s.wsUrl, board.id, { token: board.token }));
    clients.push(...readers);
    await Promise.all(readers.map((r) => r.synced));
    for (const r of readers) expect(titles(r.doc)).toEqual(written);
    const room = s.sync.registry.loaded(board.id)!;
    // Their empty answers to the server's step 1 were skipped, not applied.
    await new Promise((r) => setTimeout(r, 100));
    expect(room.materialized).toBe(false);
    createItem(readers[0]!.doc, alice, { title: "First edit", start: null, duration: 1 });
    await eventually(() => expect(titles(readers[2]!.doc)).toEqual([...written, "First edit"].sort()));
    expect(room.materialized).toBe(true);
    await eventually(async () => expect((await s.store.loadUpdates(board.id)).updates).toHaveLength(1 + written.length + 1));
  });

  it("the server's step 1 carries the stored state vector, so a client with offline edits sends exactly what the server lacks", async () => {
    const { s, board, written } = await storedBoard();
    // A replica that has the stored board and an edit made offline.
    const offline = new Y.Doc();
    for (const update of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(offline, update);
    createItem(offline, alice, { title: "Made offline", start: null, duration: 1 });
    const first = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(first);
    await first.synced;
    const room = s.sync.registry.loaded(board.id)!;
    expect(room.materialized).toBe(false);
    const stateVector = room.stateVector();
    // Exactly the document's state vector, read off storage.
    const stored = new Y.Doc();
    for (const update of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(stored, update);
    expect([...Y.decodeStateVector(stateVector)].sort()).toEqual([...Y.decodeStateVector(Y.encodeStateVector(stored))].sort());
    // Against it, the offline replica's answer holds its one edit, not the whole board.
    const answer = Y.decodeUpdate(Y.encodeStateAsUpdate(offline, stateVector)).structs;
    expect(answer.length).toBeLessThan(Y.decodeUpdate(Y.encodeStateAsUpdate(offline)).structs.length);
    expect(answer.every((struct) => struct.id.client === offline.clientID)).toBe(true);
    const fresh = connectClient(s.wsUrl, board.id, { token: board.token, doc: offline });
    clients.push(fresh);
    await fresh.synced;
    const reader = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(reader);
    await eventually(() => expect(titles(reader.doc)).toEqual([...written, "Made offline"].sort()));
    await eventually(async () => expect((await s.store.loadUpdates(board.id)).updates.length).toBeGreaterThan(1 + written.length));
  });
});

/** `vector` with one more client in it, to tell a vector storage handed over from one read off the updates. */
function marked(vector: Uint8Array): Uint8Array {
  const clocks = Y.decodeStateVector(vector);
  clocks.set(0xbeef, 1);
  return Y.encodeStateVector(clocks);
}

describeEachStorage("a snapshot's state vector is stored with it", (storage) => {
  it("compaction stores the snapshot's exact vector, and a later load takes it instead of decoding the snapshot", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "waymark-snapshot-vector-"));
    const inner = await storage.open(dataDir);
    // Hands the room a marked copy of the stored vector, to see which one the room uses.
    const store: Storage = {
      ...inner,
      async loadUpdates(id) {
        const stored = await inner.loadUpdates(id);
        return stored.snapshotStateVector ? { ...stored, snapshotStateVector: marked(stored.snapshotStateVector) } : stored;
      },
    };
    const s = await startTestServer({ dataDir, ...storage.serverConfig(), unloadDelayMs: 30 }, store);
    servers.push(s);
    const board = await s.boards.createBoard({ title: "Folded" });
    const editor = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(editor);
    await editor.synced;
    for (const title of ["One", "Two", "Three"]) createItem(editor.doc, alice, { title, start: null, duration: 1 });
    await eventually(async () => expect((await inner.loadUpdates(board.id)).logLength).toBeGreaterThan(1));
    editor.destroy();
    // Unloading folds the log into a snapshot (committed a moment after the room leaves the registry).
    await eventually(() => expect(s.sync.registry.loaded(board.id)).toBeUndefined());
    await eventually(async () => expect((await inner.loadUpdates(board.id)).updates).toHaveLength(1));

    const stored = await inner.loadUpdates(board.id);
    expect(stored.snapshotStateVector).toEqual(Y.encodeStateVectorFromUpdate(stored.updates[0]!));

    const room = await s.sync.registry.open(board.id);
    expect(room.materialized).toBe(false);
    expect(Y.decodeStateVector(room.stateVector()).get(0xbeef)).toBe(1);
  });
});

describeEachStorage("clients that have nothing, on a large board that has changed since it loaded", (storage) => {
  it("get what changed since the stored snapshot, then the snapshot as stored, and are complete when synced", async () => {
    const s = await startTestServer({ ...storage.serverConfig(), unloadDelayMs: 30 });
    servers.push(s);
    const board = await s.boards.createBoard({ title: "Large" });
    // A snapshot over SNAPSHOT_BASE_MIN_BYTES, as compaction leaves a long-edited board.
    const replica = new Y.Doc();
    for (const update of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(replica, update);
    const written = Array.from({ length: 1500 }, (_, i) => `Item ${i} `.padEnd(190, "·"));
    for (const title of written) createItem(replica, alice, { title, start: null, duration: 1 });
    const snapshot = Y.encodeStateAsUpdate(replica);
    expect(snapshot.byteLength).toBeGreaterThan(SNAPSHOT_BASE_MIN_BYTES);
    await s.store.compact(board.id, snapshot, Number.MAX_SAFE_INTEGER, Y.encodeStateVector(replica));

    const editor = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(editor);
    await editor.synced;
    createItem(editor.doc, alice, { title: "Changed", start: null, duration: 1 });
    await eventually(async () => expect((await s.store.loadUpdates(board.id)).logLength).toBe(1));

    const frames = await syncFramesForEmptyClient(s, board);
    expect(frames.map((f) => f.syncKind)).toEqual([2, 1]);
    const fresh = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(fresh);
    await fresh.synced;
    expect(titles(fresh.doc)).toEqual([...written, "Changed"].sort());
  });
});
