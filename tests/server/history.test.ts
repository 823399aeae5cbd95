import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BoardId, MilestoneId, UserId } from "../../lib/model/ids";
import { addMilestone, updateMilestone } from "../../lib/model/milestoneCommands";
import { createOrigin } from "../../lib/model/origin";
import { updateBoard } from "../../lib/model/boardCommands";
import type { HistoryEntry } from "../../lib/protocol/history";
import type { Role } from "../../lib/protocol/roles";
import { openSqliteStorage } from "../../server/storage/sqlite/openSqliteStorage";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Object and board history end to end: edits through real websockets, recorded by the real sync
 * server into SQLite, read back through the services the history route calls (roles included).
 */
let s: TestServer;
let board: TestBoard;
let people: Record<"ana" | "ben" | "commenter" | "viewer" | "stranger", UserId>;
const clients: TestClient[] = [];

beforeEach(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "waymark-history-"));
  s = await startTestServer({ dataDir }, openSqliteStorage(join(dataDir, "waymark.sqlite")));
  board = await s.boards.createBoard({ title: "History" });
  const roles: [keyof typeof people, Role | null][] = [
    ["ana", "editor"],
    ["ben", "editor"],
    ["commenter", "commenter"],
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

async function connect(user: UserId): Promise<TestClient> {
  const client = connectClient(s.wsUrl, board.id, { token: s.tokenFor(user, board.id) });
  clients.push(client);
  await client.synced;
  return client;
}
const room = () => s.sync.registry.loaded(board.id)!;
const milestonesJson = (doc: { getMap(name: string): { toJSON(): unknown } }) => JSON.stringify([doc.getMap("milestones").toJSON(), doc.getMap("board").toJSON()]);
async function settle(client: TestClient): Promise<void> {
  await eventually(() => expect(milestonesJson(room().doc)).toBe(milestonesJson(client.doc)));
}
const line = (e: HistoryEntry) => `${e.user.name} ${e.kind} ${e.objectKind} ${e.objectTitle}: ${e.fields.map((f) => `${f.field} ${String(f.before)}→${String(f.after)}`).join(", ")}`;

async function goLive(): Promise<MilestoneId> {
  const ana = await connect(people.ana);
  const origin = createOrigin("local", "ana");
  const id = addMilestone(ana.doc, origin, { title: "Go-live", date: "2030-06-01", kind: "go_live" });
  if (!id.ok) throw new Error(id.error);
  await settle(ana);
  updateMilestone(ana.doc, origin, id.value, { date: "2030-06-15" });
  await settle(ana);
  return id.value;
}

describe("history through the services", () => {
  it("who moved the go-live, and when: the milestone's history names Ana, with the dates before and after", async () => {
    const id = await goLive();
    const asked = await s.services.objectHistory(people.viewer, board.id, { objectId: id, limit: 10 });
    if (!asked.ok) throw new Error(asked.error.message);
    // The history is read right after the edit: the service writes what the room still holds.
    expect(asked.value.entries.map(line)).toEqual([
      "Ana moved milestone Go-live: date 2030-06-01→2030-06-15",
      "Ana added milestone Go-live: date null→2030-06-01, kind null→go_live, title null→Go-live",
    ]);
    expect(asked.value.entries[0]!.user).toEqual({ id: people.ana, name: "Ana" });
  });

  it("a non-member and a missing board get not-found; viewers, commenters, editors and the owner may read", async () => {
    const id = await goLive();
    const stranger = await s.services.objectHistory(people.stranger, board.id, { objectId: id, limit: 10 });
    expect(stranger.ok ? "ok" : stranger.error.kind).toBe("not-found");
    const strangerBoard = await s.services.boardHistory(people.stranger, board.id, { limit: 10 });
    expect(strangerBoard.ok ? "ok" : strangerBoard.error.kind).toBe("not-found");
    const missing = await s.services.objectHistory(people.viewer, "bNoSuchBoard000" as BoardId, { objectId: id, limit: 10 });
    expect(missing.ok ? "ok" : missing.error.kind).toBe("not-found");
    for (const who of [people.viewer, people.commenter, people.ben, board.ownerId]) {
      const asked = await s.services.objectHistory(who, board.id, { objectId: id, limit: 10 });
      expect(asked.ok && asked.value.entries.length).toBeGreaterThan(0);
    }
  });

  it("pages go back through the cursor; the board's history lists every object oldest first", async () => {
    const id = await goLive();
    const ben = await connect(people.ben);
    updateBoard(ben.doc, createOrigin("local", "ben"), { timeScale: "quarters" });
    await settle(ben);
    const first = await s.services.objectHistory(people.viewer, board.id, { objectId: id, limit: 1 });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.entries).toHaveLength(1);
    expect(first.value.next).toBe(first.value.entries[0]!.id);
    const second = await s.services.objectHistory(people.viewer, board.id, { objectId: id, limit: 1, before: Number(first.value.next) });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.entries.map((e) => e.kind)).toEqual(["added"]);
    expect(second.value.next).toBeNull();

    const all = await s.services.boardHistory(people.commenter, board.id, { limit: 10 });
    if (!all.ok) throw new Error(all.error.message);
    expect(all.value.entries.map((e) => `${e.user.name} ${e.kind} ${e.objectKind}`)).toEqual(["Ana added milestone", "Ana moved milestone", "Ben edited board"]);
    expect(all.value.more).toBe(false);
    const limited = await s.services.boardHistory(people.commenter, board.id, { limit: 2 });
    expect(limited.ok && limited.value.more).toBe(true);
    // Times with an offset are the same moments: nothing is after a time in the future.
    const later = await s.services.boardHistory(people.viewer, board.id, { from: "2999-01-01T02:00:00+02:00", limit: 10 });
    expect(later.ok && later.value.entries).toEqual([]);
  });
});
