import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newBoardId, type BoardId, type UserId } from "../../lib/model/ids";
import { createItem, updateItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { date } from "../../lib/model/dates";
import type { Role } from "../../lib/protocol/roles";
import { MAX_SCENARIOS_PER_PLAN, type ScenarioView } from "../../lib/protocol/scenarios";
import { applyAdopt } from "../../lib/scenarios/applyAdopt";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Scenarios end to end (docs/teams.md): the services the routes call, the real sync server and
 * SQLite, stock y-websocket clients editing the plan and the scenario meanwhile.
 */
let s: TestServer;
let plan: TestBoard;
let people: Record<"owner" | "editor" | "commenter" | "viewer" | "stranger", UserId>;
const clients: TestClient[] = [];
const ana = createOrigin("local", "ana");
const ben = createOrigin("local", "ben");

beforeEach(async () => {
  s = await startTestServer();
  plan = await s.boards.createBoard({ title: "Plan" });
  people = { owner: plan.ownerId } as typeof people;
  const roles: [keyof typeof people, Role | null][] = [["editor", "editor"], ["commenter", "commenter"], ["viewer", "viewer"], ["stranger", null]];
  for (const [who, role] of roles) {
    people[who] = await s.createUser(who);
    if (role) await s.store.setRole(plan.id, people[who], role);
  }
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await s.close();
  removeDataDir(s.dataDir);
});

async function connect(user: UserId, boardId: BoardId): Promise<TestClient> {
  const client = connectClient(s.wsUrl, boardId, { token: s.tokenFor(user, boardId) });
  clients.push(client);
  await client.synced;
  return client;
}
function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const itemsOf = (doc: Y.Doc) => readSnapshot(doc).items.map((i) => `${i.title}:${i.start}:${i.duration}:${i.status}`).sort();
async function same(doc: Y.Doc, boardId: BoardId) {
  await eventually(() => expect(itemsOf(doc)).toEqual(itemsOf(s.sync.registry.loaded(boardId)!.doc)), 5_000);
}
function item(doc: Y.Doc, title: string, start: string) {
  const made = createItem(doc, ana, { title, start: date(start), duration: 5 });
  if (!made.ok) throw new Error(made.error);
  return made.value;
}
async function fork(who: UserId = people.editor, name = "Faster"): Promise<ScenarioView & { id: BoardId }> {
  const made = value(await s.services.createScenario(who, plan.id, { name, purpose: "What if we ship in May?" }));
  return { ...made, id: made.id as BoardId };
}

describe("scenarios", () => {
  it("a fork starts from an automatic version of the plan; the plan's people edit it live with their plan roles; lists leave it out", async () => {
    const owner = await connect(people.owner, plan.id);
    item(owner.doc, "Pilot", "2030-03-04");
    await same(owner.doc, plan.id);
    const scenario = await fork();
    expect(scenario).toMatchObject({ planId: plan.id, name: "Faster", purpose: "What if we ship in May?", state: "active", createdByName: "editor" });
    const versions = value(await s.services.listVersions(people.owner, plan.id)).versions;
    expect(versions.find((v) => v.id === scenario.baseVersionId)).toMatchObject({ reason: "scenario", authorId: people.editor });

    const opened = value(await s.services.openBoard({ kind: "user", userId: people.viewer, name: "", email: "" }, scenario.id));
    expect(opened.role).toBe("viewer");
    expect(opened.scenario).toMatchObject({ id: scenario.id, planId: plan.id, name: "Faster" });
    expect(await s.services.openBoard({ kind: "user", userId: people.stranger, name: "", email: "" }, scenario.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });

    // Two editors in the scenario's own room; the plan does not move.
    const a = await connect(people.editor, scenario.id);
    const b = await connect(people.owner, scenario.id);
    expect(itemsOf(a.doc)).toEqual(itemsOf(owner.doc));
    const pilot = readSnapshot(a.doc).items[0]!.id;
    updateItem(a.doc, ana, pilot, { duration: 9 });
    item(b.doc, "Spike", "2030-05-03");
    await eventually(() => expect(itemsOf(a.doc)).toEqual(itemsOf(b.doc)), 5_000);
    expect(itemsOf(a.doc)).toHaveLength(2);
    expect(itemsOf(owner.doc)).toEqual(["Pilot:2030-03-04:5:planned"]);

    expect((await s.services.listBoards(people.editor)).map((x) => x.id)).toEqual([plan.id]);
    expect(value(await s.services.listScenarios(people.viewer, plan.id)).scenarios.map((x) => x.id)).toEqual([scenario.id]);
    // Members are the plan's; members, invitations and share links are not managed on a scenario.
    expect(value(await s.services.listMembers(people.viewer, scenario.id)).members).toHaveLength(5 - 1);
    expect(await s.services.createShareLink(people.owner, scenario.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.changeRole(people.owner, scenario.id, people.viewer, "editor")).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.invite(people.owner, scenario.id, { email: "x@test.dev", role: "editor" })).toMatchObject({ ok: false, error: { kind: "not-found" } });
    // Nor public calendar feeds: like a share link, a feed would show the scenario outside the plan's
    // people, and once the scenario is archived (owners read-only) nobody could revoke it.
    expect(await s.services.createCalendarFeed(people.owner, scenario.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.listCalendarFeeds(people.owner, scenario.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    // A scenario has no scenarios.
    expect(await s.services.createScenario(people.owner, scenario.id, { name: "Nested" })).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });

  it("the fork's version cannot be deleted, even once named: compare and adopt stand on it", async () => {
    const scenario = await fork();
    value(await s.services.updateVersion(people.owner, plan.id, scenario.baseVersionId, { name: "Before the fork" }));
    expect(await s.services.deleteVersion(people.owner, plan.id, scenario.baseVersionId)).toMatchObject({ ok: false, error: { kind: "conflict" } });
    value(await s.services.compareScenario(people.viewer, plan.id, scenario.id));
    // Once the scenario is discarded, it is a named version like any other.
    value(await s.services.discardScenario(people.owner, plan.id, scenario.id));
    value(await s.services.deleteVersion(people.owner, plan.id, scenario.baseVersionId));
  });

  it("share-link guests of the plan do not open its scenarios, by token or socket", async () => {
    const scenario = await fork();
    const link = value(await s.services.createShareLink(people.owner, plan.id));
    const guest = { kind: "guest" as const, shareLinkId: link.id, name: "Guest" };
    expect((await s.services.openBoard(guest, plan.id)).ok).toBe(true);
    expect(await s.services.openBoard(guest, scenario.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.mintSyncToken(guest, scenario.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });

  it("commenters and viewers read but do not fork, change, discard or adopt; strangers see nothing; bad input changes nothing", async () => {
    const scenario = await fork();
    for (const who of ["commenter", "viewer"] as const) {
      const actor = people[who];
      expect((await s.services.listScenarios(actor, plan.id)).ok).toBe(true);
      expect((await s.services.compareScenario(actor, plan.id, scenario.id)).ok).toBe(true);
      expect(await s.services.createScenario(actor, plan.id, { name: "Mine" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await s.services.updateScenario(actor, plan.id, scenario.id, { name: "Mine" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await s.services.discardScenario(actor, plan.id, scenario.id)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await s.services.adoptScenario(actor, plan.id, scenario.id, { all: true })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    }
    const stranger = people.stranger;
    expect(await s.services.listScenarios(stranger, plan.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.compareScenario(stranger, plan.id, scenario.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.adoptScenario(stranger, plan.id, scenario.id, { all: true })).toMatchObject({ ok: false, error: { kind: "not-found" } });
    // A scenario of another plan is not this plan's, even to that plan's owner.
    const other = await s.boards.createBoard({ title: "Other" });
    const theirs = { id: value(await s.services.createScenario(other.ownerId, other.id, { name: "Theirs" })).id as BoardId };
    expect(await s.services.compareScenario(people.owner, plan.id, theirs.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.discardScenario(people.owner, plan.id, theirs.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    expect(await s.services.discardScenario(other.ownerId, plan.id, scenario.id)).toMatchObject({ ok: false, error: { kind: "not-found" } });
    // Bad input.
    for (const input of [{}, { name: "" }, { name: "x".repeat(121) }, { name: "ok", extra: 1 }, null, "name"])
      expect(await s.services.createScenario(people.editor, plan.id, input)).toMatchObject({ ok: false, error: { kind: "invalid" } });
    for (const input of [{}, { state: "adopted" }, { name: 3 }])
      expect(await s.services.updateScenario(people.editor, plan.id, scenario.id, input)).toMatchObject({ ok: false, error: { kind: "invalid" } });
    for (const input of [{}, { changeIds: [] }, { all: "yes" }, { changeIds: ["x".repeat(201)] }])
      expect(await s.services.adoptScenario(people.editor, plan.id, scenario.id, input)).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(value(await s.services.listScenarios(people.owner, plan.id)).scenarios.map((x) => x.name)).toEqual(["Faster"]);
  });

  it("compares side by side and adopts part of the scenario while the plan is edited: the plan keeps its own edits, one version first", async () => {
    const owner = await connect(people.owner, plan.id);
    const pilot = item(owner.doc, "Pilot", "2030-03-04");
    const build = item(owner.doc, "Build", "2030-04-01");
    await same(owner.doc, plan.id);
    const scenario = await fork();
    const editor = await connect(people.editor, scenario.id);
    updateItem(editor.doc, ben, pilot, { duration: 12 });
    updateItem(editor.doc, ben, build, { start: date("2030-06-03") });
    await same(editor.doc, scenario.id);
    // The plan moves on meanwhile: another field of Pilot, and Build's start too.
    updateItem(owner.doc, ana, pilot, { status: "in_progress" });
    updateItem(owner.doc, ana, build, { start: date("2030-04-15") });
    await same(owner.doc, plan.id);

    const compared = value(await s.services.compareScenario(people.viewer, plan.id, scenario.id));
    expect(compared.changes.map((c) => [c.id, c.fields, c.planAlsoChanged])).toEqual(
      [
        [`item:${pilot}`, ["duration"], []],
        [`item:${build}`, ["start"], ["start"]],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
    expect(compared.plan.boardFinish).not.toEqual(compared.what.boardFinish);

    const adopted = value(await s.services.adoptScenario(people.editor, plan.id, scenario.id, { changeIds: [`item:${pilot}`] }));
    expect(adopted).toMatchObject({ applied: true, taken: [`item:${pilot}`], leftOut: [], writes: null, scenario: { state: "active" } });
    await eventually(() => {
      const p = readSnapshot(owner.doc).items.find((i) => i.id === pilot)!;
      expect([p.duration, p.status]).toEqual([12, "in_progress"]);
    }, 5_000);
    expect(readSnapshot(owner.doc).items.find((i) => i.id === build)!.start).toBe("2030-04-15");
    const backup = value(await s.services.listVersions(people.owner, plan.id)).versions.find((v) => v.id === adopted.backupVersionId);
    expect(backup).toMatchObject({ reason: "scenario", authorId: people.editor });

    // The rest: everything now, and the scenario is adopted, read-only (the editor comments at most).
    const rest = value(await s.services.adoptScenario(people.editor, plan.id, scenario.id, { all: true }));
    expect(rest.scenario.state).toBe("adopted");
    await eventually(() => expect(readSnapshot(owner.doc).items.find((i) => i.id === build)!.start).toBe("2030-06-03"), 5_000);
    expect(await s.store.roleOf(scenario.id, people.editor)).toBe("commenter");
    await eventually(() => expect(s.sync.registry.loaded(scenario.id)!.connectedPeers()[0]!.access.role).toBe("commenter"), 5_000);
    expect(await s.services.adoptScenario(people.editor, plan.id, scenario.id, { all: true })).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(await s.services.updateScenario(people.editor, plan.id, scenario.id, { state: "active" })).toMatchObject({ ok: false, error: { kind: "conflict" } });
  });

  it("apply: false hands the writes to the adopter's client; changes to lanes owned by others are left out and listed", async () => {
    const owner = await connect(people.owner, plan.id);
    const snap = readSnapshot(owner.doc);
    const [laneA, laneB] = snap.lanes.map((l) => l.id);
    const mine = createItem(owner.doc, ana, { title: "Mine", laneId: laneA!, start: date("2030-03-04"), duration: 5 });
    const theirs = createItem(owner.doc, ana, { title: "Theirs", laneId: laneB!, start: date("2030-03-04"), duration: 5 });
    if (!mine.ok || !theirs.ok) throw new Error("items");
    await same(owner.doc, plan.id);
    await s.store.setLanePolicy(plan.id, "propose");
    await s.store.setLaneOwners(plan.id, laneB!, [people.owner]);
    const scenario = await fork();
    const editor = await connect(people.editor, scenario.id);
    updateItem(editor.doc, ben, mine.value, { duration: 7 });
    await same(editor.doc, scenario.id);
    // The plan's lane owners hold in the scenario's room too: the lane's owner changes their own item there.
    const laneOwner = await connect(people.owner, scenario.id);
    updateItem(laneOwner.doc, ben, theirs.value, { duration: 7 });
    await same(laneOwner.doc, scenario.id);
    await same(editor.doc, scenario.id);

    const planClient = await connect(people.editor, plan.id);
    const outcome = value(await s.services.adoptScenario(people.editor, plan.id, scenario.id, { all: true, apply: false }));
    expect(outcome).toMatchObject({ applied: false, taken: [`item:${mine.value}`], scenario: { state: "active" } });
    expect(outcome.leftOut).toEqual([{ id: `item:${theirs.value}`, reason: "needs-lane-owners", laneIds: [laneB] }]);
    expect(readSnapshot(owner.doc).items.find((i) => i.id === mine.value)!.duration).toBe(5);
    applyAdopt(planClient.doc, outcome.writes!, ben);
    await eventually(() => expect(readSnapshot(owner.doc).items.find((i) => i.id === mine.value)!.duration).toBe(7), 5_000);
    expect(readSnapshot(owner.doc).items.find((i) => i.id === theirs.value)!.duration).toBe(5);
    // The lane's owner takes the rest.
    const rest = value(await s.services.adoptScenario(people.owner, plan.id, scenario.id, { all: true }));
    expect(rest.leftOut).toEqual([]);
    expect(rest.scenario.state).toBe("adopted");
  });

  it("archive makes it read-only for everyone connected, reopen gives editing back; discard closes its room and deletes it; the cap holds", async () => {
    const scenario = await fork();
    const editor = await connect(people.editor, scenario.id);
    const room = () => s.sync.registry.loaded(scenario.id)!;
    value(await s.services.updateScenario(people.editor, plan.id, scenario.id, { state: "archived", name: "Faster (parked)" }));
    await eventually(() => expect(room().connectedPeers()[0]!.access.role).toBe("commenter"), 5_000);
    value(await s.services.updateScenario(people.owner, plan.id, scenario.id, { state: "active" }));
    await eventually(() => expect(room().connectedPeers()[0]!.access.role).toBe("editor"), 5_000);

    const closed = new Promise<number>((resolve) => editor.provider.ws?.addEventListener("close", (e) => resolve(e.code)));
    value(await s.services.discardScenario(people.editor, plan.id, scenario.id));
    expect(await closed).toBeGreaterThanOrEqual(4000);
    expect(await s.store.getBoard(scenario.id)).toBeNull();
    expect(value(await s.services.listScenarios(people.owner, plan.id)).scenarios).toEqual([]);

    for (let i = 0; i < MAX_SCENARIOS_PER_PLAN; i++)
      await s.store.createScenario(
        { id: newBoardId(), planId: plan.id, name: `s${i}`, purpose: null, baseVersionId: scenario.baseVersionId, createdBy: people.owner },
        "Plan",
        new Uint8Array([0, 0]),
        MAX_SCENARIOS_PER_PLAN,
      );
    expect(await s.services.createScenario(people.owner, plan.id, { name: "One more" })).toMatchObject({ ok: false, error: { kind: "conflict" } });
  });

  it("deleting the plan deletes its scenarios and closes their rooms; a member removed from the plan leaves its scenarios", async () => {
    const scenario = await fork();
    const viewer = await connect(people.viewer, scenario.id);
    const closed = new Promise<number>((resolve) => viewer.provider.ws?.addEventListener("close", (e) => resolve(e.code)));
    value(await s.services.removeMember(people.owner, plan.id, people.viewer));
    expect(await closed).toBe(4403);
    const editor = await connect(people.editor, scenario.id);
    const gone = new Promise<number>((resolve) => editor.provider.ws?.addEventListener("close", (e) => resolve(e.code)));
    value(await s.services.deleteBoard(people.owner, plan.id));
    expect(await gone).toBeGreaterThanOrEqual(4000);
    expect(await s.store.getScenario(scenario.id)).toBeNull();
  });
});
