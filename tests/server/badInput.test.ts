import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { date } from "../../lib/model/dates";
import type { BoardId } from "../../lib/model/ids";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { CloseCode } from "../../lib/protocol/sync";
import { closed, openRawSocket } from "../helpers/rawSocket";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestServer } from "../helpers/testServer";

const me = createOrigin("local", "me");
let s: TestServer;
let clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await s.close();
  removeDataDir(s.dataDir);
});

function frame(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const part of parts) part(e);
  return encoding.toUint8Array(e);
}

/** Frames that break the protocol in different ways, each with the code it must earn. */
const MALFORMED: [string, Uint8Array, number][] = [
  ["unknown message type", frame((e) => encoding.writeVarUint(e, 99)), CloseCode.BadMessage],
  ["empty frame", new Uint8Array(0), CloseCode.BadMessage],
  ["truncated varint", new Uint8Array([0x80]), CloseCode.BadMessage],
  ["sync frame without payload", frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2)), CloseCode.BadMessage],
  ["unknown sync message", frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 7), (e) => encoding.writeVarUint8Array(e, new Uint8Array([0]))), CloseCode.BadMessage],
  ["garbage update", frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 7, 7, 7]))), CloseCode.BadMessage],
  ["update length beyond frame", frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint(e, 5000), (e) => encoding.writeUint8(e, 1)), CloseCode.BadMessage],
  ["garbage state vector", frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint8Array(e, new Uint8Array([9, 1]))), CloseCode.BadMessage],
  ["awareness with invalid JSON", frame((e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint8Array(e, frame((a) => encoding.writeVarUint(a, 1), (a) => encoding.writeVarUint(a, 42), (a) => encoding.writeVarUint(a, 1), (a) => encoding.writeVarString(a, "{not json")))), CloseCode.BadMessage],
];

describe("bad frames close only the connection that sent them", () => {
  it.each(MALFORMED)("%s → close %i, other clients keep syncing, nothing stored", async (_name, bad, code) => {
    s = await startTestServer();
    const board = await s.boards.createBoard({ title: "Bad input" });
    const good = connectClient(s.wsUrl, board.id, { token: board.token });
    const watcher = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(good, watcher);
    await Promise.all([good.synced, watcher.synced]);
    const before = await s.store.loadUpdates(board.id);

    const raw = await openRawSocket(`${s.wsUrl}/${board.id}?token=${board.token}`);
    const result = closed(raw);
    raw.send(bad);
    expect((await result).code).toBe(code);

    const stored = await s.store.loadUpdates(board.id);
    expect(stored.updates.length).toBe(before.updates.length);
    createItem(good.doc, me, { title: "Still syncing", start: date("2027-01-04"), duration: 1 });
    await eventually(() => expect(readSnapshot(watcher.doc).items.map((i) => i.title)).toEqual(["Still syncing"]));
  });

  it("a text frame closes with 4400", async () => {
    s = await startTestServer();
    const board = await s.boards.createBoard({ title: "Text" });
    const raw = await openRawSocket(`${s.wsUrl}/${board.id}?token=${board.token}`);
    const result = closed(raw);
    raw.send("hello");
    expect((await result).code).toBe(CloseCode.BadMessage);
  });

  it.each([
    ["over the limit", 6_000, CloseCode.TooLarge],
    // Beyond twice the limit the websocket layer stops reading at the frame header (1009).
    ["far over the limit", 50_000, 1009],
  ])("an oversized frame (%s) closes with %i and is not applied", async (_name, size, code) => {
    s = await startTestServer({ maxMessageBytes: 4096 });
    const board = await s.boards.createBoard({ title: "Big" });
    const doc = new Y.Doc();
    doc.getMap("items").set("iBig", new Y.Map([["title", "x".repeat(size)]]));
    const update = Y.encodeStateAsUpdate(doc);
    const raw = await openRawSocket(`${s.wsUrl}/${board.id}?token=${board.token}`);
    const result = closed(raw);
    raw.send(frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint8Array(e, update)));
    expect((await result).code).toBe(code);
    const reader = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(reader);
    await reader.synced;
    expect(readSnapshot(reader.doc).items).toEqual([]);
  });

  it.each([
    ["an unknown board", "/bNoSuchBoard123"],
    ["a malformed board id", "/..%2F..%2Fetc"],
    ["no board id", ""],
  ])("refuses the upgrade for %s with HTTP 404, even with valid credentials", async (_name, path) => {
    s = await startTestServer();
    const user = await s.createUser("Someone");
    const token = s.tokenFor(user, "bNoSuchBoard123" as BoardId);
    await expect(openRawSocket(`${s.wsUrl}${path}?token=${token}`)).rejects.toThrow(/HTTP 404/);
  });
});
