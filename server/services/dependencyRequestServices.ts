import { randomBytes } from "node:crypto";
import type * as Y from "yjs";
import { formatDate } from "../../lib/format/dates";
import { addDependency, wouldCycle } from "../../lib/model/dependencyCommands";
import { recordMap, records } from "../../lib/model/docLayout";
import type { BoardId, ItemId, UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { serverOriginFor } from "../../lib/model/origin";
import { ok } from "../../lib/model/result";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { AppServices, ServiceResult } from "../../lib/protocol/appServices";
import {
  commitInputSchema,
  counterDateInputSchema,
  declineRequestInputSchema,
  emptyActionInputSchema,
  MAX_OPEN_REQUESTS_PER_BOARD,
  OPEN_REQUEST_STATES,
  requestIdSchema,
  requestInputSchema,
  type RequestAction,
  type RequestState,
} from "../../lib/protocol/dependencyRequests";
import type { Role } from "../../lib/protocol/roles";
import { laneAudience, mayAnswerForLane, mayEditLane, type LanePolicy } from "../../lib/protocol/teams";
import type { LivePublisher } from "../events/liveEvents";
import { RequestLimits } from "../requests/requestLimits";
import { RequestThreads } from "../requests/requestThreads";
import { peopleOf, toRequestView, type ReaderRights } from "../requests/requestViews";
import type { DependencyRequestChange, DependencyRequestRecord } from "../storage/dependencyRequestStore";
import type { Storage } from "../storage/storage";
import { namePeople } from "./commentViews";
import { boardNotFound, fail } from "./serviceErrors";
import { currentLaneOwners } from "./teamServices";
import type { WithLiveBoard } from "./versionServices";

export type DependencyRequestServices = Pick<AppServices, "listDependencyRequests" | "requestDependency" | "answerDependencyRequest">;

/** The lane rules' inputs for one board, read once per call. */
interface Lanes {
  role: Role;
  policy: LanePolicy;
  ownersOf(laneId: string | null): UserId[];
  boardOwners: UserId[];
}

/** laneAudience (lib/protocol/teams.ts) speaks of plain ids; these are the board's users. */
const audienceOf = (owners: readonly UserId[], boardOwners: readonly UserId[]) => laneAudience(owners, boardOwners) as UserId[];
const quote = (title: string) => `“${title.trim() || "Untitled item"}”`;
const day = (date: string) => formatDate(date);
const withNote = (text: string, note: string | null | undefined) => (note ? `${text}\n${note}` : text);
/** Each action's body (lib/protocol/dependencyRequests.ts). */
const ACTION_INPUTS = {
  commit: commitInputSchema,
  counter: counterDateInputSchema,
  "accept-counter": emptyActionInputSchema,
  decline: declineRequestInputSchema,
  withdraw: emptyActionInputSchema,
} as const satisfies Record<RequestAction, unknown>;

const STATE_WORDS: Record<RequestState, string> = {
  requested: "open",
  countered: "countered",
  committed: "committed already",
  declined: "declined already",
  withdrawn: "withdrawn",
};

/**
 * Dependency requests between teams (docs/teams.md): a team asks the team owning another
 * item (the predecessor) to finish it by a date for one of its own. Every member reads them;
 * the requester must be able to edit the successor's lane (mayEditLane); the predecessor's team
 * answers (mayAnswerForLane). A commitment writes one normal finish-to-start dependency into
 * the document, attributed to the person who committed. Answers apply only from the state they
 * expect (the store's compare-and-set): two people answering at once, one wins, the other gets a
 * conflict. Each request is a comment thread on the successor; answers are replies.
 */
export function dependencyRequestServices(deps: {
  storage: Storage;
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>;
  readSnapshot: (boardId: BoardId) => Promise<BoardSnapshot>;
  withLiveBoard: WithLiveBoard;
  live: LivePublisher;
  now: () => Date;
}): DependencyRequestServices {
  const { storage, roleOf, readSnapshot, withLiveBoard, live, now } = deps;
  const limits = new RequestLimits();
  const threads = new RequestThreads({ storage, live, now });
  const slowDown = () => fail("too-many", "That was a lot at once: wait a minute and try again.");
  const requestNotFound = () => fail("not-found", "That request does not exist on this board.");
  const changed = (boardId: BoardId) => live.publishToBoard(boardId, { type: "requests", boardId });

  /** Owners as the team services count them (currentLaneOwners): lanes still on the board, people who may still edit it. */
  async function lanesOf(boardId: BoardId, role: Role, snapshot: BoardSnapshot): Promise<Lanes> {
    // A scenario's lanes are its plan's, and so are their owners and the policy (docs/teams.md "Scenarios").
    const planId = (await storage.getScenario(boardId))?.planId ?? boardId;
    const [byLane, policy, members] = await Promise.all([currentLaneOwners(storage, planId, snapshot), storage.getLanePolicy(planId), storage.listMembers(planId)]);
    return {
      role,
      policy,
      ownersOf: (laneId) => (laneId === null ? [] : (byLane.get(laneId) ?? [])),
      boardOwners: members.filter((m) => m.role === "owner").map((m) => m.userId),
    };
  }

  /** The lane an item is in now; the lane it was in when asked once it is gone. */
  const laneNow = (snapshot: BoardSnapshot, itemId: string, asked: string | null) => {
    const item = snapshot.items.find((i) => i.id === itemId);
    return item ? item.laneId : asked;
  };

  function rights(actor: UserId, lanes: Lanes, snapshot: BoardSnapshot): ReaderRights {
    return {
      answersFor: (r) => mayAnswerForLane(lanes.role, actor, lanes.ownersOf(laneNow(snapshot, r.fromItemId, r.fromLaneId))),
      asked: (r) => r.requesterId === actor && mayEditLane(lanes.role, actor, lanes.ownersOf(laneNow(snapshot, r.toItemId, r.toLaneId)), lanes.policy),
    };
  }

  async function views(actor: UserId, boardId: BoardId, role: Role, list: DependencyRequestRecord[]) {
    const snapshot = await readSnapshot(boardId);
    const [lanes, people] = await Promise.all([lanesOf(boardId, role, snapshot), namePeople(storage, peopleOf(list))]);
    const reader = rights(actor, lanes, snapshot);
    return list.map((r) => toRequestView(r, people, actor, reader));
  }
  const viewOne = async (actor: UserId, boardId: BoardId, role: Role, r: DependencyRequestRecord) => ({ request: (await views(actor, boardId, role, [r]))[0]! });

  function linkBetween(doc: Y.Doc, fromId: string, toId: string): string | null {
    for (const [id, dep] of records(doc, "dependencies")) if (dep.get("fromId") === fromId && dep.get("toId") === toId) return id;
    return null;
  }

  /**
   * Commits the request at `finish`: the state first (compare-and-set from `expected`), then the
   * dependency in the live document, unless it is there already. A link that would close a
   * cycle is refused before anything is written; should the document change in between and the
   * write fail after all, the answer is taken back.
   */
  async function commit(actor: UserId, record: DependencyRequestRecord, finish: string, note: string | null, expected: readonly RequestState[]) {
    const { boardId, fromItemId: fromId, toItemId: toId } = record;
    const cycle = () =>
      fail("conflict", "This dependency would create a cycle: the item that needs it already comes before the one asked for. Remove that link first, or decline.");
    return withLiveBoard(boardId, async (board): Promise<ServiceResult<DependencyRequestRecord>> => {
      const { doc } = board;
      if (!recordMap(doc, "items", fromId) || !recordMap(doc, "items", toId)) return fail("conflict", "One of the two items is no longer on the board: decline or withdraw the request.");
      if (!linkBetween(doc, fromId, toId) && wouldCycle(doc, fromId, toId)) return cycle();
      const previous: DependencyRequestChange = {
        state: record.state,
        committedFinish: record.committedFinish,
        answeredBy: record.answeredBy,
        answeredAt: record.answeredAt,
        answerNote: record.answerNote,
      };
      const answered = await storage.updateDependencyRequest(boardId, record.id, expected, {
        state: "committed",
        committedFinish: finish,
        answeredBy: actor,
        answeredAt: now().toISOString(),
        answerNote: note,
      });
      if (!answered) return lostRace(boardId, record.id);
      let dependencyId = linkBetween(doc, fromId, toId);
      if (dependencyId === null) {
        const added = addDependency(doc, serverOriginFor("request", actor), { fromId: fromId as ItemId, toId: toId as ItemId });
        if (!added.ok) {
          await storage.updateDependencyRequest(boardId, record.id, ["committed"], previous);
          return added.error.includes("cycle") ? cycle() : fail("conflict", `The dependency could not be written: ${added.error}.`);
        }
        dependencyId = added.value;
      }
      return ok((await storage.updateDependencyRequest(boardId, record.id, ["committed"], { dependencyId })) ?? answered);
    });
  }

  async function lostRace(boardId: BoardId, id: string): Promise<ServiceResult<never>> {
    const current = await storage.getDependencyRequest(boardId, id);
    return fail("conflict", `Someone answered this request a moment ago: it is ${current ? STATE_WORDS[current.state] : "gone"}. Reload the requests to see it.`);
  }

  return {
    async listDependencyRequests(actor, boardId) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      const list = await storage.listDependencyRequests(boardId);
      return ok({ requests: await views(actor, boardId, role, list) });
    },

    async requestDependency(actor, boardId, input) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      const parsed = requestInputSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const { fromItemId, toItemId, neededBy, note } = parsed.data;
      if (!limits.take(actor, "ask")) return slowDown();
      const snapshot = await readSnapshot(boardId);
      const lanes = await lanesOf(boardId, role, snapshot);
      const from = snapshot.items.find((i) => i.id === fromItemId);
      const to = snapshot.items.find((i) => i.id === toItemId);
      if (!from || !to) return fail("not-found", "Both items must be on this board.");
      if (!mayEditLane(role, actor, lanes.ownersOf(to.laneId), lanes.policy))
        return fail("forbidden", `You may ask for dependencies only for items of lanes you may edit; ${quote(to.title)} is in a lane owned by others.`);
      if (snapshot.dependencies.some((d) => (d.fromId === fromItemId && d.toId === toItemId) || (d.fromId === toItemId && d.toId === fromItemId)))
        return fail("conflict", `${quote(from.title)} and ${quote(to.title)} are linked already.`);
      const record: DependencyRequestRecord = {
        id: `dr-${randomBytes(12).toString("base64url")}`,
        boardId,
        fromItemId,
        toItemId,
        fromLaneId: from.laneId,
        toLaneId: to.laneId,
        neededBy,
        note: note || null,
        requesterId: actor,
        createdAt: now().toISOString(),
        state: "requested",
        committedFinish: null,
        counterDate: null,
        answeredBy: null,
        answeredAt: null,
        answerNote: null,
        threadId: threads.newThreadId(),
        dependencyId: null,
      };
      const outcome = await storage.createDependencyRequest(record, MAX_OPEN_REQUESTS_PER_BOARD);
      if (outcome === "no-board") return boardNotFound();
      if (outcome === "full")
        return fail("conflict", `This board has ${MAX_OPEN_REQUESTS_PER_BOARD} open requests: answer or withdraw some first.`);
      if (outcome === "duplicate") return fail("conflict", `A request between ${quote(from.title)} and ${quote(to.title)} is open already.`);
      const lane = snapshot.lanes.find((l) => l.id === from.laneId);
      const text = `Dependency request: ${quote(to.title)} needs ${quote(from.title)}${lane ? ` (${lane.name})` : ""} finished by ${day(neededBy)}.`;
      await threads.start(record, to.title.trim() || "Untitled item", withNote(text, record.note), audienceOf(lanes.ownersOf(from.laneId), lanes.boardOwners));
      changed(boardId);
      return ok(await viewOne(actor, boardId, role, record));
    },

    async answerDependencyRequest(actor, boardId, requestId, action: RequestAction, input) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      const id = requestIdSchema.safeParse(requestId);
      if (!id.success) return requestNotFound();
      const record = await storage.getDependencyRequest(boardId, id.data);
      if (!record) return requestNotFound();
      // The route parses the action; a caller in the server that passes junk gets the route's answer for it.
      if (!Object.hasOwn(ACTION_INPUTS, action)) return requestNotFound();
      const schema = ACTION_INPUTS[action];
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const body = parsed.data as { finish?: string; date?: string; note?: string };
      const snapshot = await readSnapshot(boardId);
      const lanes = await lanesOf(boardId, role, snapshot);
      const may = rights(actor, lanes, snapshot);
      const fromTitle = quote(snapshot.items.find((i) => i.id === record.fromItemId)?.title ?? "Untitled item");
      const byRequester = action === "accept-counter" || action === "withdraw";
      if (byRequester ? record.requesterId !== actor : !may.answersFor(record))
        return fail(
          "forbidden",
          byRequester ? "Only the person who asked may accept a counter-offer or withdraw the request." : `Only the team that owns ${fromTitle}'s lane, or a board owner, may answer this request.`,
        );
      if (action === "accept-counter" && !may.asked(record)) return fail("forbidden", "You may no longer edit the lane of the item that needs it.");
      if (action === "commit") {
        // The link counts as the successor's lane (docs/teams.md): should the item have moved since
        // it was asked, the one who asked or the one who commits must still be able to edit where it is now.
        const toOwners = lanes.ownersOf(laneNow(snapshot, record.toItemId, record.toLaneId));
        const asker = mayEditLane(await roleOf(record.requesterId, boardId), record.requesterId, toOwners, lanes.policy);
        if (!asker && !mayEditLane(role, actor, toOwners, lanes.policy))
          return fail("forbidden", "The item that needs it is in another team's lane now: neither you nor the person who asked may link it. Decline instead.");
      }
      const expected: readonly RequestState[] = action === "accept-counter" ? ["countered"] : OPEN_REQUEST_STATES;
      if (!expected.includes(record.state)) return fail("conflict", `This request is ${STATE_WORDS[record.state]}: it cannot be answered that way now.`);
      if (!limits.take(actor, "answer")) return slowDown();

      const note = body.note || null;
      const at = now().toISOString();
      let result: ServiceResult<DependencyRequestRecord>;
      let reply: string;
      let audience: UserId[] = [];
      switch (action) {
        case "commit":
          result = await commit(actor, record, body.finish!, note, expected);
          reply = withNote(`Committed: ${fromTitle} will finish by ${day(body.finish!)}.`, note);
          break;
        case "accept-counter":
          result = await commit(actor, { ...record }, record.counterDate!, record.answerNote, expected);
          reply = `Accepted the counter-offer: ${fromTitle} by ${day(record.counterDate!)} is committed.`;
          audience = audienceOf(lanes.ownersOf(record.fromLaneId), lanes.boardOwners);
          break;
        case "counter": {
          const done = await storage.updateDependencyRequest(boardId, record.id, expected, { state: "countered", counterDate: body.date!, answeredBy: actor, answeredAt: at, answerNote: note });
          result = done ? ok(done) : await lostRace(boardId, record.id);
          reply = withNote(`Counter-offer: ${fromTitle} can finish by ${day(body.date!)} (asked for ${day(record.neededBy)}).`, note);
          break;
        }
        case "decline": {
          const done = await storage.updateDependencyRequest(boardId, record.id, expected, { state: "declined", answeredBy: actor, answeredAt: at, answerNote: note });
          result = done ? ok(done) : await lostRace(boardId, record.id);
          reply = `Declined: ${note ?? ""}`;
          break;
        }
        case "withdraw": {
          const done = await storage.updateDependencyRequest(boardId, record.id, expected, { state: "withdrawn" });
          result = done ? ok(done) : await lostRace(boardId, record.id);
          reply = "Withdrew the request.";
          audience = audienceOf(lanes.ownersOf(record.fromLaneId), lanes.boardOwners);
          break;
        }
      }
      if (!result.ok) return result;
      await threads.reply(result.value, actor, reply, audience);
      changed(boardId);
      return ok(await viewOne(actor, boardId, role, result.value));
    },
  };
}
