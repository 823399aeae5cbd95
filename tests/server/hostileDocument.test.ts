import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import { createItem, updateItem } from "../../lib/model/itemCommands";
import { newItemId, type ItemId } from "../../lib/model/ids";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { CloseCode } from "../../lib/protocol/sync";
import { syncStep1Frame, updateFrame } from "../helpers/frames";
import { openRecordingSocket, type RecordingSocket } from "../helpers/authSockets";
import { describeEachStorage, type StorageBackend } from "../helpers/storageBackends";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Issue 14, points 1 and 3: what an editor can send through the document itself. Each attack
 * here broke a board for everyone before the server checked updates against the board's layout
 * (docs/document-rules.md).
 */
const origin = createOrigin("local", "ben");
let servers: TestServer[] = [];
let clients: TestClient[] = [];
let sockets: RecordingSocket[] = [];

afterEach(async () => {
  for (const c of clients) c.destroy();
  for (const s of sockets) s.ws.terminate();
  clients = [];
  sockets = [];
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
  servers = [];
});

const titles = (doc: Y.Doc) => readSnapshot(doc).items.map((i) => i.title).sort();

async function start(storage: StorageBackend, dataDir?: string): Promise<TestServer> {
  const s = await startTestServer({ ...storage.serverConfig(), ...(dataDir ? { dataDir } : {}), unloadDelayMs: 50 });
  servers.push(s);
  return s;
}

function client(s: TestServer, board: TestBoard, doc?: Y.Doc): TestClient {
  const c = connectClient(s.wsUrl, board.id, { token: board.token, doc });
  clients.push(c);
  return c;
}

/** A raw editor socket that has received the board (its doc mirrors the server's). */
async function attacker(s: TestServer, board: TestBoard): Promise<{ socket: RecordingSocket; doc: Y.Doc }> {
  const socket = await openRecordingSocket(`${s.wsUrl}/${board.id}?token=${board.token}`);
  sockets.push(socket);
  // No garbage collection: deleting 3,000 nested maps would overflow this test's own stack.
  const doc = new Y.Doc({ gc: false });
  const replica = client(s, board, doc);
  await replica.synced;
  replica.destroy();
  return { socket, doc };
}

/** The update `change` makes to `doc`. */
function changeOf(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change();
  return Y.encodeStateAsUpdate(doc, before);
}

/** Every item title as stored: what a restarted server would load. */
async function storedTitles(s: TestServer, board: TestBoard): Promise<string[]> {
  const doc = new Y.Doc();
  for (const u of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(doc, u);
  return titles(doc);
}

function addItem(doc: Y.Doc, title: string): ItemId {
  const made = createItem(doc, origin, { title });
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

describeEachStorage("hostile updates through the document", (storage) => {
  it("a map nested 3,000 deep is refused with 4400; the board goes on storing and relaying everyone's edits", async () => {
    const s = await start(storage);
    const board = await s.boards.createBoard({ title: "Deep" });
    const ana = client(s, board);
    await ana.synced;
    const target = addItem(ana.doc, "Target");
    const { socket, doc } = await attacker(s, board);
    await eventually(() => expect(titles(doc)).toContain("Target"));

    let innermost = new Y.Map<unknown>();
    const deep = changeOf(doc, () => {
      let map = new Y.Map<unknown>();
      (doc.getMap("items").get(target) as Y.Map<unknown>).set("title", map);
      for (let i = 0; i < 3000; i++) {
        const next = new Y.Map<unknown>();
        map.set("x", next);
        innermost = map;
        map = next;
      }
    });
    socket.ws.send(updateFrame(deep));
    const closed = await socket.closed;
    expect(closed.code).toBe(CloseCode.BadMessage);
    expect(closed.reason).toMatch(/update refused: items field title must hold a plain value/);

    // The follow-up that overflowed Yjs's stack: a small delete of one of the attacker's own
    // structs, from a new connection. The server never had them: it is held, then dropped.
    const second = await attacker(s, board);
    const deleteOwn = changeOf(doc, () => innermost.delete("x"));
    expect(deleteOwn.byteLength).toBeLessThan(20);
    second.socket.ws.send(updateFrame(deleteOwn));

    // Nothing of the attack reached anyone or storage, and the board still stores and relays.
    addItem(ana.doc, "After the attack");
    const ben = client(s, board);
    await eventually(() => expect(titles(ben.doc)).toEqual(["After the attack", "Target"].sort()));
    await eventually(async () => expect(await storedTitles(s, board)).toEqual(["After the attack", "Target"].sort()));
    expect(s.sync.registry.loaded(board.id)?.isFailed).toBe(false);
  });

  it("a shared type, a number or 900 KB where a string belongs, or a root the layout lacks, is never applied, stored or relayed", async () => {
    const s = await start(storage);
    const board = await s.boards.createBoard({ title: "Kinds" });
    const ana = client(s, board);
    await ana.synced;
    const target = addItem(ana.doc, "Target");
    const attacks: ((doc: Y.Doc) => void)[] = [
      (doc) => (doc.getMap("items").get(target) as Y.Map<unknown>).set("title", new Y.Text("typed")),
      (doc) => (doc.getMap("items").get(target) as Y.Map<unknown>).set("duration", "ten"),
      (doc) => doc.getMap("board").set("title", "x".repeat(900_000)),
      (doc) => doc.getMap("evil").set("k", 1),
      (doc) => doc.getMap("items").set(newItemId(), "not a record"),
    ];
    for (const attack of attacks) {
      const { socket, doc } = await attacker(s, board);
      socket.ws.send(updateFrame(changeOf(doc, () => attack(doc))));
      expect((await socket.closed).code).toBe(CloseCode.BadMessage);
    }
    const fresh = client(s, board);
    await fresh.synced;
    expect(titles(fresh.doc)).toEqual(["Target"]);
    expect(fresh.doc.getMap("board").get("title")).not.toMatch(/^x{100}/);
    expect(fresh.doc.share.has("evil")).toBe(false);
    expect((await s.store.getBoard(board.id))!.title).toBe("Kinds");
    const stored = new Y.Doc();
    for (const u of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(stored, u);
    expect(readSnapshot(stored).problems).toEqual([]);
  });

  it("an exception while applying fails the room closed: everyone gets 1011, reconnects to a reloaded board, and edits are stored again", async () => {
    const s = await start(storage);
    const board = await s.boards.createBoard({ title: "Fail closed" });
    const ana = client(s, board);
    const ben = client(s, board);
    await Promise.all([ana.synced, ben.synced]);
    addItem(ana.doc, "Before");
    await eventually(() => expect(titles(ben.doc)).toEqual(["Before"]));
    const room = s.sync.registry.loaded(board.id)!;
    const codes: number[] = [];
    ben.provider.ws?.addEventListener("close", (e) => codes.push(e.code));
    // Stands in for any Yjs failure mid-transaction (the stack overflow this replaced).
    room.doc.on("afterTransaction", () => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    addItem(ana.doc, "Breaks it");
    await eventually(() => expect(codes).toContain(CloseCode.ServerError));
    expect(room.isFailed).toBe(true);
    // Both reconnect to a freshly loaded room; what they send is stored and relayed again.
    await eventually(() => expect(s.sync.registry.loaded(board.id)).not.toBe(room), 5_000);
    addItem(ben.doc, "After reload");
    await eventually(() => expect(titles(ana.doc)).toEqual(["After reload", "Before", "Breaks it"]), 8_000);
    await eventually(async () => expect(await storedTitles(s, board)).toEqual(["After reload", "Before", "Breaks it"]), 5_000);
  });

  it("a board whose stored history holds a refused update loads, quarantines a copy with a log line, removes the misplaced content, and saves", async () => {
    const s = await start(storage);
    const board = await s.boards.createBoard({ title: "Old history" });
    const writer = new Y.Doc({ gc: false });
    for (const u of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(writer, u);
    const good = changeOf(writer, () => addItem(writer, "Good"));
    const bad = changeOf(writer, () => {
      let map = new Y.Map<unknown>();
      writer.getMap("board").set("goal", map);
      for (let i = 0; i < 3000; i++) {
        const next = new Y.Map<unknown>();
        map.set("x", next);
        map = next;
      }
    });
    const later = changeOf(writer, () => addItem(writer, "Later"));
    // Written around the sync server, as a server before these checks would have stored it.
    await s.store.appendUpdates([{ boardId: board.id, updates: [good, bad, later] }]);

    const ana = client(s, board);
    await ana.synced;
    expect(titles(ana.doc)).toEqual(["Good", "Later"]);
    expect(ana.doc.getMap("board").get("goal")).not.toBeInstanceOf(Y.Map);
    const kept = await s.store.listQuarantined(board.id);
    expect(kept.map((k) => k.data)).toEqual([bad]);
    expect(kept[0]!.reason).toMatch(/board.goal must hold a plain value/);
    // The misplaced structure was removed by the server, as a stored edit.
    await eventually(async () => {
      const stored = new Y.Doc();
      for (const u of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(stored, u);
      expect(stored.getMap("board").has("goal")).toBe(false);
    });

    addItem(ana.doc, "Saved");
    await eventually(async () => expect(await storedTitles(s, board)).toContain("Saved"));
    // Unloaded (compacted) and loaded again: the bad update is gone from the board for good.
    ana.destroy();
    await eventually(() => expect(s.sync.registry.loaded(board.id)).toBeUndefined(), 5_000);
    const again = client(s, board);
    await again.synced;
    expect(titles(again.doc)).toEqual(["Good", "Later", "Saved"]);
    expect((await s.store.loadUpdates(board.id)).checked.every(Boolean)).toBe(true);
  });

  it("updates that build on content the server never had are neither relayed, served to fresh clients, nor stored", async () => {
    const s = await start(storage);
    const board = await s.boards.createBoard({ title: "Pending" });
    const ana = client(s, board);
    await ana.synced;
    const { socket, doc } = await attacker(s, board);
    // Structs that sit after a gap: the first update is never sent.
    changeOf(doc, () => addItem(doc, "Never sent"));
    const dangling = changeOf(doc, () => {
      for (let i = 0; i < 50; i++) addItem(doc, `Dangling ${i} ${"x".repeat(400)}`);
    });
    socket.ws.send(updateFrame(dangling));
    socket.ws.send(syncStep1Frame(new Y.Doc()));
    addItem(ana.doc, "Real");
    const fresh = client(s, board);
    await fresh.synced;
    await eventually(() => expect(titles(fresh.doc)).toEqual(["Real"]));
    const room = s.sync.registry.loaded(board.id)!;
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(Y.encodeStateAsUpdate(room.doc).byteLength).toBeLessThan(dangling.byteLength);
    // Unloaded: the snapshot holds nothing of it either.
    socket.ws.terminate();
    ana.destroy();
    fresh.destroy();
    await eventually(() => expect(s.sync.registry.loaded(board.id)).toBeUndefined(), 5_000);
    expect(await storedTitles(s, board)).toEqual(["Real"]);
  });

  it("an update held for missing content goes in once that content arrives (a client editing while its offline edits are still on the way)", async () => {
    const s = await start(storage);
    const board = await s.boards.createBoard({ title: "Catch up" });
    const { socket, doc } = await attacker(s, board);
    const offline = changeOf(doc, () => addItem(doc, "Offline"));
    const item = readSnapshot(doc).items[0]!.id as ItemId;
    const early = changeOf(doc, () => updateItem(doc, origin, item, { title: "Edited right after reconnecting" }));
    socket.ws.send(updateFrame(early));
    socket.ws.send(updateFrame(offline));
    const fresh = client(s, board);
    await eventually(() => expect(titles(fresh.doc)).toEqual(["Edited right after reconnecting"]));
  });

  it("refuses a connection beyond the bound of what may wait for missing content (4513, reconnect)", async () => {
    const s = await start(storage);
    const board = await s.boards.createBoard({ title: "Flood" });
    const { socket, doc } = await attacker(s, board);
    changeOf(doc, () => addItem(doc, "Never sent"));
    for (let i = 0; i < 30; i++) {
      const chunk = changeOf(doc, () => addItem(doc, `${i} ${"y".repeat(60_000)}`.slice(0, 500)));
      const big = changeOf(doc, () => doc.getMap("board").set("goal", "z".repeat(19_000)));
      for (const u of [chunk, big, big, big, big, big]) if (socket.ws.readyState === socket.ws.OPEN) socket.ws.send(updateFrame(u));
    }
    for (let i = 0; i < 2000 && socket.ws.readyState === socket.ws.OPEN; i++) {
      socket.ws.send(updateFrame(changeOf(doc, () => doc.getMap("board").set("goal", `${i}`.repeat(500)))));
    }
    const closed = await socket.closed;
    expect(closed.code).toBe(CloseCode.TooMuchPending);
    expect(closed.reason).toMatch(/content the server does not have/);
  });

  it("the board list's copy of the title is cleaned and bounded like the field (bidi overrides, NUL)", async () => {
    const s = await start(storage);
    const board = await s.boards.createBoard({ title: "Plain" });
    const ana = client(s, board);
    await ana.synced;
    ana.doc.getMap("board").set("title", "Road\u202Emap\u0000 \u2066Q3\u2069");
    await eventually(async () => expect((await s.store.getBoard(board.id))!.title).toBe("Roadmap Q3"));
  });
});
