import { afterEach, expect, it } from "vitest";
import type { WebSocket } from "ws";
import * as encoding from "lib0/encoding";
import { connect } from "node:net";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { CloseCode } from "../../lib/protocol/sync";
import { describeFrame } from "../helpers/frames";
import { openRecordingSocket, type RecordingSocket } from "../helpers/authSockets";
import { describeEachStorage, type StorageBackend } from "../helpers/storageBackends";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";
import type { ServerConfig } from "../../server/config";

/**
 * Issue 14, point 2: a connection that asks for the board again and again and never reads made
 * the server queue gigabytes; a thousand on one board took the heap down. A viewer is enough.
 */
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

async function start(storage: StorageBackend, overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const s = await startTestServer({ ...storage.serverConfig(), ...overrides });
  servers.push(s);
  return s;
}

/** A board of about `kb` kilobytes, written by its owner through a real client. */
async function boardOf(s: TestServer, kb: number): Promise<TestBoard> {
  const board = await s.boards.createBoard({ title: "Big" });
  const owner = connectClient(s.wsUrl, board.id, { token: board.token });
  clients.push(owner);
  await owner.synced;
  const origin = createOrigin("local", "owner");
  owner.doc.transact(() => {
    for (let i = 0; i < kb * 2; i++) createItem(owner.doc, origin, { title: `${i} ${"x".repeat(480)}` });
  });
  await eventually(async () => expect((await s.store.loadUpdates(board.id)).updates.length).toBeGreaterThan(1));
  return board;
}

/** Sync step 1 claiming a made-up client the server never saw: its answer is the whole board. */
function madeUpStep1(): Uint8Array {
  const vector = encoding.createEncoder();
  encoding.writeVarUint(vector, 1);
  encoding.writeVarUint(vector, 123456789);
  encoding.writeVarUint(vector, 5);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(vector));
  return encoding.toUint8Array(e);
}

async function viewerSocket(s: TestServer, board: TestBoard): Promise<RecordingSocket> {
  const viewer = await s.createUser("Viewer");
  await s.store.setRole(board.id, viewer, "viewer");
  const socket = await openRecordingSocket(`${s.wsUrl}/${board.id}?token=${s.tokenFor(viewer, board.id)}`);
  sockets.push(socket);
  return socket;
}

const step2Count = (socket: RecordingSocket) => socket.frames.map(describeFrame).filter((f) => f.type === 0 && f.syncKind === 1).length;

describeEachStorage("slow and greedy readers", (storage) => {
  it("answers a connection's repeated sync step 1 at a bounded rate, coalescing to the latest", async () => {
    const s = await start(storage);
    const board = await boardOf(s, 50);
    const socket = await viewerSocket(s, board);
    for (let i = 0; i < 100; i++) socket.ws.send(madeUpStep1());
    await new Promise((r) => setTimeout(r, 1_500));
    // Four at once, then about one a second: never a hundred.
    expect(step2Count(socket)).toBeGreaterThanOrEqual(4);
    expect(step2Count(socket)).toBeLessThanOrEqual(7);
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
  });

  it("answers a connection's repeated awareness queries at the same bounded rate", async () => {
    const s = await start(storage);
    const board = await boardOf(s, 5);
    const socket = await viewerSocket(s, board);
    const before = socket.frames.length;
    for (let i = 0; i < 100; i++) socket.ws.send(new Uint8Array([3]));
    await new Promise((r) => setTimeout(r, 1_500));
    const answers = socket.frames.slice(before).map(describeFrame).filter((f) => f.type === 1).length;
    expect(answers).toBeGreaterThanOrEqual(4);
    expect(answers).toBeLessThanOrEqual(7);
  });

  it("closes a connection that does not read with 4508, freeing what waited for it; the board carries on", async () => {
    const s = await start(storage, { maxBufferedBytes: 256 * 1024, maxMessageBytes: 8 * 1024 * 1024 });
    // The 2 MB board of the report; the kernel's socket buffers take some megabytes first.
    const board = await boardOf(s, 2_000);
    const socket = await viewerSocket(s, board);
    const raw = (socket.ws as WebSocket & { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    for (let i = 0; i < 400; i++) socket.ws.send(madeUpStep1());
    const room = s.sync.registry.loaded(board.id)!;
    await eventually(() => expect(room.peerCount).toBe(1), 20_000);
    raw.resume();
    const closed = await socket.closed;
    expect([CloseCode.NotReading, 1006]).toContain(closed.code);
    if (closed.code === CloseCode.NotReading) expect(closed.reason).toMatch(/not reading/);
    // The board and its other reader carry on.
    const other = connectClient(s.wsUrl, board.id, { token: board.token });
    clients.push(other);
    await other.synced;
  });

  it("refuses connections beyond the per-board and per-process caps with 503 and a sentence", async () => {
    const s = await start(storage, { maxConnectionsPerBoard: 2, maxConnections: 3 });
    const one = await s.boards.createBoard({ title: "One" });
    const two = await s.boards.createBoard({ title: "Two" });
    const url = (b: TestBoard) => `${s.wsUrl}/${b.id}?token=${b.token}`;
    sockets.push(await openRecordingSocket(url(one)), await openRecordingSocket(url(one)));
    await expect(openRecordingSocket(url(one))).rejects.toThrow(/HTTP 503/);
    sockets.push(await openRecordingSocket(url(two)));
    await expect(openRecordingSocket(url(two))).rejects.toThrow(/HTTP 503/);
    // A place frees when a connection closes.
    sockets.shift()!.ws.close();
    await eventually(async () => {
      const again = await openRecordingSocket(url(one));
      sockets.push(again);
    });
  });
});

it("the refusal says why, in the HTTP answer to the upgrade", async () => {
  const s = await startTestServer({ maxConnectionsPerBoard: 1 });
  servers.push(s);
  const board = await s.boards.createBoard({ title: "Full" });
  sockets.push(await openRecordingSocket(`${s.wsUrl}/${board.id}?token=${board.token}`));
  const { host, port, pathname } = new URL(`${s.wsUrl}/${board.id}`);
  const answer = await new Promise<string>((resolve, reject) => {
    const raw = connect(Number(port), host.split(":")[0]!, () => {
      raw.write(
        `GET ${pathname}?token=${board.token} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
      );
    });
    let text = "";
    raw.on("data", (chunk) => (text += chunk.toString()));
    raw.on("close", () => resolve(text));
    raw.on("error", reject);
  });
  expect(answer).toMatch(/^HTTP\/1.1 503/);
  expect(answer).toMatch(/this board is at its limit of 1 connections; retry later/);
});
