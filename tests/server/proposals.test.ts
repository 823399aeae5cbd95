import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ItemId, LaneId, UserId } from "../../lib/model/ids";
import { createItem, updateItem } from "../../lib/model/itemCommands";
import { addLane } from "../../lib/model/laneCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { MAX_OPEN_PROPOSALS_PER_PERSON, type ProposalView } from "../../lib/protocol/proposals";
import type { Role } from "../../lib/protocol/roles";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Proposals (docs/teams.md "Proposals") through the services the routes call, on the real
 * server: who proposes and answers, the checks against the live board, accepting as one write
 * attributed to both people, stale proposals, the threads and the inbox.
 */
let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "platform" | "design" | "commenter" | "viewer" | "stranger", UserId>;
let platformLane: LaneId;
let designLane: LaneId;
let platformItem: ItemId;
const origin = createOrigin("local", "test");

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } | string }): T {
  if (!result.ok) throw new Error(typeof result.error === "string" ? result.error : result.error.message);
  return result.value;
}
const kindOf = (r: { ok: boolean; error?: { kind: string } }) => (r.ok ? "ok" : r.error!.kind);
const roomDoc = () => s.sync.registry.loaded(board.id)!.doc;
const item = (id: string) => readSnapshot(roomDoc()).items.find((i) => i.id === id);
const move = (start: string, reason = "The audit moved") => ({ change: { kind: "change", itemId: platformItem, fields: { start } }, reason });

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
  });
  value(await s.services.setLaneOwners(people.owner, board.id, platformLane, { userIds: [people.platform] }));
  value(await s.services.setLanePolicy(people.owner, board.id, { policy: "propose" }));
});
afterEach(async () => {
  await s.close();
  removeDataDir(s.dataDir);
});

describe("proposing", () => {
  it("commenters and editors propose; viewers may not; strangers are told the board does not exist", async () => {
    const byDesign = value(await s.services.createProposal(people.design, board.id, move("2030-01-14")));
    expect(byDesign).toMatchObject({ laneId: platformLane, itemId: platformItem, state: "open", authorName: "design", base: { exists: true, start: "2030-01-07" }, stale: false });
    value(await s.services.createProposal(people.commenter, board.id, move("2030-01-21")));
    expect(kindOf(await s.services.createProposal(people.viewer, board.id, move("2030-01-28")))).toBe("forbidden");
    expect(kindOf(await s.services.createProposal(people.stranger, board.id, move("2030-01-28")))).toBe("not-found");
    expect(kindOf(await s.services.listProposals(people.stranger, board.id, {}))).toBe("not-found");
    // Everyone on the board sees them; who may answer is the lane's business.
    const asViewer = value(await s.services.listProposals(people.viewer, board.id, {})).proposals;
    expect(asViewer.map((p) => [p.authorName, p.mayAnswer])).toEqual([["design", false], ["commenter", false]]);
    const asPlatform = value(await s.services.listProposals(people.platform, board.id, {})).proposals;
    expect(asPlatform.map((p) => p.mayAnswer)).toEqual([true, true]);
    const asDesign = value(await s.services.listProposals(people.design, board.id, {})).proposals;
    expect(asDesign.map((p) => p.mayAnswer)).toEqual([false, false]);
    expect(item(platformItem)!.start).toBe("2030-01-07");
  });

  it("is checked against the live board: the item, the lane and phase it names, a real change, the input's shape", async () => {
    const cases: [unknown, string][] = [
      [{ change: { kind: "change", itemId: "iNotHere", fields: { start: "2030-01-14" } }, reason: "x" }, "not-found"],
      [{ change: { kind: "change", itemId: platformItem, fields: { laneId: "lNotHere" } }, reason: "x" }, "not-found"],
      [{ change: { kind: "change", itemId: platformItem, fields: { phaseId: "pNotHere" } }, reason: "x" }, "not-found"],
      [{ change: { kind: "create", laneId: "lNotHere", item: { title: "New" } }, reason: "x" }, "not-found"],
      [{ change: { kind: "remove", itemId: "iNotHere" }, reason: "x" }, "not-found"],
      [move("2030-01-07"), "invalid"],
      [{ change: { kind: "change", itemId: platformItem, fields: {} }, reason: "x" }, "invalid"],
      [{ change: { kind: "change", itemId: platformItem, fields: { start: "2030-01-14" } }, reason: "  " }, "invalid"],
      [{ change: { kind: "change", itemId: platformItem, fields: { start: "2030-01-14", owners: ["me"] } }, reason: "x" }, "invalid"],
      [{ change: { kind: "rename-board" }, reason: "x" }, "invalid"],
      [{ change: { kind: "change", itemId: platformItem, fields: { start: "2030-01-14" } }, reason: "x".repeat(2_001) }, "invalid"],
      ["junk", "invalid"],
    ];
    for (const [input, kind] of cases) expect(kindOf(await s.services.createProposal(people.design, board.id, input)), JSON.stringify(input).slice(0, 120)).toBe(kind);
    expect(value(await s.services.listProposals(people.owner, board.id, { state: "all" })).proposals).toEqual([]);
    expect(kindOf(await s.services.listProposals(people.owner, board.id, { state: "closed" }))).toBe("invalid");
  });

  it("holds the per-person cap, and a person's pace", async () => {
    for (let i = 0; i < MAX_OPEN_PROPOSALS_PER_PERSON; i++) {
      await s.store.createProposal(
        {
          ...(await s.store.listProposals(board.id, "all"))[0],
          id: `pr-seed${i}`,
          boardId: board.id,
          laneId: platformLane,
          itemId: platformItem,
          change: { kind: "remove", itemId: platformItem },
          base: { exists: true },
          reason: "seed",
          authorId: people.commenter,
          createdAt: new Date().toISOString(),
          state: "open",
          answeredBy: null,
          answeredAt: null,
          answerNote: null,
          counterOf: null,
          threadId: null,
          appliedItemId: null,
        },
        { board: 500, person: 500 },
      );
    }
    expect(kindOf(await s.services.createProposal(people.commenter, board.id, move("2030-01-14")))).toBe("too-many");
    const results = [];
    for (let i = 0; i < 20; i++) results.push(kindOf(await s.services.createProposal(people.design, board.id, move(`2030-02-${String(i + 1).padStart(2, "0")}`))));
    expect(results).toContain("too-many");
  });

  it("starts a thread on the item, the proposal its first comment, in the inbox of the lane's owners (the board's owners when it has none)", async () => {
    const p = value(await s.services.createProposal(people.design, board.id, move("2030-01-14", "Design needs it later")));
    const inbox = await s.services.inbox(people.platform);
    expect(inbox.notifications.map((n) => [n.kind, n.threadId, n.anchor])).toEqual([["proposal", p.threadId, { kind: "item", id: platformItem }]]);
    expect(inbox.notifications[0]!.excerpt).toMatch(/start 2030-01-14.*Design needs it later/);
    expect((await s.services.inbox(people.owner)).notifications).toEqual([]);
    const created = value(await s.services.createProposal(people.commenter, board.id, { change: { kind: "create", laneId: designLane, item: { title: "Tokens" } }, reason: "We need it" }));
    expect(created.itemId).toBeNull();
    const ownerInbox = await s.services.inbox(people.owner);
    expect(ownerInbox.notifications.map((n) => [n.kind, n.anchor.kind])).toEqual([["proposal", "board"]]);
  });
});

describe("answering", () => {
  let proposal: ProposalView;
  beforeEach(async () => {
    proposal = value(await s.services.createProposal(people.design, board.id, move("2030-01-14")));
  });

  it("only the lane's answerers accept, decline or counter; the author withdraws; junk and other boards' ids are not found", async () => {
    for (const who of ["design", "commenter", "viewer"] as const) {
      expect(kindOf(await s.services.acceptProposal(people[who], board.id, proposal.id, {}))).toBe("forbidden");
      expect(kindOf(await s.services.declineProposal(people[who], board.id, proposal.id, { note: "no" }))).toBe("forbidden");
      expect(kindOf(await s.services.counterProposal(people[who], board.id, proposal.id, move("2030-01-21")))).toBe("forbidden");
    }
    expect(kindOf(await s.services.acceptProposal(people.stranger, board.id, proposal.id, {}))).toBe("not-found");
    expect(kindOf(await s.services.withdrawProposal(people.platform, board.id, proposal.id))).toBe("forbidden");
    expect(kindOf(await s.services.acceptProposal(people.platform, board.id, "pr-nothing", {}))).toBe("not-found");
    expect(kindOf(await s.services.acceptProposal(people.platform, board.id, "../etc", {}))).toBe("not-found");
    const other = await s.boards.createBoard({ title: "Other" });
    await s.store.setRole(other.id, people.platform, "owner");
    expect(kindOf(await s.services.acceptProposal(people.platform, other.id, proposal.id, {}))).toBe("not-found");
    expect(kindOf(await s.services.declineProposal(people.platform, board.id, proposal.id, { note: " " }))).toBe("invalid");
    expect(kindOf(await s.services.acceptProposal(people.platform, board.id, proposal.id, { acknowledgeStale: "yes" }))).toBe("invalid");
    expect(item(platformItem)!.start).toBe("2030-01-07");
  });

  it("accepting applies it on the server as one change, in history as the accepter's on the author's proposal; a second answer is a conflict", async () => {
    const before = Y.encodeStateVector(roomDoc());
    const accepted = value(await s.services.acceptProposal(people.platform, board.id, proposal.id, { note: "Fine by us" }));
    expect(accepted.proposal).toMatchObject({ state: "accepted", answer: { byId: people.platform, note: "Fine by us" }, mayAnswer: false });
    expect(item(platformItem)!.start).toBe("2030-01-14");
    expect(Y.encodeStateVector(roomDoc())).not.toEqual(before);
    expect(kindOf(await s.services.acceptProposal(people.owner, board.id, proposal.id, {}))).toBe("conflict");
    expect(kindOf(await s.services.declineProposal(people.owner, board.id, proposal.id, { note: "late" }))).toBe("conflict");
    expect(kindOf(await s.services.withdrawProposal(people.design, board.id, proposal.id))).toBe("conflict");
    const history = value(await s.services.objectHistory(people.viewer, board.id, { objectId: platformItem, limit: 10 }));
    expect(history.entries[0]).toMatchObject({ user: { id: people.platform }, proposedBy: { id: people.design, name: "design" }, kind: "moved" });
    expect(history.entries[0]!.fields.map((f) => f.field)).toEqual(["start"]);
    // The author hears of it: a reply in the proposal's thread.
    const inbox = await s.services.inbox(people.design);
    expect(inbox.notifications.map((n) => [n.kind, n.threadId])).toEqual([["reply", proposal.threadId]]);
    expect(value(await s.services.listProposals(people.owner, board.id, {})).proposals).toEqual([]);
    expect(value(await s.services.listProposals(people.owner, board.id, { state: "all" })).proposals.map((p) => p.state)).toEqual(["accepted"]);
  });

  it("two accepts at once: one applies, the other is told it was answered", async () => {
    const both = await Promise.all([
      s.services.acceptProposal(people.platform, board.id, proposal.id, {}),
      s.services.acceptProposal(people.owner, board.id, proposal.id, {}),
    ]);
    expect(both.map(kindOf).sort()).toEqual(["conflict", "ok"]);
  });

  it("a stale proposal shows before, now and proposed, and is accepted only when acknowledged", async () => {
    await s.sync.withLiveBoard(board.id, (room) => value(updateItem(room.doc, origin, platformItem, { start: "2030-01-08" })));
    const listed = value(await s.services.listProposals(people.platform, board.id, {})).proposals[0]!;
    expect(listed).toMatchObject({ stale: true, base: { start: "2030-01-07" }, now: { start: "2030-01-08" }, change: { fields: { start: "2030-01-14" } } });
    expect(kindOf(await s.services.acceptProposal(people.platform, board.id, proposal.id, {}))).toBe("conflict");
    expect(item(platformItem)!.start).toBe("2030-01-08");
    value(await s.services.acceptProposal(people.platform, board.id, proposal.id, { acknowledgeStale: true }));
    expect(item(platformItem)!.start).toBe("2030-01-14");
  });

  it("an item gone since cannot be accepted: decline it", async () => {
    await s.sync.withLiveBoard(board.id, (room) => room.doc.getMap("items").delete(platformItem));
    expect(value(await s.services.listProposals(people.platform, board.id, {})).proposals[0]).toMatchObject({ stale: true, now: { exists: false } });
    expect(kindOf(await s.services.acceptProposal(people.platform, board.id, proposal.id, { acknowledgeStale: true }))).toBe("conflict");
    value(await s.services.declineProposal(people.platform, board.id, proposal.id, { note: "It is gone" }));
  });

  it("declining keeps the note and tells the author; nothing changes on the board", async () => {
    const declined = value(await s.services.declineProposal(people.platform, board.id, proposal.id, { note: "The gateway cannot wait" }));
    expect(declined.proposal).toMatchObject({ state: "declined", answer: { byName: "platform", note: "The gateway cannot wait" } });
    expect(item(platformItem)!.start).toBe("2030-01-07");
    const thread = value(await s.services.listThreads(people.design, board.id)).find((t) => t.id === proposal.threadId)!;
    expect(thread.comments.map((c) => c.author.id)).toEqual([people.design, people.platform]);
    expect((await s.services.inbox(people.design)).notifications.map((n) => n.kind)).toEqual(["reply"]);
  });

  it("countering makes a new open proposal from the answerer, linked to the first (marked countered), in the same thread", async () => {
    const counter = value(await s.services.counterProposal(people.platform, board.id, proposal.id, move("2030-01-10", "We can do the 10th")));
    expect(counter.proposal).toMatchObject({ state: "open", counterOf: proposal.id, authorId: people.platform, threadId: proposal.threadId, change: { fields: { start: "2030-01-10" } } });
    const all = value(await s.services.listProposals(people.design, board.id, { state: "all" })).proposals;
    expect(all.map((p) => [p.id, p.state])).toEqual([[counter.proposal.id, "open"], [proposal.id, "countered"]]);
    expect(kindOf(await s.services.counterProposal(people.platform, board.id, proposal.id, move("2030-01-11")))).toBe("conflict");
    expect((await s.services.inbox(people.design)).notifications.map((n) => n.kind)).toEqual(["reply"]);
    // The first author may take the counter back to the lane; its answerers accept it.
    value(await s.services.acceptProposal(people.owner, board.id, counter.proposal.id, {}));
    expect(item(platformItem)!.start).toBe("2030-01-10");
  });

  it("the author withdraws an open proposal", async () => {
    const withdrawn = value(await s.services.withdrawProposal(people.design, board.id, proposal.id));
    expect(withdrawn.proposal.state).toBe("withdrawn");
    expect(kindOf(await s.services.acceptProposal(people.platform, board.id, proposal.id, {}))).toBe("conflict");
  });

  it("new items and removals are applied too; a move to another team's lane needs that lane's answerer as well", async () => {
    const created = value(await s.services.createProposal(people.design, board.id, { change: { kind: "create", laneId: platformLane, item: { title: "Rate limits", start: "2030-02-04", duration: 3, scope: "Per key" } }, reason: "Needed" }));
    const added = value(await s.services.acceptProposal(people.platform, board.id, created.id, {})).proposal;
    expect(added.itemId).toBeTruthy();
    expect(item(added.itemId!)).toMatchObject({ title: "Rate limits", laneId: platformLane });
    value(await s.services.setLaneOwners(people.owner, board.id, designLane, { userIds: [people.design] }));
    const moveAway = value(await s.services.createProposal(people.commenter, board.id, { change: { kind: "change", itemId: platformItem, fields: { laneId: designLane } }, reason: "Design owns it" }));
    expect(kindOf(await s.services.acceptProposal(people.platform, board.id, moveAway.id, {}))).toBe("forbidden");
    value(await s.services.acceptProposal(people.owner, board.id, moveAway.id, {}));
    expect(item(platformItem)!.laneId).toBe(designLane);
    const removal = value(await s.services.createProposal(people.commenter, board.id, { change: { kind: "remove", itemId: added.itemId }, reason: "Dropped" }));
    value(await s.services.acceptProposal(people.platform, board.id, removal.id, {}));
    expect(item(added.itemId!)).toBeUndefined();
  });

  it("an item moved into another team's lane since the proposal needs that lane's answerer too (on accept)", async () => {
    value(await s.services.setLaneOwners(people.owner, board.id, designLane, { userIds: [people.design] }));
    const designItem = await s.sync.withLiveBoard(board.id, (room) => value(createItem(room.doc, origin, { title: "Journey map", laneId: designLane, start: "2030-01-07", duration: 5 })));
    const retitle = value(await s.services.createProposal(people.commenter, board.id, { change: { kind: "change", itemId: designItem, fields: { title: "Journey map v2" } }, reason: "Clearer" }));
    // The platform team takes the item over; design's answer would now write into Platform's lane.
    await s.sync.withLiveBoard(board.id, (room) => value(updateItem(room.doc, origin, designItem, { laneId: platformLane })));
    const asDesign = value(await s.services.listProposals(people.design, board.id, {})).proposals;
    expect(asDesign.find((p) => p.id === retitle.id)!.mayAnswer).toBe(false);
    expect(kindOf(await s.services.acceptProposal(people.design, board.id, retitle.id, {}))).toBe("forbidden");
    expect(item(designItem)!.title).toBe("Journey map");
    // The lane it was proposed for still counts: the board's owners answer for both.
    expect(kindOf(await s.services.acceptProposal(people.platform, board.id, retitle.id, {}))).toBe("forbidden");
    value(await s.services.acceptProposal(people.owner, board.id, retitle.id, {}));
    expect(item(designItem)!.title).toBe("Journey map v2");
  });
});
