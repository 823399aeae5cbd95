import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { UserId } from "../../lib/model/ids";
import { readSnapshot } from "../../lib/model/snapshot";
import type { Role } from "../../lib/protocol/roles";
import { openRecordingSocket } from "../helpers/authSockets";
import { addItemUpdate, awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from "../helpers/frames";
import { openRawSocket } from "../helpers/rawSocket";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

type Who = Role | "guest";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let s: TestServer;
let board: TestBoard;
let watcher: TestClient;
const tokens = {} as Record<Who | "non-member", string>;

async function storedState(): Promise<Uint8Array> {
  const doc = new Y.Doc();
  for (const u of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(doc, u);
  return Y.encodeStateAsUpdate(doc);
}
const titles = (doc: Y.Doc) => readSnapshot(doc).items.map((i) => i.title);

beforeAll(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Authorization" });
  tokens.owner = board.token;
  for (const role of ["editor", "commenter", "viewer"] as const) {
    const id = await s.createUser(`The ${role}`);
    await s.store.setRole(board.id, id, role);
    tokens[role] = s.tokenFor(id, board.id);
  }
  tokens["non-member"] = s.tokenFor(await s.createUser("Stranger"), board.id);
  const link = await s.services.createShareLink(board.ownerId, board.id);
  if (!link.ok) throw new Error(link.error.message);
  const guest = await s.services.resolveShareLink(link.value.secret);
  const minted = await s.services.mintSyncToken(guest!.principal, board.id);
  if (!minted.ok) throw new Error(minted.error.message);
  tokens.guest = minted.value.token;
  watcher = connectClient(s.wsUrl, board.id, { token: board.token });
  await watcher.synced;
});

afterAll(async () => {
  watcher.destroy();
  await s.close();
  removeDataDir(s.dataDir);
});

const url = (token: string) => `${s.wsUrl}/${board.id}?token=${encodeURIComponent(token)}`;

describe("who may open a board's websocket", () => {
  it.each([
    ["anonymous (no credentials)", () => `${s.wsUrl}/${board.id}`, 401],
    ["a forged token", () => url(`${tokens.owner.split(".")[0]}.AAAA`), 401],
    ["a token for another board", () => `${s.wsUrl}/bOtherBoard1234?token=${tokens.owner}`, 401],
    ["a signed-in non-member", () => url(tokens["non-member"]), 404],
  ])("%s is refused before the upgrade (HTTP %i)", async (_who, target, status) => {
    await expect(openRawSocket(target())).rejects.toThrow(new RegExp(`HTTP ${status}`));
  });
});

const WRITERS: Who[] = ["owner", "editor"];
const READERS: Who[] = ["commenter", "viewer", "guest"];

describe.each([...WRITERS, ...READERS])("as %s", (who) => {
  const mayWrite = WRITERS.includes(who);

  it("sync step 1 is answered with the board (everyone who may see it may read it)", async () => {
    const socket = await openRecordingSocket(url(tokens[who]));
    socket.ws.send(syncStep1Frame(new Y.Doc()));
    await eventually(() => expect(socket.kinds()).toContainEqual({ type: 0, syncKind: 1 }));
    socket.ws.close();
  });

  it.each([
    ["sync step 2", syncStep2Frame],
    ["update", updateFrame],
  ])(`a %s that adds an item is ${mayWrite ? "applied, stored and broadcast" : "refused: not applied, stored or broadcast"}`, async (kind, frame) => {
    const title = `${who} via ${kind}`;
    const before = await storedState();
    const socket = await openRecordingSocket(url(tokens[who]));
    socket.ws.send(frame(addItemUpdate(`i${who}${kind.replace(/\W/g, "")}`, title)));
    if (mayWrite) {
      await eventually(() => expect(titles(watcher.doc)).toContain(title));
      await eventually(async () => expect(await storedState()).not.toEqual(before));
    } else {
      await eventually(() => expect(socket.kinds().some((k) => k.type === 2 && /read-only/.test(k.reason ?? ""))).toBe(true));
      await sleep(200);
      expect(titles(watcher.doc)).not.toContain(title);
      expect(await storedState()).toEqual(before);
    }
    socket.ws.close();
  });

  it("awareness is accepted, with the name the server knows", async () => {
    const socket = await openRecordingSocket(url(tokens[who]));
    const clientId = 1_000_000 + Math.floor(Math.random() * 1_000_000);
    socket.ws.send(awarenessFrame(clientId, 1, { user: { name: "Somebody Else", color: "#000000" }, selection: "iSelected" }));
    await eventually(() => {
      const state = watcher.provider.awareness.getStates().get(clientId) as { user?: { name?: string }; selection?: string } | undefined;
      expect(state?.selection).toBe("iSelected");
      expect(state?.user?.name).not.toBe("Somebody Else");
      expect(state?.user?.name).toBe(who === "guest" ? "Guest" : who === "owner" ? "Owner" : `The ${who}`);
    });
    socket.ws.close();
  });
});

describe("presence tells the truth", () => {
  it("another connection's awareness client id cannot be taken over or cleared", async () => {
    const victimId = watcher.doc.clientID;
    watcher.provider.awareness.setLocalStateField("selection", "iVictims");
    await sleep(100);
    const attacker = await openRecordingSocket(url(tokens.viewer));
    attacker.ws.send(awarenessFrame(victimId, 10_000, { user: { name: "Hijacked" }, selection: "iHijacked" }));
    attacker.ws.send(awarenessFrame(victimId, 10_001, null));
    await sleep(200);
    const owner = connectClient(s.wsUrl, board.id, { token: tokens.editor });
    await owner.synced;
    await eventually(() => {
      const seen = owner.provider.awareness.getStates().get(victimId) as { user?: { name?: string }; selection?: string } | undefined;
      expect(seen?.selection).toBe("iVictims");
      expect(seen?.user?.name).toBe("Owner");
    });
    owner.destroy();
    attacker.ws.close();
  });
});

describe("access changes reach open connections", () => {
  it("a role downgrade refuses the very next update from that connection", async () => {
    const userId = await s.createUser("Soon a viewer");
    await s.store.setRole(board.id, userId as UserId, "editor");
    const client = connectClient(s.wsUrl, board.id, { token: s.tokenFor(userId, board.id) });
    await client.synced;
    const first = client.doc.getMap("items");
    first.set("iBeforeDowngrade", new Y.Map([["title", "before downgrade"]]));
    await eventually(() => expect(titles(watcher.doc)).toContain("before downgrade"));

    const changed = await s.services.changeRole(board.ownerId, board.id, userId, "viewer");
    expect(changed.ok).toBe(true);
    first.set("iAfterDowngrade", new Y.Map([["title", "after downgrade"]]));
    await sleep(300);
    expect(titles(watcher.doc)).not.toContain("after downgrade");
    expect(titles(await docFromStore())).not.toContain("after downgrade");
    client.destroy();
  });

  it("removing a member closes their connection with 4403", async () => {
    const userId = await s.createUser("Leaving");
    await s.store.setRole(board.id, userId as UserId, "commenter");
    const socket = await openRecordingSocket(url(s.tokenFor(userId, board.id)));
    const removed = await s.services.removeMember(board.ownerId, board.id, userId);
    expect(removed.ok).toBe(true);
    expect((await socket.closed).code).toBe(4403);
    await expect(openRawSocket(url(s.tokenFor(userId, board.id)))).rejects.toThrow(/HTTP 404/);
  });

  it("revoking a share link disconnects its guests and refuses its tokens", async () => {
    const link = await s.services.createShareLink(board.ownerId, board.id);
    if (!link.ok) throw new Error(link.error.message);
    const guest = await s.services.resolveShareLink(link.value.secret);
    const minted = await s.services.mintSyncToken(guest!.principal, board.id);
    if (!minted.ok) throw new Error(minted.error.message);
    const socket = await openRecordingSocket(url(minted.value.token));
    expect((await s.services.revokeShareLink(board.ownerId, board.id, link.value.id)).ok).toBe(true);
    expect((await socket.closed).code).toBe(4403);
    expect(await s.services.resolveShareLink(link.value.secret)).toBeNull();
    await expect(openRawSocket(url(minted.value.token))).rejects.toThrow(/HTTP 404/);
  });
});

async function docFromStore(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const u of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(doc, u);
  return doc;
}

describe("cross-site websocket hijacking", () => {
  it("a browser handshake from another origin is refused even with valid credentials", async () => {
    const { WebSocket } = await import("ws");
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url(tokens.owner), { headers: { Origin: "https://evil.example" } });
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.once("open", () => resolve(101));
    });
    expect(refused).toBe(403);
  });
});
