import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addDependency } from "../../lib/model/dependencyCommands";
import type { BoardId, ItemId, LaneId, UserId } from "../../lib/model/ids";
import { createItem, updateItem } from "../../lib/model/itemCommands";
import { addLane } from "../../lib/model/laneCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { MAX_OPEN_REQUESTS_PER_BOARD } from "../../lib/protocol/dependencyRequests";
import type { Role } from "../../lib/protocol/roles";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Dependency requests between teams end to end (docs/teams.md): the services the routes call,
 * the real sync server's live document, lane owners and the lane policy in SQLite. Team A (Ana)
 * owns the lane "Checkout"; team B (Ben) owns "Payments"; Cat is an editor of neither.
 */
let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "ana" | "ben" | "cat" | "commenter" | "viewer" | "stranger", UserId>;
let lane: { checkout: LaneId; payments: LaneId };
let item: Record<"checkout" | "receipts" | "api" | "ledger", ItemId>;
const setup = createOrigin("server", "test");

beforeEach(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Teams" });
  people = { owner: board.ownerId } as typeof people;
  const roles: [keyof typeof people, Role | null][] = [
    ["ana", "editor"],
    ["ben", "editor"],
    ["cat", "editor"],
    ["commenter", "commenter"],
    ["viewer", "viewer"],
    ["stranger", null],
  ];
  for (const [who, role] of roles) {
    people[who] = await s.createUser(who);
    if (role) await s.store.setRole(board.id, people[who], role);
  }
  await s.sync.withLiveBoard(board.id, ({ doc }) => {
    const lanes = { checkout: value(addLane(doc, setup, { name: "Checkout" })), payments: value(addLane(doc, setup, { name: "Payments" })) };
    lane = lanes;
    item = {
      checkout: value(createItem(doc, setup, { title: "Checkout", laneId: lanes.checkout, start: "2027-03-08", duration: 5 })),
      receipts: value(createItem(doc, setup, { title: "Receipts", laneId: lanes.checkout, start: "2027-03-15", duration: 5 })),
      api: value(createItem(doc, setup, { title: "Payments API", laneId: lanes.payments, start: "2027-02-22", duration: 5 })),
      ledger: value(createItem(doc, setup, { title: "Ledger", laneId: lanes.payments, start: "2027-02-22", duration: 5 })),
    };
  });
  await s.store.setLaneOwners(board.id, lane.checkout, [people.ana]);
  await s.store.setLaneOwners(board.id, lane.payments, [people.ben]);
  await s.store.setLanePolicy(board.id, "propose");
});
afterEach(async () => {
  await s.close();
  removeDataDir(s.dataDir);
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: string | { message: string } }): T {
  if (!result.ok) throw new Error(typeof result.error === "string" ? result.error : result.error.message);
  return result.value;
}
const refused = (kind: string) => ({ ok: false, error: { kind } });
const doc = () => s.sync.registry.loaded(board.id)!.doc as unknown as Y.Doc;
const links = () => readSnapshot(doc()).dependencies.map((d) => `${d.fromId}->${d.toId}`);
const ask = (as: UserId, input: Record<string, unknown> = {}) =>
  s.services.requestDependency(as, board.id, { fromItemId: item.api, toItemId: item.checkout, neededBy: "2027-03-05", note: "for the launch", ...input });
const answer = (as: UserId, id: string, action: Parameters<TestServer["services"]["answerDependencyRequest"]>[3], input: unknown = {}) =>
  s.services.answerDependencyRequest(as, board.id, id, action, input);

describe("dependency requests", () => {
  it("team A asks team B: every member lists it, a thread on A's item tells B's owners, strangers see nothing", async () => {
    const { request } = value(await ask(people.ana));
    expect(request).toMatchObject({
      fromItemId: item.api,
      toItemId: item.checkout,
      fromLaneId: lane.payments,
      toLaneId: lane.checkout,
      neededBy: "2027-03-05",
      state: "requested",
      note: "for the launch",
      requesterName: "ana",
      answer: null,
      mayAnswer: false,
      mayWithdraw: true,
    });
    expect(request.id).toMatch(/^dr-/);
    for (const who of ["owner", "ana", "ben", "cat", "commenter", "viewer"] as const) {
      expect(value(await s.services.listDependencyRequests(people[who], board.id)).requests.map((r) => r.id)).toEqual([request.id]);
    }
    const seenBy = async (who: UserId) => value(await s.services.listDependencyRequests(who, board.id)).requests[0]!;
    expect(await seenBy(people.ben)).toMatchObject({ mayAnswer: true, mayWithdraw: false });
    expect(await seenBy(people.owner)).toMatchObject({ mayAnswer: true, mayWithdraw: false });
    expect(await seenBy(people.cat)).toMatchObject({ mayAnswer: false, mayWithdraw: false });
    expect(await s.services.listDependencyRequests(people.stranger, board.id)).toMatchObject(refused("not-found"));

    const threads = value(await s.services.listThreads(people.viewer, board.id));
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ id: request.threadId, anchor: { kind: "item", id: item.checkout }, createdBy: { id: people.ana } });
    const inbox = await s.services.inbox(people.ben);
    expect(inbox.notifications.map((n) => [n.kind, n.threadId])).toEqual([["new-thread", request.threadId]]);
    expect(inbox.notifications[0]!.excerpt).toBe("Dependency request: “Checkout” needs “Payments API” (Payments) finished by Fri, Mar 5, 2027. for the launch");
    // Only the lane's owners hear of it (the board's owner would, for a lane without owners).
    expect((await s.services.inbox(people.cat)).notifications).toEqual([]);
    expect((await s.services.inbox(people.owner)).notifications).toEqual([]);
  });

  it("only someone who may edit the lane of the item that needs it asks; bad input changes nothing", async () => {
    expect(await ask(people.commenter)).toMatchObject(refused("forbidden"));
    expect(await ask(people.viewer)).toMatchObject(refused("forbidden"));
    // Ben owns Payments, not Checkout; Cat owns nothing; the policy is propose.
    expect(await ask(people.ben)).toMatchObject(refused("forbidden"));
    expect(await ask(people.cat)).toMatchObject(refused("forbidden"));
    expect(await ask(people.stranger)).toMatchObject(refused("not-found"));
    expect(await ask(people.ana, { toItemId: item.api })).toMatchObject(refused("invalid"));
    expect(await ask(people.ana, { fromItemId: "i-nothere" })).toMatchObject(refused("not-found"));
    expect(await ask(people.ana, { neededBy: "soon" })).toMatchObject(refused("invalid"));
    expect(await ask(people.ana, { note: "x".repeat(2_001) })).toMatchObject(refused("invalid"));
    expect(await ask(people.ana, { extra: true })).toMatchObject(refused("invalid"));
    expect(value(await s.services.listDependencyRequests(people.owner, board.id)).requests).toEqual([]);
    // With the policy open any editor edits any lane, so Cat may ask; the board's owner always may.
    await s.store.setLanePolicy(board.id, "open");
    value(await ask(people.cat));
    value(await ask(people.owner, { fromItemId: item.ledger, toItemId: item.receipts }));
  });

  it("one open request between two items, none where a link is there already, at most the cap per board", async () => {
    value(await ask(people.ana));
    expect(await ask(people.ana)).toMatchObject(refused("conflict"));
    await s.store.setLanePolicy(board.id, "open");
    expect(await ask(people.ben, { fromItemId: item.checkout, toItemId: item.api })).toMatchObject(refused("conflict"));
    await s.sync.withLiveBoard(board.id, ({ doc }) => value(addDependency(doc, setup, { fromId: item.ledger, toId: item.receipts })));
    expect(await ask(people.ana, { fromItemId: item.receipts, toItemId: item.ledger })).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining("linked already") } });
    for (let n = 1; n < MAX_OPEN_REQUESTS_PER_BOARD; n++) {
      const r = { id: `dr-fill${n}`, boardId: board.id, fromItemId: `i-a${n}`, toItemId: `i-b${n}`, fromLaneId: null, toLaneId: null, neededBy: "2027-03-01", note: null };
      await s.store.createDependencyRequest({ ...r, requesterId: people.ana, createdAt: "2027-01-01T00:00:00.000Z", state: "requested", committedFinish: null, counterDate: null, answeredBy: null, answeredAt: null, answerNote: null, threadId: null, dependencyId: null }, 10_000);
    }
    expect(await ask(people.ana, { toItemId: item.receipts })).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining(`${MAX_OPEN_REQUESTS_PER_BOARD} open requests`) } });
  });

  it("team B commits: one finish-to-start link in the document, made by Ben in its history; Ana hears of it in the thread", async () => {
    const { request } = value(await ask(people.ana));
    expect(await answer(people.ana, request.id, "commit", { finish: "2027-03-01" })).toMatchObject(refused("forbidden"));
    expect(await answer(people.cat, request.id, "commit", { finish: "2027-03-01" })).toMatchObject(refused("forbidden"));
    expect(await answer(people.viewer, request.id, "commit", { finish: "2027-03-01" })).toMatchObject(refused("forbidden"));
    expect(await answer(people.stranger, request.id, "commit", { finish: "2027-03-01" })).toMatchObject(refused("not-found"));
    expect(await answer(people.ben, request.id, "commit", { finish: "March" })).toMatchObject(refused("invalid"));
    expect(links()).toEqual([]);
    const committed = value(await answer(people.ben, request.id, "commit", { finish: "2027-03-01", note: "sprint 4" })).request;
    expect(committed).toMatchObject({ state: "committed", committedFinish: "2027-03-01", answer: { byId: people.ben, byName: "ben", note: "sprint 4" }, mayAnswer: false });
    expect(links()).toEqual([`${item.api}->${item.checkout}`]);
    expect(committed.dependencyId).toBe(readSnapshot(doc()).dependencies[0]!.id);
    const history = value(await s.services.objectHistory(people.ana, board.id, { objectId: committed.dependencyId!, limit: 10 }));
    expect(history.entries.map((e) => [e.kind, e.user.id])).toEqual([["added", people.ben]]);
    const inbox = await s.services.inbox(people.ana);
    expect(inbox.notifications.map((n) => [n.kind, n.excerpt])).toEqual([["reply", "Committed: “Payments API” will finish by Mon, Mar 1, 2027. sprint 4"]]);
    // Answered is answered.
    expect(await answer(people.ben, request.id, "decline", { note: "changed my mind" })).toMatchObject(refused("conflict"));
    expect(await answer(people.ana, request.id, "withdraw")).toMatchObject(refused("conflict"));
  });

  it("an item that needs it moved since into a lane neither the asker nor the answerer may edit: committing is refused, no link", async () => {
    const { request } = value(await ask(people.ana));
    const search = await s.sync.withLiveBoard(board.id, ({ doc }) => value(addLane(doc, setup, { name: "Search" })));
    await s.store.setLaneOwners(board.id, search, [people.cat]);
    await s.sync.withLiveBoard(board.id, ({ doc }) => value(updateItem(doc, setup, item.checkout, { laneId: search })));
    expect(await answer(people.ben, request.id, "commit", { finish: "2027-03-01" })).toMatchObject(refused("forbidden"));
    expect(links()).toEqual([]);
    // Back in Ana's lane, Ben commits as usual.
    await s.sync.withLiveBoard(board.id, ({ doc }) => value(updateItem(doc, setup, item.checkout, { laneId: lane.checkout })));
    value(await answer(people.ben, request.id, "commit", { finish: "2027-03-01" }));
    expect(links()).toEqual([`${item.api}->${item.checkout}`]);
  });

  it("in a scenario the plan's lane owners and policy hold: asking and committing there are checked against them", async () => {
    const scenario = value(await s.services.createScenario(people.owner, board.id, { name: "What if" })).id as BoardId;
    const inScenario = { fromItemId: item.api, toItemId: item.ledger, neededBy: "2027-03-05" };
    // Cat owns no lane: Ben's "Ledger" is not hers to make wait, in the plan or in its scenario.
    expect(await s.services.requestDependency(people.cat, board.id, inScenario)).toMatchObject(refused("forbidden"));
    expect(await s.services.requestDependency(people.cat, scenario, inScenario)).toMatchObject(refused("forbidden"));
    const { request } = value(await s.services.requestDependency(people.ana, scenario, { fromItemId: item.api, toItemId: item.checkout, neededBy: "2027-03-05" }));
    expect(await s.services.answerDependencyRequest(people.cat, scenario, request.id, "commit", { finish: "2027-03-01" })).toMatchObject(refused("forbidden"));
    value(await s.services.answerDependencyRequest(people.ben, scenario, request.id, "commit", { finish: "2027-03-01" }));
  });

  it("two answers at once: one wins, the other is told so (409), and the document holds at most one link", async () => {
    const { request } = value(await ask(people.ana));
    const outcomes = await Promise.all([
      answer(people.ben, request.id, "commit", { finish: "2027-03-01" }),
      answer(people.owner, request.id, "decline", { note: "not this quarter" }),
      answer(people.ben, request.id, "counter", { date: "2027-03-12" }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    for (const o of outcomes.filter((o) => !o.ok)) expect(o).toMatchObject(refused("conflict"));
    const now = value(await s.services.listDependencyRequests(people.ana, board.id)).requests[0]!;
    expect(links()).toEqual(now.state === "committed" ? [`${item.api}->${item.checkout}`] : []);
  });

  it("a counter: the requester accepts it, which commits at the counter's date; only the requester may accept or withdraw", async () => {
    const { request } = value(await ask(people.ana));
    const countered = value(await answer(people.ben, request.id, "counter", { date: "2027-03-12", note: "after the audit" })).request;
    // The team that countered may still commit, decline or counter again until the requester answers.
    expect(countered).toMatchObject({ state: "countered", counterDate: "2027-03-12", mayAnswer: true, mayWithdraw: false });
    expect(value(await s.services.listDependencyRequests(people.ana, board.id)).requests[0]).toMatchObject({ mayAnswer: true, mayWithdraw: true });
    expect(await answer(people.ben, request.id, "accept-counter")).toMatchObject(refused("forbidden"));
    expect(await answer(people.owner, request.id, "withdraw")).toMatchObject(refused("forbidden"));
    expect(await answer(people.ana, request.id, "accept-counter", { finish: "2027-03-01" })).toMatchObject(refused("invalid"));
    const accepted = value(await answer(people.ana, request.id, "accept-counter")).request;
    expect(accepted).toMatchObject({ state: "committed", committedFinish: "2027-03-12", answer: { byId: people.ana } });
    expect(links()).toEqual([`${item.api}->${item.checkout}`]);
    expect((await s.services.inbox(people.ben)).notifications.map((n) => n.excerpt)[0]).toBe("Accepted the counter-offer: “Payments API” by Fri, Mar 12, 2027 is committed.");
  });

  it("a request accepted from a plain request is refused: there is no counter to accept", async () => {
    const { request } = value(await ask(people.ana));
    expect(await answer(people.ana, request.id, "accept-counter")).toMatchObject(refused("conflict"));
  });

  it("a commitment that would close a cycle is refused (409, saying so) and changes nothing; a link made meanwhile is taken as it is", async () => {
    const { request } = value(await ask(people.ana));
    await s.sync.withLiveBoard(board.id, ({ doc }) => {
      value(addDependency(doc, setup, { fromId: item.checkout, toId: item.ledger }));
      value(addDependency(doc, setup, { fromId: item.ledger, toId: item.api }));
    });
    const cycle = await answer(people.ben, request.id, "commit", { finish: "2027-03-01" });
    expect(cycle).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining("cycle") } });
    expect(value(await s.services.listDependencyRequests(people.ana, board.id)).requests[0]).toMatchObject({ state: "requested", answer: null });
    expect(links()).toHaveLength(2);

    await s.store.setLanePolicy(board.id, "open");
    const second = value(await ask(people.ana, { fromItemId: item.ledger, toItemId: item.receipts })).request;
    const made = await s.sync.withLiveBoard(board.id, ({ doc }) => value(addDependency(doc, setup, { fromId: item.ledger, toId: item.receipts })));
    const committed = value(await answer(people.ben, second.id, "commit", { finish: "2027-03-01" })).request;
    expect(committed.dependencyId).toBe(made);
    expect(links()).toHaveLength(3);
  });

  it("each person asks at most 10 times in a burst, then is told to wait (429), others are not", async () => {
    for (let n = 0; n < 10; n++) expect(await ask(people.ana, { fromItemId: `i-none${n}` })).toMatchObject(refused("not-found"));
    expect(await ask(people.ana)).toMatchObject(refused("too-many"));
    value(await ask(people.owner));
  });

  it("decline needs a note; withdraw; answers to junk ids are 404", async () => {
    const { request } = value(await ask(people.ana));
    expect(await answer(people.ben, request.id, "decline", {})).toMatchObject(refused("invalid"));
    expect(await answer(people.ben, request.id, "decline", { note: "  " })).toMatchObject(refused("invalid"));
    expect(value(await answer(people.ben, request.id, "decline", { note: "no capacity" })).request).toMatchObject({ state: "declined", answer: { note: "no capacity" } });
    expect(await answer(people.ben, "dr-nothere", "commit", { finish: "2027-03-01" })).toMatchObject(refused("not-found"));
    expect(await answer(people.ben, "../x", "commit", { finish: "2027-03-01" })).toMatchObject(refused("not-found"));
    expect(await answer(people.ben, request.id, "toString" as never, {})).toMatchObject(refused("not-found"));
    const again = value(await ask(people.ana)).request;
    expect(value(await answer(people.ana, again.id, "withdraw")).request).toMatchObject({ state: "withdrawn", mayWithdraw: false });
    const other = await s.boards.createBoard({ title: "Other" });
    expect(await s.services.answerDependencyRequest(other.ownerId, other.id, again.id, "withdraw", {})).toMatchObject(refused("not-found"));
  });
});
