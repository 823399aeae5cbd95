import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ItemId, LaneId, UserId } from "../../lib/model/ids";
import { createItem, updateItem } from "../../lib/model/itemCommands";
import { addLane } from "../../lib/model/laneCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import type { Role } from "../../lib/protocol/roles";
import { LANE_REFUSED_CLOSE } from "../../lib/protocol/teams";
import { importQuerySchema } from "../../lib/protocol/importExport";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Lane owners and the lane policy end to end (docs/teams.md): the team services the routes call,
 * and the real sync server refusing an editor's direct edit of a lane owned by another team
 * when the board asks editors to propose, with stock y-websocket clients.
 */
let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "platform" | "design" | "commenter" | "viewer" | "stranger", UserId>;
let platformLane: LaneId;
let designLane: LaneId;
let platformItem: ItemId;
let designItem: ItemId;
const clients: TestClient[] = [];
const origin = createOrigin("local", "test");

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } | string }): T {
  if (!result.ok) throw new Error(typeof result.error === "string" ? result.error : result.error.message);
  return result.value;
}

beforeEach(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Teams" });
  people = { owner: board.ownerId } as typeof people;
  const roles: [keyof typeof people, Role | null][] = [
    ["platform", "editor"],
    ["design", "editor"],
    ["commenter", "commenter"],
    ["viewer", "viewer"],
    ["stranger", null],
  ];
  for (const [who, role] of roles) {
    people[who] = await s.createUser(who);
    if (role) await s.store.setRole(board.id, people[who], role);
  }
  await s.sync.withLiveBoard(board.id, (room) => {
    platformLane = value(addLane(room.doc, origin, { name: "Platform" }));
    designLane = value(addLane(room.doc, origin, { name: "Design" }));
    platformItem = value(createItem(room.doc, origin, { title: "API gateway", laneId: platformLane, start: "2030-01-07", duration: 5 }));
    designItem = value(createItem(room.doc, origin, { title: "Journey map", laneId: designLane, start: "2030-01-07", duration: 5 }));
  });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await s.close();
  removeDataDir(s.dataDir);
});

async function connect(user: UserId, boardId: string = board.id): Promise<TestClient & { closes: { code: number; reason: string }[] }> {
  const client = connectClient(s.wsUrl, boardId, { token: s.tokenFor(user, boardId as typeof board.id) });
  const closes: { code: number; reason: string }[] = [];
  client.provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  clients.push(client);
  await client.synced;
  return Object.assign(client, { closes });
}
const titleOf = (doc: Y.Doc, id: string) => readSnapshot(doc).items.find((i) => i.id === id)?.title;
const roomDoc = () => s.sync.registry.loaded(board.id)!.doc;
async function storedTitle(id: string): Promise<string | undefined> {
  const doc = new Y.Doc();
  for (const u of (await s.store.loadUpdates(board.id)).updates) Y.applyUpdate(doc, u);
  return titleOf(doc, id);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the team services", () => {
  it("every member reads the lane owners and the policy; strangers are told the board does not exist", async () => {
    value(await s.services.setLaneOwners(people.owner, board.id, platformLane, { userIds: [people.platform] }));
    for (const who of ["owner", "platform", "design", "commenter", "viewer"] as const) {
      const teams = value(await s.services.getTeams(people[who], board.id));
      expect(teams).toEqual({ policy: "open", laneOwners: { [platformLane]: [{ id: people.platform, name: "platform" }] } });
    }
    const stranger = await s.services.getTeams(people.stranger, board.id);
    expect(stranger.ok ? null : stranger.error.kind).toBe("not-found");
  });

  it("only board owners assign lane owners or set the policy", async () => {
    for (const who of ["platform", "commenter", "viewer"] as const) {
      const assigned = await s.services.setLaneOwners(people[who], board.id, platformLane, { userIds: [people[who]] });
      expect(assigned.ok ? null : assigned.error.kind).toBe("forbidden");
      const policy = await s.services.setLanePolicy(people[who], board.id, { policy: "propose" });
      expect(policy.ok ? null : policy.error.kind).toBe("forbidden");
    }
    const stranger = await s.services.setLanePolicy(people.stranger, board.id, { policy: "propose" });
    expect(stranger.ok ? null : stranger.error.kind).toBe("not-found");
    expect(value(await s.services.getTeams(people.owner, board.id))).toEqual({ policy: "open", laneOwners: {} });
  });

  it("owners must be editors of the board, the lane must be on it, and the input well-formed", async () => {
    const cases: [string, unknown, string][] = [
      [platformLane, { userIds: [people.commenter] }, "invalid"],
      [platformLane, { userIds: [people.stranger] }, "invalid"],
      ["lNotOnTheBoard", { userIds: [people.platform] }, "not-found"],
      ["../etc", { userIds: [] }, "not-found"],
      [platformLane, { userIds: "everyone" }, "invalid"],
      [platformLane, { userIds: Array.from({ length: 21 }, (_, i) => `u${i}`) }, "invalid"],
      [platformLane, { userIds: [], extra: true }, "invalid"],
    ];
    for (const [lane, input, kind] of cases) {
      const result = await s.services.setLaneOwners(people.owner, board.id, lane, input);
      expect(result.ok ? null : result.error.kind, JSON.stringify(input)).toBe(kind);
    }
    const policy = await s.services.setLanePolicy(people.owner, board.id, { policy: "anarchy" });
    expect(policy.ok ? null : policy.error.kind).toBe("invalid");
  });

  it("a lane owner who is downgraded or removed owns nothing any more", async () => {
    value(await s.services.setLaneOwners(people.owner, board.id, platformLane, { userIds: [people.platform, people.design] }));
    await s.store.setRole(board.id, people.design, "viewer");
    await s.store.removeMember(board.id, people.platform);
    expect(value(await s.services.getTeams(people.owner, board.id)).laneOwners).toEqual({});
  });
});

describe("on the socket, when the board asks editors to propose", () => {
  beforeEach(async () => {
    value(await s.services.setLaneOwners(people.owner, board.id, platformLane, { userIds: [people.platform] }));
    value(await s.services.setLanePolicy(people.owner, board.id, { policy: "propose" }));
  });

  it("an editor's direct edit of another team's lane is refused: closed with 4403, never applied, stored or relayed", async () => {
    const watcher = await connect(people.owner);
    const design = await connect(people.design);
    updateItem(design.doc, origin, platformItem, { title: "Taken over" });
    await eventually(() => expect(design.closes.map((c) => c.code)).toContain(LANE_REFUSED_CLOSE));
    expect(design.closes[0]!.reason).toMatch(/Platform/);
    await sleep(200);
    expect(titleOf(roomDoc(), platformItem)).toBe("API gateway");
    expect(titleOf(watcher.doc, platformItem)).toBe("API gateway");
    expect(await storedTitle(platformItem)).toBe("API gateway");
  });

  it("the same editor edits their own lane and lanes without owners; the lane's owner and board owners edit it", async () => {
    const design = await connect(people.design);
    const platform = await connect(people.platform);
    const owner = await connect(people.owner);
    updateItem(design.doc, origin, designItem, { title: "Journey map v2" });
    updateItem(platform.doc, origin, platformItem, { title: "API gateway v2" });
    await eventually(async () => {
      expect(titleOf(roomDoc(), designItem)).toBe("Journey map v2");
      expect(titleOf(roomDoc(), platformItem)).toBe("API gateway v2");
    });
    // Written after the owner's replica has v2, so v3 replaces it rather than racing it.
    await eventually(() => expect(titleOf(owner.doc, platformItem)).toBe("API gateway v2"));
    updateItem(owner.doc, origin, platformItem, { title: "API gateway v3" });
    await eventually(() => expect(titleOf(design.doc, platformItem)).toBe("API gateway v3"));
    expect([...design.closes, ...platform.closes, ...owner.closes].map((c) => c.code)).not.toContain(LANE_REFUSED_CLOSE);
  });

  it("a change of owners reaches an open connection at once", async () => {
    const design = await connect(people.design);
    value(await s.services.setLaneOwners(people.owner, board.id, designLane, { userIds: [people.platform] }));
    await eventually(async () => {
      // The rooms re-read the rules off the request's path; give them the moment they take.
      const teams = value(await s.services.getTeams(people.owner, board.id));
      expect(teams.laneOwners[designLane]).toBeDefined();
    });
    await sleep(50);
    updateItem(design.doc, origin, designItem, { title: "No longer mine" });
    await eventually(() => expect(design.closes.map((c) => c.code)).toContain(LANE_REFUSED_CLOSE));
    expect(titleOf(roomDoc(), designItem)).toBe("Journey map");
  });

  it("under the open policy the same edit goes through, as before lanes had owners", async () => {
    value(await s.services.setLanePolicy(people.owner, board.id, { policy: "open" }));
    await sleep(50);
    const design = await connect(people.design);
    updateItem(design.doc, origin, platformItem, { title: "Helping out" });
    await eventually(() => expect(titleOf(roomDoc(), platformItem)).toBe("Helping out"));
  });
});

describe("server-side writes an editor asks for keep to the same lanes", () => {
  beforeEach(async () => {
    value(await s.services.setLaneOwners(people.owner, board.id, platformLane, { userIds: [people.platform] }));
    value(await s.services.setLanePolicy(people.owner, board.id, { policy: "propose" }));
  });

  it("restoring the whole board is for board owners; single items only in lanes the editor may edit", async () => {
    const version = value(await s.services.createVersion(people.owner, board.id, { name: "Agreed" }));
    const whole = await s.services.restoreVersion(people.design, board.id, version.id, {});
    expect(whole.ok ? null : whole.error.kind).toBe("forbidden");
    const theirs = await s.services.restoreVersion(people.design, board.id, version.id, { itemId: platformItem });
    expect(theirs.ok ? null : theirs.error.kind).toBe("forbidden");
    value(await s.services.restoreVersion(people.design, board.id, version.id, { itemId: designItem }));
    value(await s.services.restoreVersion(people.platform, board.id, version.id, { itemId: platformItem }));
    value(await s.services.restoreVersion(people.owner, board.id, version.id, {}));
  });

  it("importing into the board is for board owners", async () => {
    const csv = ["Title,Lane,Start,Duration", "Sneaked in,Platform,2030-01-07,3"].join("\n");
    const into = (q: Record<string, string>) => importQuerySchema.parse({ format: "csv", into: board.id, ...q });
    const refused = await s.services.importBoard(people.design, into({}), csv);
    expect(refused.ok ? null : refused.error.kind).toBe("forbidden");
    expect(readSnapshot(roomDoc()).items.map((i) => i.title)).not.toContain("Sneaked in");
    value(await s.services.importBoard(people.owner, into({}), csv));
  });
});

describe("in a scenario of the plan (docs/teams.md \"Scenarios\")", () => {
  it("the plan's lane owners and policy hold there too, and are changed only on the plan", async () => {
    value(await s.services.setLaneOwners(people.owner, board.id, platformLane, { userIds: [people.platform] }));
    value(await s.services.setLanePolicy(people.owner, board.id, { policy: "propose" }));
    const scenario = value(await s.services.createScenario(people.design, board.id, { name: "Ship in May" }));
    const scenarioId = scenario.id as typeof board.id;
    expect(value(await s.services.getTeams(people.design, scenarioId))).toEqual(value(await s.services.getTeams(people.design, board.id)));
    const onScenario = await s.services.setLanePolicy(people.owner, scenarioId, { policy: "open" });
    expect(onScenario.ok ? null : onScenario.error.kind).toBe("invalid");

    const design = await connect(people.design, scenarioId);
    updateItem(design.doc, origin, designItem, { title: "Journey map, sooner" });
    await eventually(() => expect(titleOf(s.sync.registry.loaded(scenarioId)!.doc, designItem)).toBe("Journey map, sooner"));
    updateItem(design.doc, origin, platformItem, { title: "Taken over in the what-if" });
    await eventually(() => expect(design.closes.map((c) => c.code)).toContain(LANE_REFUSED_CLOSE));
    expect(titleOf(s.sync.registry.loaded(scenarioId)!.doc, platformItem)).toBe("API gateway");

    // Opening the lane on the plan opens it in the scenario's room at once.
    value(await s.services.setLanePolicy(people.owner, board.id, { policy: "open" }));
    await sleep(100);
    const again = await connect(people.design, scenarioId);
    updateItem(again.doc, origin, platformItem, { title: "Helping out in the what-if" });
    await eventually(() => expect(titleOf(s.sync.registry.loaded(scenarioId)!.doc, platformItem)).toBe("Helping out in the what-if"));
  });
});
