import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UserId } from "../../lib/model/ids";
import { createItem, moveItem, updateItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { date } from "../../lib/model/dates";
import { guestActor } from "../../lib/protocol/guestReaders";
import { newVersionId } from "../../server/history/versionIds";
import { packState } from "../../server/history/versionState";
import { MAX_NAMED_VERSIONS } from "../../server/services/versionServices";
import type { Role } from "../../lib/protocol/roles";
import type { VersionView } from "../../lib/protocol/versions";
import { restoreBoard } from "../../lib/model/restoreCommands";
import { createUndoManager } from "../../lib/model/undoScope";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Versions, the baseline, restore and the board at a past moment, end to end: the services the
 * routes call, the real sync server and SQLite, stock y-websocket clients editing meanwhile.
 */
let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "editor" | "commenter" | "viewer" | "stranger", UserId>;
const clients: TestClient[] = [];
const ana = createOrigin("local", "ana");
const ben = createOrigin("local", "ben");

beforeEach(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Versions" });
  people = { owner: board.ownerId } as typeof people;
  const roles: [keyof typeof people, Role | null][] = [["editor", "editor"], ["commenter", "commenter"], ["viewer", "viewer"], ["stranger", null]];
  for (const [who, role] of roles) {
    people[who] = await s.createUser(who);
    if (role) await s.store.setRole(board.id, people[who], role);
  }
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await s.close();
  removeDataDir(s.dataDir);
});

async function connect(user: UserId): Promise<TestClient> {
  const client = connectClient(s.wsUrl, board.id, { token: s.tokenFor(user, board.id) });
  clients.push(client);
  await client.synced;
  return client;
}
function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const items = (doc: Y.Doc) => readSnapshot(doc).items.map((i) => [i.id, i.title, i.start]).sort();
const room = () => s.sync.registry.loaded(board.id)!;
async function settled(...docs: Y.Doc[]) {
  await eventually(() => {
    for (const doc of docs) expect(items(doc)).toEqual(items(room().doc));
  }, 5_000);
}

describe("versions", () => {
  it("an editor saves a named version; everyone on the board lists it; it reads back as the board was", async () => {
    const client = await connect(people.editor);
    const id = createItem(client.doc, ana, { title: "Pilot", start: date("2030-03-04"), duration: 5 });
    if (!id.ok) throw new Error(id.error);
    await settled(client.doc);
    const saved = value(await s.services.createVersion(people.editor, board.id, { name: "Agreed plan", note: "after the workshop" }));
    expect(saved).toMatchObject({ name: "Agreed plan", note: "after the workshop", kind: "named", reason: "named", authorId: people.editor, authorName: "editor" });
    moveItem(client.doc, ana, id.value, { start: date("2030-04-01") });
    await settled(client.doc);
    for (const who of ["owner", "editor", "commenter", "viewer"] as const) {
      expect(value(await s.services.listVersions(people[who], board.id)).versions.map((v) => v.id)).toEqual([saved.id]);
    }
    const read = value(await s.services.readVersion(people.viewer, board.id, saved.id));
    expect(read.snapshot.items.find((i) => i.id === id.value)?.start).toBe("2030-03-04");
  });

  it("commenters and viewers may not save, rename, restore or set the baseline; strangers see nothing; owners alone delete", async () => {
    const saved = value(await s.services.createVersion(people.owner, board.id, { name: "Plan" }));
    for (const who of ["commenter", "viewer"] as const) {
      const actor = people[who];
      expect(await s.services.createVersion(actor, board.id, { name: "Mine" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await s.services.updateVersion(actor, board.id, saved.id, { name: "Mine" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await s.services.restoreVersion(actor, board.id, saved.id, {})).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await s.services.setBaseline(actor, board.id, { versionId: saved.id })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    }
    expect(await s.services.setBaseline(people.editor, board.id, { versionId: saved.id })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await s.services.deleteVersion(people.editor, board.id, saved.id)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await s.services.listVersions(people.stranger, board.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.readVersion(people.stranger, board.id, saved.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(value(await s.services.listVersions(people.owner, board.id)).versions).toHaveLength(1);
  });

  it("a share-link guest reads versions (without who saved them), compares and replays, writes nothing, and loses it all with the link", async () => {
    const saved = value(await s.services.createVersion(people.owner, board.id, { name: "Plan" }));
    value(await s.services.setBaseline(people.owner, board.id, { versionId: saved.id }));
    const link = value(await s.services.createShareLink(people.owner, board.id));
    const guest = guestActor(link.id);
    const listed = value(await s.services.listVersions(guest, board.id));
    expect(listed.baselineId).toBe(saved.id);
    expect(listed.versions.map((v) => [v.name, v.authorId, v.authorName])).toEqual([["Plan", null, null]]);
    expect(value(await s.services.readVersion(guest, board.id, saved.id)).version.authorName).toBeNull();
    expect(value(await s.services.compareVersions(guest, board.id, saved.id, "now")).comparison.items).toEqual([]);
    expect(value(await s.services.boardAt(guest, board.id, new Date().toISOString())).snapshot.board.title).toBe("Versions");
    expect(await s.services.createVersion(guest, board.id, { name: "Mine" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await s.services.restoreVersion(guest, board.id, saved.id, {})).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await s.services.setBaseline(guest, board.id, { versionId: null })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    // Other services know no guest: to them it is nobody.
    expect(await s.services.listThreads(guest, board.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    // Another board's link, and a revoked one, open nothing.
    const other = await s.boards.createBoard({ title: "Other" });
    const otherLink = value(await s.services.createShareLink(other.ownerId, other.id));
    expect(await s.services.listVersions(guestActor(otherLink.id), board.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    value(await s.services.revokeShareLink(people.owner, board.id, link.id));
    expect(await s.services.listVersions(guest, board.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });

  it(`a board keeps at most ${MAX_NAMED_VERSIONS} named versions: the next save is refused with what to do`, async () => {
    const state = packState(Y.encodeStateAsUpdate(new Y.Doc()));
    for (let i = 0; i < MAX_NAMED_VERSIONS; i++)
      await s.store.saveVersion({ id: newVersionId(), boardId: board.id, name: `Plan ${i}`, note: null, reason: "named", authorId: people.owner, createdAt: new Date().toISOString(), seq: 0 }, state);
    const refused = await s.services.createVersion(people.editor, board.id, { name: "One more" });
    expect(refused).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining("delete some first") } });
    expect(value(await s.services.listVersions(people.owner, board.id)).versions.filter((v) => v.name === "One more")).toEqual([]);
    // Deleting one makes room again.
    const oldest = value(await s.services.listVersions(people.owner, board.id)).versions.at(-1)!;
    value(await s.services.deleteVersion(people.owner, board.id, oldest.id));
    expect(value(await s.services.createVersion(people.editor, board.id, { name: "One more" })).name).toBe("One more");
  });

  it("bad input is refused with the reason and changes nothing", async () => {
    expect(await s.services.createVersion(people.owner, board.id, { name: "" })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await s.services.createVersion(people.owner, board.id, { name: "x".repeat(500) })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await s.services.createVersion(people.owner, board.id, { name: "Ok", extra: 1 })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await s.services.readVersion(people.owner, board.id, "../../etc")).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.boardAt(people.owner, board.id, "yesterday")).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(value(await s.services.listVersions(people.owner, board.id)).versions).toEqual([]);
  });

  it("the baseline is one version, set and cleared by an owner; its version cannot be deleted while it is", async () => {
    const plan = value(await s.services.createVersion(people.owner, board.id, { name: "Baseline" }));
    expect(value(await s.services.setBaseline(people.owner, board.id, { versionId: plan.id }))).toEqual({ baselineId: plan.id });
    expect(value(await s.services.listVersions(people.viewer, board.id)).baselineId).toBe(plan.id);
    expect(await s.services.deleteVersion(people.owner, board.id, plan.id)).toMatchObject({ ok: false, error: { kind: "conflict" } });
    value(await s.services.setBaseline(people.owner, board.id, { versionId: null }));
    value(await s.services.deleteVersion(people.owner, board.id, plan.id));
    expect(value(await s.services.listVersions(people.owner, board.id))).toEqual({ versions: [], baselineId: null });
  });
});

describe("what one person may ask at once", () => {
  it("an editor saving in a loop is told to wait after a few; another editor still may save", async () => {
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await s.services.createVersion(people.editor, board.id, { name: `Spam ${i}` }));
    expect(results.slice(0, 6).every((r) => r.ok)).toBe(true);
    expect(results[7]).toMatchObject({ ok: false, error: { kind: "too-many" } });
    expect((await s.services.createVersion(people.owner, board.id, { name: "Mine" })).ok).toBe(true);
    expect(value(await s.services.listVersions(people.owner, board.id)).versions).toHaveLength(7);
  });

  it("a viewer replaying past moments in a loop is told to wait, at no cost to others", async () => {
    const moment = new Date().toISOString();
    let refused = 0;
    for (let i = 0; i < 40; i++) if (!(await s.services.boardAt(people.viewer, board.id, moment)).ok) refused++;
    expect(refused).toBeGreaterThan(0);
    expect((await s.services.boardAt(people.owner, board.id, moment)).ok).toBe(true);
  });
});

describe("restore", () => {
  it("restores a version as a forward change while two others edit: an automatic version first, every replica converges", async () => {
    const a = await connect(people.editor);
    const b = await connect(people.owner);
    const ids = ["One", "Two", "Three"].map((title) => {
      const id = createItem(a.doc, ana, { title, start: date("2030-03-04"), duration: 3 });
      if (!id.ok) throw new Error(id.error);
      return id.value;
    });
    await settled(a.doc, b.doc);
    const plan = value(await s.services.createVersion(people.owner, board.id, { name: "Plan" }));
    for (const id of ids) moveItem(a.doc, ana, id, { start: date("2030-06-03") });
    await settled(a.doc, b.doc);

    // Both keep editing while the restore runs on the server.
    const restoring = s.services.restoreVersion(people.editor, board.id, plan.id, {});
    updateItem(b.doc, ben, ids[0]!, { title: "Renamed meanwhile" });
    moveItem(a.doc, ana, ids[1]!, { start: date("2030-09-02") });
    const result = value(await restoring);
    expect(result.applied).toBe(true);
    expect(result.backup).toMatchObject({ reason: "restore", authorId: people.editor, name: null });
    await settled(a.doc, b.doc);
    expect(items(a.doc)).toEqual(items(b.doc));
    const versions = value(await s.services.listVersions(people.owner, board.id)).versions;
    expect(versions.map((v: VersionView) => v.reason)).toEqual(["restore", "named"]);
  });

  it("with apply false the caller restores it as its own change, which it can undo", async () => {
    const a = await connect(people.editor);
    const id = createItem(a.doc, ana, { title: "Pilot", start: date("2030-03-04"), duration: 3 });
    if (!id.ok) throw new Error(id.error);
    await settled(a.doc);
    const plan = value(await s.services.createVersion(people.owner, board.id, { name: "Plan" }));
    moveItem(a.doc, ana, id.value, { start: date("2030-06-03") });
    await settled(a.doc);
    const result = value(await s.services.restoreVersion(people.editor, board.id, plan.id, { apply: false }));
    expect(result.applied).toBe(false);
    expect(readSnapshot(room().doc).items[0]?.start).toBe("2030-06-03");
    const version = new Y.Doc();
    Y.applyUpdate(version, Buffer.from(result.state!, "base64"));
    const undo = createUndoManager(a.doc, ana);
    restoreBoard(a.doc, version, ana);
    await settled(a.doc);
    expect(readSnapshot(room().doc).items[0]?.start).toBe("2030-03-04");
    undo.undo();
    await settled(a.doc);
    expect(readSnapshot(room().doc).items[0]?.start).toBe("2030-06-03");
  });
});

describe("compare", () => {
  it("lists what moved between a version and now, and between two versions; refuses junk and other boards' versions", async () => {
    const a = await connect(people.editor);
    const id = createItem(a.doc, ana, { title: "Pilot", start: date("2030-03-04"), duration: 3 });
    if (!id.ok) throw new Error(id.error);
    await settled(a.doc);
    const plan = value(await s.services.createVersion(people.owner, board.id, { name: "Plan" }));
    moveItem(a.doc, ana, id.value, { start: date("2030-03-11") });
    await settled(a.doc);
    const later = value(await s.services.createVersion(people.owner, board.id, { name: "Later" }));

    const sinceNow = value(await s.services.compareVersions(people.viewer, board.id, plan.id, "now")).comparison;
    const between = value(await s.services.compareVersions(people.viewer, board.id, plan.id, later.id)).comparison;
    expect(between).toEqual(sinceNow);
    expect(sinceNow.items).toHaveLength(1);
    expect(sinceNow.items[0]).toMatchObject({ itemId: id.value, change: "changed", fields: { schedule: { startShift: 5, finishShift: 5 } } });
    expect(value(await s.services.compareVersions(people.viewer, board.id, "now", "now")).comparison.items).toEqual([]);

    expect(await s.services.compareVersions(people.viewer, board.id, "yesterday", "now")).toMatchObject({ ok: false, error: { kind: "invalid" } });
    const other = await s.boards.createBoard({ title: "Other" });
    const theirs = value(await s.services.createVersion(other.ownerId, other.id, { name: "Theirs" }));
    expect(await s.services.compareVersions(people.viewer, board.id, theirs.id, "now")).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.compareVersions(people.stranger, board.id, plan.id, "now")).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });
});

describe("the board at a past moment", () => {
  it("replays the version before the moment and the recorded changes up to it", async () => {
    const a = await connect(people.editor);
    const id = createItem(a.doc, ana, { title: "Pilot", start: date("2030-03-04"), duration: 3 });
    if (!id.ok) throw new Error(id.error);
    await settled(a.doc);
    await room().flushed();
    const plan = value(await s.services.createVersion(people.owner, board.id, { name: "Plan" }));
    await new Promise((r) => setTimeout(r, 10));
    moveItem(a.doc, ana, id.value, { start: date("2030-04-01") });
    await settled(a.doc);
    await room().flushed();
    const afterFirstMove = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 10));
    moveItem(a.doc, ana, id.value, { start: date("2030-05-06") });
    await settled(a.doc);
    await room().flushed();

    const past = value(await s.services.boardAt(people.viewer, board.id, afterFirstMove));
    expect(past.versionId).toBe(plan.id);
    expect(past.snapshot.items.find((i) => i.id === id.value)?.start).toBe("2030-04-01");
    const atVersion = value(await s.services.boardAt(people.viewer, board.id, plan.createdAt));
    expect(atVersion.snapshot.items.find((i) => i.id === id.value)?.start).toBe("2030-03-04");
    const now = value(await s.services.boardAt(people.viewer, board.id, new Date().toISOString()));
    expect(now.snapshot.items.find((i) => i.id === id.value)?.start).toBe("2030-05-06");
  });
});
