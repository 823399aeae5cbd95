import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BoardId, UserId } from "../../lib/model/ids";
import { readSnapshot } from "../../lib/model/snapshot";
import { importQuerySchema, type ImportQuery } from "../../lib/protocol/importExport";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Import and export through the services the routes call, on the real server: what each role
 * may do, that a refused file writes nothing, that an import into a live board is one change
 * everyone sees (after an automatic version), and the round trips.
 */
let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "editor" | "viewer" | "stranger", UserId>;
const clients: TestClient[] = [];

beforeEach(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Imports" });
  people = { owner: board.ownerId } as typeof people;
  for (const [who, role] of [["editor", "editor"], ["viewer", "viewer"], ["stranger", null]] as const) {
    people[who] = await s.createUser(who);
    if (role) await s.store.setRole(board.id, people[who], role);
  }
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await s.close();
  removeDataDir(s.dataDir);
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const query = (q: Record<string, string>): ImportQuery => importQuerySchema.parse(q);
async function liveDoc(): Promise<Y.Doc> {
  return s.sync.withLiveBoard(board.id, (live) => live.doc);
}
const CSV = ["Title,Lane,Start,Duration,ID,Predecessors", "Discovery,Research,2027-01-04,5,A,", "Prototype,Design,,3,B,A+1", "Pilot,Design,,10,C,B"].join("\n");

describe("export", () => {
  it("every member exports the board as CSV, Waymark JSON and MS Project XML; strangers get not-found", async () => {
    for (const format of ["csv", "json", "mspdi", "ics"] as const) {
      const file = value(await s.services.exportBoard(people.viewer, board.id, format));
      expect(file.filename).toMatch(/^Imports\./);
      expect(file.body.length).toBeGreaterThan(100);
    }
    expect(value(await s.services.exportBoard(people.viewer, board.id, "csv")).body.startsWith("\uFEFFID,Title")).toBe(true);
    expect(value(await s.services.exportBoard(people.viewer, board.id, "ics")).body).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(await s.services.exportBoard(people.stranger, board.id, "json")).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });

  it("JSON export → import gives a new board with the same records", async () => {
    const json = value(await s.services.exportBoard(people.owner, board.id, "json")).body;
    const outcome = value(await s.services.importBoard(people.editor, query({ format: "json" }), json));
    expect(outcome).toMatchObject({ written: true, errors: [] });
    const copy = await s.store.loadUpdates(outcome.boardId as BoardId);
    const doc = new Y.Doc();
    for (const u of copy.updates) Y.applyUpdate(doc, u);
    const original = readSnapshot(s.sync.registry.loaded(board.id)?.doc ?? doc);
    expect(readSnapshot(doc).lanes).toEqual(original.lanes);
    expect(readSnapshot(doc).phases).toEqual(original.phases);
    // The importer owns the new board.
    expect(await s.store.roleOf(outcome.boardId as BoardId, people.editor)).toBe("owner");
  });
});

describe("import", () => {
  it("a CSV becomes a new board; a dry run writes nothing", async () => {
    const before = (await s.store.listBoardsOf(people.editor)).length;
    const dry = value(await s.services.importBoard(people.editor, query({ format: "csv", dryRun: "1" }), CSV));
    expect(dry).toMatchObject({ written: false, boardId: null, counts: { items: 3, lanes: 2, dependencies: 2 }, errors: [] });
    expect((await s.store.listBoardsOf(people.editor)).length).toBe(before);
    const done = value(await s.services.importBoard(people.editor, query({ format: "csv", title: "From a sheet" }), CSV));
    expect(done).toMatchObject({ written: true, counts: { items: 3 } });
    const boards = await s.store.listBoardsOf(people.editor);
    expect(boards.find((b) => b.id === done.boardId)?.title).toBe("From a sheet");
  });

  it("a file with any bad row is refused whole, with each row's problem, and writes nothing", async () => {
    const bad = CSV + "\nLaunch,Design,31/02/2027,2,D,\nReview,Design,,x,E,Z";
    const before = (await s.store.listBoardsOf(people.editor)).length;
    const outcome = value(await s.services.importBoard(people.editor, query({ format: "csv" }), bad));
    expect(outcome.written).toBe(false);
    expect(outcome.errors).toEqual([
      { row: 5, message: "Start 31/02/2027 is not a date" },
      { row: 6, message: "Duration x is not a number of days or weeks" },
      { row: 6, message: "Predecessor Z is not the ID of any row" },
    ]);
    expect((await s.store.listBoardsOf(people.editor)).length).toBe(before);
    const xmlBomb = `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><Project><Tasks><Task><Name>&b;</Name></Task></Tasks></Project>`;
    expect(value(await s.services.importBoard(people.editor, query({ format: "mspdi" }), xmlBomb)).errors[0]!.message).toContain("DOCTYPE");
    expect(value(await s.services.importBoard(people.editor, query({ format: "json" }), "{ not json")).errors[0]!.message).toContain("not JSON");
  });

  it("into an existing board: editors and owners only; an automatic version first; one change every client sees", async () => {
    expect(await s.services.importBoard(people.viewer, query({ format: "csv", into: board.id }), CSV)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await s.services.importBoard(people.stranger, query({ format: "csv", into: board.id }), CSV)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    const client = connectClient(s.wsUrl, board.id, { token: s.tokenFor(people.viewer, board.id) });
    clients.push(client);
    await client.synced;
    const itemsBefore = readSnapshot(client.doc).items.length;
    let updates = 0;
    client.doc.on("update", () => updates++);
    const outcome = value(await s.services.importBoard(people.editor, query({ format: "csv", into: board.id }), CSV));
    expect(outcome).toMatchObject({ written: true, boardId: board.id, counts: { items: 3 } });
    await eventually(() => expect(readSnapshot(client.doc).items.length).toBe(itemsBefore + 3));
    expect(updates).toBe(1);
    const versions = value(await s.services.listVersions(people.owner, board.id)).versions;
    expect(versions.find((v) => v.id === outcome.versionId)).toMatchObject({ kind: "auto", reason: "import" });
    // The board's lanes named like the file's are reused, not duplicated.
    const lanes = readSnapshot(client.doc).lanes.map((l) => l.name);
    expect(new Set(lanes).size).toBe(lanes.length);
  });

  it("with apply=0 the server takes the version and hands the checked file back, writing nothing itself", async () => {
    const before = readSnapshot(await liveDoc()).items.length;
    const outcome = value(await s.services.importBoard(people.editor, query({ format: "csv", into: board.id, apply: "0" }), CSV));
    expect(outcome).toMatchObject({ written: false, boardId: board.id, counts: { items: 3 } });
    expect(outcome.file?.items.map((i) => i.title)).toEqual(["Discovery", "Prototype", "Pilot"]);
    expect(value(await s.services.listVersions(people.owner, board.id)).versions.find((v) => v.id === outcome.versionId)).toMatchObject({ reason: "import" });
    expect(readSnapshot(await liveDoc()).items.length).toBe(before);
    expect(await s.services.importBoard(people.viewer, query({ format: "csv", into: board.id, apply: "0" }), CSV)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
  });

  it("a person importing in a loop is told to wait", async () => {
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await s.services.importBoard(people.editor, query({ format: "csv", dryRun: "1" }), CSV));
    expect(answers.filter((a) => !a.ok && a.error.kind === "too-many").length).toBeGreaterThan(0);
  });
});
