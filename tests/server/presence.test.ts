import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_PRESENCE_STATE_CHARS } from "../../lib/protocol/presence";
import { sanitizeAwarenessUpdate, type ClientIdInfo, type ServerIdentity } from "../../server/sync/presence";
import { openRecordingSocket } from "../helpers/authSockets";
import { awarenessFrame } from "../helpers/frames";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

const editor: ServerIdentity = { id: "uEditor", name: "Ana", color: "#123456", readOnly: false, canComment: true };
const viewer: ServerIdentity = { id: "uViewer", name: "Dev", color: "#654321", readOnly: true, canComment: false };

function update(state: unknown, raw?: string, clientId = 7, clock = 1): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, raw ?? JSON.stringify(state));
  return encoding.toUint8Array(e);
}

const mine = (): ClientIdInfo => ({ owner: "self", clock: undefined });

/** The one state the server would relay for `state`, parsed back. */
function relayed(state: unknown, identity = editor, raw?: string): Record<string, unknown> | null {
  const result = sanitizeAwarenessUpdate(update(state, raw), identity, mine, 1);
  const d = decoding.createDecoder(result.update!);
  expect(decoding.readVarUint(d)).toBe(1);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return JSON.parse(decoding.readVarString(d)) as Record<string, unknown> | null;
}

const pointer = { day: 20_500.25, lane: "lDesign", y: 0.5 };
const viewport = { scale: "months", day: 20_480, lane: "lDesign", y: 0.25 };
const dragging = { item: "iBooking", mode: "move", days: 3, lane: "lDev" };
/** What @tiptap/y-tiptap puts in awareness: RelativePosition objects, as JSON.stringify writes them. */
function tiptapCaret(): unknown {
  const doc = new Y.Doc();
  const text = new Y.XmlText();
  doc.getXmlFragment("description").insert(0, [text]);
  text.insert(0, "Pilot signage");
  const at = (i: number) => Y.createRelativePositionFromTypeIndex(text, i);
  return JSON.parse(JSON.stringify({ anchor: at(2), head: at(5) })) as unknown;
}
const caret = { anchor: { type: { client: 12, clock: 3 }, assoc: 0 }, head: { item: { client: 12, clock: 5 }, assoc: -1 } };

describe("presence fields the server relays", () => {
  it.each([
    ["a pointer", { pointer }],
    ["a pointer in the pseudo-lane of orphaned items", { pointer: { ...pointer, lane: "" } }],
    ["a viewport", { viewport }],
    ["a drag in progress", { dragging }],
    ["a follow-me request", { followMe: { id: "f1a2b3" } }],
    ["a selection", { selection: "iBooking" }],
    ["a text caret in Y.relativePositionToJSON form", { cursor: caret }],
    ["a text caret as Tiptap's collaboration caret sends it (RelativePosition objects, null parts)", { cursor: tiptapCaret() }],
    ["cleared fields", { pointer: null, viewport: null, dragging: null, followMe: null, selection: null, cursor: null }],
  ])("%s passes unchanged", (_what, fields) => {
    expect(relayed(fields)).toEqual({ ...fields, user: editor });
  });

  it.each([
    ["a pointer far outside any calendar", { pointer: { ...pointer, day: 1e12 } }],
    ["a pointer below its lane", { pointer: { ...pointer, y: 1.5 } }],
    ["a pointer with a day that is not a number", { pointer: { ...pointer, day: "tomorrow" } }],
    ["a pointer in a lane with a script for an id", { pointer: { ...pointer, lane: "<img onerror=x>" } }],
    ["a pointer with a 10 kB lane id", { pointer: { ...pointer, lane: "l".repeat(10_000) } }],
    ["a pointer that is a string", { pointer: "20500,lDesign" }],
    ["a viewport at an unknown zoom", { viewport: { ...viewport, scale: "decades" } }],
    ["a viewport without a day", { viewport: { scale: "weeks", lane: "lDesign", y: 0 } }],
    ["a drag with a fractional day count", { dragging: { ...dragging, days: 1.5 } }],
    ["a drag of a gesture nobody makes", { dragging: { ...dragging, mode: "throw" } }],
    ["a follow-me request with an oversized id", { followMe: { id: "x".repeat(100) } }],
    ["a selection that is an object", { selection: { id: "iBooking" } }],
    ["a text caret with negative clocks", { cursor: { anchor: { item: { client: 1, clock: -4 } }, head: {} } }],
  ])("%s is dropped", (_what, fields) => {
    expect(relayed(fields)).toEqual({ user: editor });
  });

  it("a malformed field is dropped alone: the well-formed ones beside it pass", () => {
    expect(relayed({ pointer: { day: NaN }, viewport, selection: 12 })).toEqual({ viewport, user: editor });
  });

  it("unknown fields are dropped, and so are unknown keys inside known ones", () => {
    expect(relayed({ pointer: { ...pointer, html: "<b>hi</b>" }, avatarUrl: "https://evil.example/x.png", junk: "x".repeat(1000) })).toEqual({
      pointer,
      user: editor,
    });
  });

  it("the identity is the server's, whatever the client claims", () => {
    expect(relayed({ user: { id: "uOwner", name: "The Owner", color: "#000000" }, pointer })).toEqual({ pointer, user: editor });
  });

  it("read-only people may point, select and follow, but neither drag nor ask everyone to follow them", () => {
    expect(relayed({ pointer, viewport, selection: "iBooking", dragging, followMe: { id: "abc" } }, viewer)).toEqual({
      pointer,
      viewport,
      selection: "iBooking",
      user: viewer,
    });
  });

  it(`a state over ${MAX_PRESENCE_STATE_CHARS} characters keeps only who it is`, () => {
    const padded = JSON.stringify({ pointer }).replace("{", `{${" ".repeat(MAX_PRESENCE_STATE_CHARS)}`);
    expect(relayed(null, editor, padded)).toEqual({ user: editor });
  });

  it("a state that leaves (null) stays null", () => {
    expect(relayed(null)).toBeNull();
  });
});

describe("echoes from stock y-websocket clients (they send back every change they receive)", () => {
  it("another's state sent back at a clock the server has is an echo: dropped without a word", () => {
    const result = sanitizeAwarenessUpdate(update({ pointer }, undefined, 9, 5), editor, () => ({ owner: "other", clock: 5 }), 1);
    expect(result).toEqual({ update: null, forged: [], echoes: 1 });
  });

  it("another's state at a newer clock is forged (someone trying to move another person's presence)", () => {
    const result = sanitizeAwarenessUpdate(update({ pointer }, undefined, 9, 6), editor, () => ({ owner: "other", clock: 5 }), 1);
    expect(result).toEqual({ update: null, forged: [9], echoes: 0 });
  });

  it("removals of ids nobody owns (people who left) are dropped and do not use up the ids a connection may claim", () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 5);
    for (const id of [11, 12, 13, 14]) {
      encoding.writeVarUint(e, id);
      encoding.writeVarUint(e, 8);
      encoding.writeVarString(e, "null");
    }
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, JSON.stringify({ pointer }));
    const result = sanitizeAwarenessUpdate(encoding.toUint8Array(e), editor, () => ({ owner: "none", clock: 8 }), 0);
    expect(result.forged).toEqual([]);
    expect(result.echoes).toBe(4);
    expect(result.update).not.toBeNull();
  });
});

describe("presence over a real connection", () => {
  let s: TestServer;
  let board: TestBoard;
  let watcher: TestClient;
  let viewerToken: string;
  let commenterToken: string;
  let guestToken: string;

  beforeAll(async () => {
    s = await startTestServer();
    board = await s.boards.createBoard({ title: "Presence" });
    const viewerId = await s.createUser("Dev Viewer");
    await s.store.setRole(board.id, viewerId, "viewer");
    viewerToken = s.tokenFor(viewerId, board.id);
    const commenterId = await s.createUser("Cat Commenter");
    await s.store.setRole(board.id, commenterId, "commenter");
    commenterToken = s.tokenFor(commenterId, board.id);
    const link = await s.services.createShareLink(board.ownerId, board.id);
    if (!link.ok) throw new Error(link.error.message);
    const guest = await s.services.resolveShareLink(link.value.secret);
    const minted = await s.services.mintSyncToken(guest!.principal, board.id);
    if (!minted.ok) throw new Error(minted.error.message);
    guestToken = minted.value.token;
    watcher = connectClient(s.wsUrl, board.id, { token: board.token });
    await watcher.synced;
  });

  afterAll(async () => {
    watcher.destroy();
    await s.close();
    removeDataDir(s.dataDir);
  });

  const url = (token: string) => `${s.wsUrl}/${board.id}?token=${encodeURIComponent(token)}`;
  const stateOf = (clientId: number) => watcher.provider.awareness.getStates().get(clientId) as Record<string, unknown> | undefined;

  it("others receive the well-formed fields of an editor's presence and none of the junk", async () => {
    const socket = await openRecordingSocket(url(board.token));
    const clientId = 3_000_001;
    socket.ws.send(awarenessFrame(clientId, 1, { pointer, viewport: { ...viewport, scale: 7 }, dragging, followMe: { id: "req1" }, script: "<script>" }));
    await eventually(() => expect(stateOf(clientId)?.pointer).toEqual(pointer));
    const state = stateOf(clientId)!;
    expect(Object.keys(state).sort()).toEqual(["dragging", "followMe", "pointer", "user"]);
    expect(state.dragging).toEqual(dragging);
    socket.ws.close();
  });

  it("a viewer's follow-me request and drag never reach anyone; their pointer does", async () => {
    const socket = await openRecordingSocket(url(viewerToken));
    const clientId = 3_000_002;
    socket.ws.send(awarenessFrame(clientId, 1, { pointer, dragging, followMe: { id: "req2" } }));
    await eventually(() => expect(stateOf(clientId)?.pointer).toEqual(pointer));
    expect(stateOf(clientId)?.followMe).toBeUndefined();
    expect(stateOf(clientId)?.dragging).toBeUndefined();
    expect((stateOf(clientId)?.user as { name?: string }).name).toBe("Dev Viewer");
    socket.ws.close();
  });

  const bringHere = { id: "bring1", viewport };
  const laser = [pointer, { ...pointer, day: pointer.day + 1 }];

  it("an editor's bring-here and laser reach everyone", async () => {
    const socket = await openRecordingSocket(url(board.token));
    const clientId = 3_000_010;
    socket.ws.send(awarenessFrame(clientId, 1, { pointer, bringHere, laser }));
    await eventually(() => expect(stateOf(clientId)?.pointer).toEqual(pointer));
    expect(stateOf(clientId)?.bringHere).toEqual(bringHere);
    expect(stateOf(clientId)?.laser).toEqual(laser);
    // Let go of the key: the trail is withdrawn.
    socket.ws.send(awarenessFrame(clientId, 2, { pointer, bringHere: null, laser: null }));
    await eventually(() => expect(stateOf(clientId)?.laser).toBeNull());
    socket.ws.close();
  });

  it("an editor's oversized laser is dropped, their pointer still passes", async () => {
    const socket = await openRecordingSocket(url(board.token));
    const clientId = 3_000_011;
    socket.ws.send(awarenessFrame(clientId, 1, { pointer, laser: Array.from({ length: 21 }, () => pointer) }));
    await eventually(() => expect(stateOf(clientId)?.pointer).toEqual(pointer));
    expect(stateOf(clientId)?.laser).toBeUndefined();
    socket.ws.close();
  });

  it.each([
    ["viewer", () => viewerToken, "Dev Viewer"],
    ["commenter", () => commenterToken, "Cat Commenter"],
    ["share-link guest", () => guestToken, "Guest"],
  ])("a %s's bring-here and laser never reach anyone; their pointer does", async (_who, token, name) => {
    const socket = await openRecordingSocket(url(token()));
    const clientId = 3_000_020 + Math.floor(Math.random() * 1_000);
    socket.ws.send(awarenessFrame(clientId, 1, { pointer, viewport, bringHere, laser }));
    await eventually(() => expect(stateOf(clientId)?.pointer).toEqual(pointer));
    const state = stateOf(clientId)!;
    expect(Object.keys(state).sort()).toEqual(["pointer", "user", "viewport"]);
    expect((state.user as { name?: string }).name).toBe(name);
    socket.ws.close();
  });

  it("an editor downgraded to viewer stops leading at once: their laser, bring-here, follow-me and drag leave everyone's screens without another message of theirs", async () => {
    const eliId = await s.createUser("Eli Editor");
    await s.store.setRole(board.id, eliId, "editor");
    const eli = connectClient(s.wsUrl, board.id, { token: s.tokenFor(eliId, board.id) });
    await eli.synced;
    const id = eli.doc.clientID;
    eli.provider.awareness.setLocalState({ pointer, viewport, dragging, followMe: { id: "lead1" }, bringHere, laser });
    await eventually(() => expect(stateOf(id)?.laser).toEqual(laser));
    expect(stateOf(id)?.followMe).toEqual({ id: "lead1" });

    await s.store.setRole(board.id, eliId, "viewer");
    s.sync.updateAccess(board.id, (p) => p.access.principal.kind === "user" && p.access.principal.userId === eliId, "viewer");
    await eventually(() => expect(stateOf(id)?.laser).toBeUndefined());
    const state = stateOf(id)!;
    expect(Object.keys(state).sort()).toEqual(["pointer", "user", "viewport"]);
    expect((state.user as { readOnly?: boolean }).readOnly).toBe(true);

    // Their next messages still pass (a newer clock), cleaned for a viewer.
    const moved = { ...pointer, day: pointer.day + 3 };
    eli.provider.awareness.setLocalState({ pointer: moved, laser });
    await eventually(() => expect(stateOf(id)?.pointer).toEqual(moved));
    expect(stateOf(id)?.laser).toBeUndefined();
    eli.destroy();
  });

  it("someone who drops off and reconnects (same awareness id) is seen again, though a stock client echoed their departure", async () => {
    const editorId = await s.createUser("Eve Editor");
    await s.store.setRole(board.id, editorId, "editor");
    const eve = connectClient(s.wsUrl, board.id, { token: s.tokenFor(editorId, board.id) });
    await eve.synced;
    const eveId = eve.doc.clientID;
    eve.provider.awareness.setLocalStateField("selection", "iFirst");
    await eventually(() => expect(stateOf(eveId)?.selection).toBe("iFirst"));
    eve.provider.disconnect();
    // The watcher (a stock client) applies the removal and sends it straight back.
    await eventually(() => expect(stateOf(eveId)).toBeUndefined());
    await new Promise((r) => setTimeout(r, 200));
    eve.provider.connect();
    eve.provider.awareness.setLocalStateField("selection", "iAgain");
    await eventually(() => expect(stateOf(eveId)?.selection).toBe("iAgain"));
    expect((stateOf(eveId)?.user as { name?: string }).name).toBe("Eve Editor");
    eve.destroy();
  });
});
