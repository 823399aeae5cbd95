import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { collection } from "../../lib/model/docLayout";
import { openRecordingSocket } from "../helpers/authSockets";
import { addItemUpdate, syncStep2Frame, updateFrame } from "../helpers/frames";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

// docs/roles.md: a read-only client's step 2 that brings nothing new is not a refused write.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let s: TestServer;
let board: TestBoard;
let owner: TestClient;
let viewerToken: string;

const room = () => s.sync.registry.loaded(board.id)!;
const url = (token: string) => `${s.wsUrl}/${board.id}?token=${encodeURIComponent(token)}`;
/** Read-only notices after the one every read-only connection gets when it joins. */
const refusalNotices = (socket: Awaited<ReturnType<typeof openRecordingSocket>>) =>
  socket.kinds().filter((k) => k.type === 2 && /read-only/.test(k.reason ?? "")).slice(1);

beforeAll(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Reconnecting readers" });
  const viewer = await s.createUser("Vera Viewer");
  await s.store.setRole(board.id, viewer, "viewer");
  viewerToken = s.tokenFor(viewer, board.id);
  owner = connectClient(s.wsUrl, board.id, { token: board.token });
  await owner.synced;
  // Edit history with deletions: two items added, one deleted, one renamed.
  Y.applyUpdate(owner.doc, addItemUpdate("iKeptItem00001", "Kept"));
  Y.applyUpdate(owner.doc, addItemUpdate("iGoneItem00001", "Gone"));
  owner.doc.transact(() => collection(owner.doc, "items").delete("iGoneItem00001"));
  owner.doc.transact(() => (collection(owner.doc, "items").get("iKeptItem00001") as Y.Map<unknown>).set("title", "Kept, renamed"));
  await eventually(() => expect(room().doc.getMap("items").size).toBe(1));
});

afterAll(async () => {
  owner.destroy();
  await s.close();
  removeDataDir(s.dataDir);
});

describe("a read-only client that reconnects", () => {
  it("a stock client's reconnection (step 2 with known deletions) is neither refused nor counted", async () => {
    const viewer = connectClient(s.wsUrl, board.id, { token: viewerToken });
    await viewer.synced;
    const before = room().refusedWrites;
    viewer.provider.disconnect();
    viewer.provider.connect();
    await eventually(() => expect(viewer.provider.wsconnected).toBe(true));
    await eventually(() => expect(viewer.provider.synced).toBe(true));
    await sleep(300);
    expect(room().refusedWrites).toBe(before);
    viewer.destroy();
  });

  it("its whole replica sent back as its step 2 is dropped quietly", async () => {
    const replica = Y.encodeStateAsUpdate(owner.doc);
    expect(Y.decodeUpdate(replica).ds.clients.size).toBeGreaterThan(0);
    const before = room().refusedWrites;
    const socket = await openRecordingSocket(url(viewerToken));
    socket.ws.send(syncStep2Frame(replica));
    await sleep(300);
    expect(refusalNotices(socket)).toEqual([]);
    expect(room().refusedWrites).toBe(before);
    socket.ws.close();
  });

  it("only one step 2 per connection is looked at: the same replica again, or as an update, is refused", async () => {
    // Looking costs up to a pass over the document; a viewer cannot make the server repeat it.
    const replica = Y.encodeStateAsUpdate(owner.doc);
    const before = room().refusedWrites;
    const socket = await openRecordingSocket(url(viewerToken));
    socket.ws.send(updateFrame(replica));
    await eventually(() => expect(room().refusedWrites).toBe(before + 1));
    socket.ws.send(syncStep2Frame(replica));
    await sleep(100);
    socket.ws.send(syncStep2Frame(replica));
    await eventually(() => expect(room().refusedWrites).toBe(before + 2));
    await sleep(200);
    expect(room().refusedWrites).toBe(before + 2);
    socket.ws.close();
  });

  it("a step 2 that also carries one new struct is still refused and not applied", async () => {
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(owner.doc));
    Y.applyUpdate(theirs, addItemUpdate("iSneakyItem001", "Sneaky"));
    const before = room().refusedWrites;
    const socket = await openRecordingSocket(url(viewerToken));
    socket.ws.send(syncStep2Frame(Y.encodeStateAsUpdate(theirs)));
    await eventually(() => expect(refusalNotices(socket).length).toBe(1));
    await eventually(() => expect(room().refusedWrites).toBe(before + 1));
    expect(room().doc.getMap("items").has("iSneakyItem001")).toBe(false);
    socket.ws.close();
  });

  it("a step 2 that only deletes something the board still has is refused and not applied", async () => {
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(owner.doc));
    const vector = Y.encodeStateVector(theirs);
    theirs.transact(() => collection(theirs, "items").delete("iKeptItem00001"));
    const deletionOnly = Y.encodeStateAsUpdate(theirs, vector);
    expect(Y.decodeUpdate(deletionOnly).structs).toEqual([]);
    const before = room().refusedWrites;
    const socket = await openRecordingSocket(url(viewerToken));
    socket.ws.send(syncStep2Frame(deletionOnly));
    await eventually(() => expect(refusalNotices(socket).length).toBe(1));
    await eventually(() => expect(room().refusedWrites).toBe(before + 1));
    expect(room().doc.getMap("items").has("iKeptItem00001")).toBe(true);
    socket.ws.close();
  });
});
