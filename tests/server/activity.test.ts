import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BoardId, ItemId, UserId } from "../../lib/model/ids";
import { createItem, deleteItem, moveItem, updateItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import type { ChangesSummary } from "../../lib/protocol/comments";
import type { Role } from "../../lib/protocol/roles";
import type { Storage } from "../../server/storage/storage";
import type { ThreadWithComments } from "../../server/storage/commentStore";
import { openSqliteStorage } from "../../server/storage/sqlite/openSqliteStorage";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * "What changed since your last visit" end to end: real websockets, the real sync server and
 * SQLite; edits made with lib/model commands on stock y-websocket clients. Threads come from a
 * stand-in listThreads so these tests do not depend on the comment store (the summary only
 * reads threads through it).
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let s: TestServer;
let board: TestBoard;
let threads: ThreadWithComments[];
let people: Record<"ana" | "ben" | "reader" | "viewer" | "stranger", UserId>;
const clients: TestClient[] = [];

function withThreads(inner: Storage): Storage {
  return { ...inner, listThreads: async (boardId: BoardId) => threads.filter((t) => t.boardId === boardId) };
}

async function start(dataDir = mkdtempSync(join(tmpdir(), "waymark-activity-"))): Promise<TestServer> {
  return startTestServer({ dataDir }, withThreads(openSqliteStorage(join(dataDir, "waymark.sqlite"))));
}

beforeEach(async () => {
  threads = [];
  s = await start();
  board = await s.boards.createBoard({ title: "Activity" });
  const roles: [keyof typeof people, Role | null][] = [
    ["ana", "editor"],
    ["ben", "editor"],
    ["reader", "editor"],
    ["viewer", "viewer"],
    ["stranger", null],
  ];
  people = {} as typeof people;
  for (const [who, role] of roles) {
    people[who] = await s.createUser(who[0]!.toUpperCase() + who.slice(1));
    if (role) await s.store.setRole(board.id, people[who], role);
  }
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await s.close();
  removeDataDir(s.dataDir);
});

async function connect(user: UserId, token = s.tokenFor(user, board.id)): Promise<TestClient> {
  const client = connectClient(s.wsUrl, board.id, { token });
  clients.push(client);
  await client.synced;
  return client;
}
function disconnect(client: TestClient): void {
  clients.splice(clients.indexOf(client), 1);
  client.destroy();
}
const room = () => s.sync.registry.loaded(board.id)!;
const itemsJson = (doc: { getMap(name: string): { toJSON(): unknown } }) => JSON.stringify(doc.getMap("items").toJSON());
/** Waits until the server holds what the client wrote, then writes the recorded activity out. */
async function settle(client: TestClient): Promise<void> {
  await eventually(() => expect(itemsJson(room().doc)).toBe(itemsJson(client.doc)));
  await room().activity.flush();
}
async function visitEnds(user: UserId, after: string | null): Promise<string> {
  let seen: string | null = null;
  await eventually(async () => {
    seen = await s.store.lastVisit(board.id, user);
    expect(seen).not.toBeNull();
    if (after) expect(seen! > after).toBe(true);
  });
  await sleep(5); // later edits get a later millisecond than the visit
  return seen!;
}
async function summary(user: UserId): Promise<ChangesSummary> {
  const result = await s.services.changesSinceLastVisit(user, board.id);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
/** The board's template has lanes but no items: the owner adds three before anyone's visit. */
async function seedItems(): Promise<void> {
  const owner = await connect(board.ownerId);
  const origin = createOrigin("local", "owner");
  for (const title of ["Legacy export", "Pilot onboarding", "Beta feedback"]) {
    createItem(owner.doc, origin, { title, start: "2030-03-04", duration: 3 });
  }
  await settle(owner);
  disconnect(owner);
}
const lines = (sum: ChangesSummary) => sum.items.map((l) => `${l.actor.name} ${l.kind} “${l.title}” ×${l.count}`);
const seeded = (client: TestClient, title: string) => readSnapshot(client.doc).items.find((i) => i.title === title)!;

describe("what changed since your last visit", () => {
  it("a first visit has nothing to compare with: since is null, the lists empty", async () => {
    const ana = await connect(people.ana);
    createItem(ana.doc, createOrigin("local", "ana"), { title: "Early", start: "2030-03-04", duration: 2 });
    await settle(ana);
    expect(await summary(people.reader)).toEqual({ since: null, items: [], comments: [], omitted: 0 });
  });

  it("lists another user's adds, moves, edits and deletes since the reader left, also after the reader reconnects", async () => {
    await seedItems();
    const reader = await connect(people.reader);
    const ana = await connect(people.ana);
    const legacy = seeded(ana, "Legacy export");
    const pilot = seeded(ana, "Pilot onboarding");
    const beta = seeded(ana, "Beta feedback");
    disconnect(reader);
    const since = await visitEnds(people.reader, null);

    const as = createOrigin("local", "ana");
    const added = createItem(ana.doc, as, { title: "Pilot onboarding v2", start: "2030-03-04", duration: 2 });
    moveItem(ana.doc, as, pilot.id as ItemId, { start: "2030-04-01" });
    updateItem(ana.doc, as, beta.id as ItemId, { status: "done" });
    deleteItem(ana.doc, as, legacy.id as ItemId);
    await settle(ana);

    await connect(people.reader); // open again: the summary is still since the last time it closed
    const sum = await summary(people.reader);
    expect(sum.since).toBe(since);
    expect(lines(sum).sort()).toEqual(
      [`Ana added “Pilot onboarding v2” ×1`, `Ana moved “${pilot.title}” ×1`, `Ana edited “${beta.title}” ×1`, `Ana deleted “${legacy.title}” ×1`].sort(),
    );
    expect(sum.items.find((l) => l.kind === "added")!.itemId).toBe(added.ok && added.value);
    expect(sum.items.every((l) => l.actor.id === people.ana)).toBe(true);
  });

  it("an edit made a moment before the summary is read is in it: what the recorder holds is written first", async () => {
    const reader = await connect(people.reader);
    disconnect(reader);
    await visitEnds(people.reader, null);
    const ana = await connect(people.ana);
    createItem(ana.doc, createOrigin("local", "ana"), { title: "Just now", start: "2030-03-04", duration: 2 });
    // Committed, but the recorder writes a burst's first row only a second later on its own.
    await eventually(() => expect(itemsJson(room().doc)).toBe(itemsJson(ana.doc)));
    expect(lines(await summary(people.reader))).toEqual(["Ana added “Just now” ×1"]);
  });

  it("leaves out the reader's own changes", async () => {
    await seedItems();
    const reader = await connect(people.reader);
    disconnect(reader);
    await visitEnds(people.reader, null);
    const again = await connect(people.reader);
    const ben = await connect(people.ben);
    moveItem(again.doc, createOrigin("local", "reader"), seeded(again, "Legacy export").id as ItemId, { start: "2030-05-06" });
    await settle(again);
    updateItem(ben.doc, createOrigin("local", "ben"), seeded(ben, "Pilot onboarding").id as ItemId, { title: "Renamed by Ben" });
    await settle(ben);
    expect(lines(await summary(people.reader))).toEqual([`Ben edited “Renamed by Ben” ×1`]);
  });

  it("a quick series of moves of one item is one line with a count of one", async () => {
    await seedItems();
    const reader = await connect(people.reader);
    disconnect(reader);
    await visitEnds(people.reader, null);
    const ana = await connect(people.ana);
    const id = seeded(ana, "Pilot onboarding").id as ItemId;
    const origin = createOrigin("local", "ana");
    for (const start of ["2030-03-04", "2030-03-05", "2030-03-06", "2030-03-07"]) moveItem(ana.doc, origin, id, { start });
    await settle(ana);
    const rows = await s.store.listActivity(board.id, "", people.reader, 100);
    expect(rows.filter((r) => r.objectId === id && r.userId === people.ana)).toHaveLength(1);
    expect((await summary(people.reader)).items.map((l) => [l.kind, l.count])).toEqual([["moved", 1]]);
  });

  it("writes from read-only connections and guests are refused and never recorded", async () => {
    await seedItems();
    const before = (await s.store.listActivity(board.id, "", people.reader, 100)).length;
    const viewer = await connect(people.viewer);
    const link = await s.services.createShareLink(board.ownerId, board.id);
    if (!link.ok) throw new Error(link.error.message);
    const principal = (await s.services.resolveShareLink(link.value.secret))!.principal;
    const minted = await s.services.mintSyncToken(principal, board.id);
    if (!minted.ok) throw new Error(minted.error.message);
    const guest = await connect(people.viewer, minted.value.token);
    createItem(viewer.doc, createOrigin("local", "viewer"), { title: "Viewer try", start: "2030-03-04", duration: 1 });
    deleteItem(guest.doc, createOrigin("local", "guest"), seeded(guest, "Legacy export").id as ItemId);
    await eventually(() => expect(room().refusedWrites).toBeGreaterThanOrEqual(2));
    await room().activity.flush();
    expect(await s.store.listActivity(board.id, "", people.reader, 100)).toHaveLength(before);
  });

  it("the visit is recorded only when the user's last connection to the board closes", async () => {
    const tab1 = await connect(people.reader);
    const tab2 = await connect(people.reader);
    disconnect(tab1);
    await sleep(200);
    expect(await s.store.lastVisit(board.id, people.reader)).toBeNull();
    disconnect(tab2);
    const first = await visitEnds(people.reader, null);
    const tab3 = await connect(people.reader);
    const tab4 = await connect(people.reader);
    disconnect(tab3);
    await sleep(200);
    expect(await s.store.lastVisit(board.id, people.reader)).toBe(first);
    disconnect(tab4);
    await visitEnds(people.reader, first);
  });

  it("users still connected when the server stops get their visit recorded", async () => {
    await connect(people.reader);
    await connect(people.viewer);
    const dataDir = s.dataDir;
    const open = clients.splice(0);
    for (const c of open) c.provider.shouldConnect = false;
    await s.close();
    for (const c of open) c.destroy();
    s = await start(dataDir);
    expect(await s.store.lastVisit(board.id, people.reader)).not.toBeNull();
    expect(await s.store.lastVisit(board.id, people.viewer)).not.toBeNull();
    expect(await s.store.lastVisit(board.id, board.ownerId)).toBeNull();
  });

  it("a non-member gets not-found; every member role may ask", async () => {
    const asked = await s.services.changesSinceLastVisit(people.stranger, board.id);
    expect(asked.ok ? "ok" : asked.error.kind).toBe("not-found");
    for (const who of [people.viewer, people.reader, board.ownerId]) expect((await s.services.changesSinceLastVisit(who, board.id)).ok).toBe(true);
    const missing = await s.services.changesSinceLastVisit(people.reader, "bNoSuchBoard000" as BoardId);
    expect(missing.ok ? "ok" : missing.error.kind).toBe("not-found");
  });

  it("new comments by others since the visit, per person and thread, with names from the accounts", async () => {
    const reader = await connect(people.reader);
    disconnect(reader);
    const since = await visitEnds(people.reader, null);
    const later = new Date(Date.parse(since) + 1000).toISOString();
    const earlier = new Date(Date.parse(since) - 1000).toISOString();
    const comment = (id: string, authorId: UserId, createdAt: string) => ({
      ...{ id, threadId: "tBeta", boardId: board.id, authorId, body: "{}", text: "x", createdAt },
      ...{ editedAt: null, deletedAt: null },
    });
    // Not an account (any more): shown as a former member.
    const gone = "uGone0000000000" as UserId;
    threads = [
      {
        ...{ id: "tBeta", boardId: board.id, anchor: { kind: "item", id: "iBeta" }, anchorTitle: "Beta feedback" },
        ...{ createdBy: people.ana, createdAt: earlier, resolvedAt: null, resolvedBy: null },
        comments: [
          comment("c1", people.ana, earlier),
          comment("c2", people.ben, later),
          comment("c3", people.ben, later),
          comment("c4", people.reader, later),
          comment("c5", gone, later),
        ],
      },
    ];
    const sum = await summary(people.reader);
    expect(sum.comments.map((c) => [c.actor.name, c.threadId, c.anchorTitle, c.count]).sort()).toEqual([
      ["Ben", "tBeta", "Beta feedback", 2],
      ["Former member", "tBeta", "Beta feedback", 1],
    ]);
  });
});
