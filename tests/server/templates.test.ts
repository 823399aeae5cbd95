import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BoardId, UserId } from "../../lib/model/ids";
import { addMilestone } from "../../lib/model/milestoneCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { BUILT_IN_TEMPLATES } from "../../lib/model/templates/gallery";
import { TEMPLATE_LIMITS } from "../../lib/protocol/templates";
import { mondayOf } from "../../server/services/calendarDates";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Templates, copies and calendar feeds through the services the routes call, on the real
 * server: what each role may do, and what a copy or a template holds.
 */
let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "editor" | "commenter" | "viewer" | "stranger", UserId>;

beforeEach(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Source" });
  people = { owner: board.ownerId } as typeof people;
  for (const who of ["editor", "commenter", "viewer", "stranger"] as const) {
    people[who] = await s.createUser(who);
    if (who !== "stranger") await s.store.setRole(board.id, people[who], who);
  }
});
afterEach(async () => {
  await s.close();
  removeDataDir(s.dataDir);
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function snapshotOf(boardId: BoardId) {
  const loaded = s.sync.registry.loaded(boardId);
  if (loaded) return readSnapshot(loaded.doc);
  const doc = new Y.Doc();
  for (const u of (await s.store.loadUpdates(boardId)).updates) Y.applyUpdate(doc, u);
  return readSnapshot(doc);
}

/** Adds a milestone to the live board, as an editor's edit would. */
async function addLiveMilestone(boardId: BoardId, title: string, date: string) {
  await s.sync.withLiveBoard(boardId, (live) => {
    const added = addMilestone(live.doc, createOrigin("local", "test"), { title, date: date as never, kind: "go_live" });
    if (!added.ok) throw new Error(added.error);
  });
}

describe("creating a board from the gallery", () => {
  it("offers the empty board and every built-in template", async () => {
    const gallery = value(await s.services.templateGallery(people.viewer));
    expect(gallery.builtIn.map((t) => t.id)).toEqual(["empty", ...BUILT_IN_TEMPLATES.map((t) => t.id)]);
    expect(gallery.own).toEqual([]);
  });

  it("builds the named template; no template is the empty method board; an unknown one is invalid and writes nothing", async () => {
    const saas = value(await s.services.createBoard(people.stranger, { title: "Our launch", template: "saas-product-launch" }));
    const snap = await snapshotOf(saas.id);
    expect(snap.board.title).toBe("Our launch");
    expect(snap.items.length).toBe(BUILT_IN_TEMPLATES.find((t) => t.id === "saas-product-launch")!.items.length);
    const empty = value(await s.services.createBoard(people.stranger, { title: "Blank" }));
    expect((await snapshotOf(empty.id)).items).toEqual([]);
    expect((await snapshotOf(empty.id)).lanes).toHaveLength(6);
    const before = (await s.store.listBoardsOf(people.stranger)).length;
    expect(await s.services.createBoard(people.stranger, { title: "X", template: "no-such" })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await s.services.createBoard(people.stranger, { title: "X", template: "x".repeat(101) })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect((await s.store.listBoardsOf(people.stranger)).length).toBe(before);
  });
});

describe("duplicating a board", () => {
  it("any member gets a copy they own with the whole document, not its comments or versions", async () => {
    await addLiveMilestone(board.id, "Go-live", "2027-06-01");
    value(await s.services.createThread(people.owner, board.id, { anchor: { kind: "board" }, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "hello" }] }] } }));
    value(await s.services.createVersion(people.owner, board.id, { name: "v1" }));
    for (const who of ["viewer", "commenter", "editor", "owner"] as const) {
      const copy = value(await s.services.duplicateBoard(people[who], board.id));
      expect(copy.title).toBe("Copy of Source");
      expect(await s.store.roleOf(copy.id, people[who])).toBe("owner");
      expect(await s.store.listMembers(copy.id)).toHaveLength(1);
      const original = await snapshotOf(board.id);
      const copied = await snapshotOf(copy.id);
      expect(copied.lanes).toEqual(original.lanes);
      expect(copied.milestones).toEqual(original.milestones);
      expect(copied.items).toEqual(original.items);
      expect(value(await s.services.listThreads(people[who], copy.id))).toEqual([]);
      expect(value(await s.services.listVersions(people[who], copy.id)).versions.filter((v) => v.name === "v1")).toEqual([]);
    }
  });

  it("a stranger gets not-found and nothing is written", async () => {
    const before = (await s.store.listBoardsOf(people.stranger)).length;
    expect(await s.services.duplicateBoard(people.stranger, board.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect((await s.store.listBoardsOf(people.stranger)).length).toBe(before);
  });

  it("is rate-limited per person", async () => {
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await s.services.duplicateBoard(people.viewer, board.id));
    expect(results.some((r) => !r.ok && r.error.kind === "too-many")).toBe(true);
  });
});

describe("templates of one's own", () => {
  it("editors and owners save one; it is in their gallery only, builds a board moved to the creation week, and is deletable", async () => {
    await addLiveMilestone(board.id, "Launch", "2020-01-13");
    expect(await s.services.saveAsTemplate(people.viewer, board.id, { name: "Mine" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await s.services.saveAsTemplate(people.commenter, board.id, { name: "Mine" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await s.services.saveAsTemplate(people.stranger, board.id, { name: "Mine" })).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.saveAsTemplate(people.editor, board.id, { name: "" })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await s.services.saveAsTemplate(people.editor, board.id, { name: "x", extra: 1 })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    const saved = value(await s.services.saveAsTemplate(people.editor, board.id, { name: "Quarterly launch" }));
    expect(saved.id).toMatch(/^user:/);
    expect(value(await s.services.templateGallery(people.editor)).own.map((t) => t.name)).toEqual(["Quarterly launch"]);
    expect(value(await s.services.templateGallery(people.owner)).own).toEqual([]);

    // Another person cannot build from it or delete it.
    expect(await s.services.createBoard(people.owner, { title: "Theirs", template: saved.id })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await s.services.deleteTemplate(people.owner, saved.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });

    const source = await snapshotOf(board.id);
    const made = value(await s.services.createBoard(people.editor, { title: "Next quarter", template: saved.id }));
    const snap = await snapshotOf(made.id);
    expect(snap.board.title).toBe("Next quarter");
    expect(snap.lanes.map((l) => l.name)).toEqual(source.lanes.map((l) => l.name));
    // The horizon starts in the creation week, and the milestone keeps its weekday (a Monday).
    expect(snap.board.horizonStart).toBe(mondayOf(new Date()));
    const launch = snap.milestones.find((m) => m.title === "Launch")!;
    expect(new Date(`${launch.date}T00:00:00Z`).getUTCDay()).toBe(1);

    value(await s.services.deleteTemplate(people.editor, saved.id));
    expect(value(await s.services.templateGallery(people.editor)).own).toEqual([]);
    expect(await s.services.createBoard(people.editor, { title: "Gone", template: saved.id })).toMatchObject({ ok: false, error: { kind: "invalid" } });
  });

  it("one person keeps a bounded number", async () => {
    for (let i = 0; i < TEMPLATE_LIMITS.perPerson; i++)
      await s.store.createUserTemplate({ id: `t${i}`, ownerId: people.owner, name: `T${i}`, createdAt: new Date().toISOString(), body: "{}" });
    expect(await s.services.saveAsTemplate(people.owner, board.id, { name: "One more" })).toMatchObject({ ok: false, error: { kind: "conflict" } });
  });
});

describe("calendar feeds", () => {
  it("only owners list, create and revoke them", async () => {
    for (const who of ["editor", "commenter", "viewer"] as const) {
      expect(await s.services.createCalendarFeed(people[who], board.id)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await s.services.listCalendarFeeds(people[who], board.id)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    }
    expect(await s.services.createCalendarFeed(people.stranger, board.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    const feed = value(await s.services.createCalendarFeed(people.owner, board.id));
    expect(await s.services.revokeCalendarFeed(people.editor, board.id, feed.id)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(value(await s.services.listCalendarFeeds(people.owner, board.id))).toEqual([{ id: feed.id, createdAt: feed.createdAt, revokedAt: null }]);
    // The secret is not stored: only its hash.
    expect(JSON.stringify(await s.store.listCalendarFeeds(board.id))).not.toContain(feed.secret);
  });

  it("the secret gives the board's milestones as iCalendar, follows their moves, and stops when revoked", async () => {
    await addLiveMilestone(board.id, "Go-live, city-wide", "2027-06-01");
    const feed = value(await s.services.createCalendarFeed(people.owner, board.id));
    const first = value(await s.services.calendarFeed(feed.secret)).body;
    expect(first).toContain("BEGIN:VCALENDAR");
    expect(first).toContain("SUMMARY:Go-live\\, city-wide");
    expect(first).toContain("DTSTART;VALUE=DATE:20270601");
    const uid = /UID:(.*)\r\n/.exec(first)![1];
    await s.sync.withLiveBoard(board.id, (live) => {
      const m = readSnapshot(live.doc).milestones.find((x) => x.title.startsWith("Go-live"))!;
      const map = (live.doc.getMap("milestones").get(m.id) as Y.Map<unknown>);
      live.doc.transact(() => map.set("date", "2027-06-15"));
    });
    const moved = value(await s.services.calendarFeed(feed.secret)).body;
    expect(moved).toContain("DTSTART;VALUE=DATE:20270615");
    expect(moved).toContain(`UID:${uid}\r\n`);
    value(await s.services.revokeCalendarFeed(people.owner, board.id, feed.id));
    expect(await s.services.calendarFeed(feed.secret)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.calendarFeed("nonsense")).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });

  it("is rate-limited per feed", async () => {
    const feed = value(await s.services.createCalendarFeed(people.owner, board.id));
    const results = [];
    for (let i = 0; i < 15; i++) results.push(await s.services.calendarFeed(feed.secret));
    expect(results.filter((r) => r.ok).length).toBeLessThan(15);
    expect(results.some((r) => !r.ok && r.error.kind === "too-many")).toBe(true);
  });
});
