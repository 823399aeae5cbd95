import { randomBytes } from "node:crypto";
import * as Y from "yjs";
import { commentBodyFromText, commentText } from "../../lib/model/commentBody";
import type { BoardId, UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { applyProposal, isStale, missingTarget, proposalBase } from "../../lib/model/proposalCommands";
import { ok } from "../../lib/model/result";
import { readSnapshot } from "../../lib/model/snapshot";
import type { AppServices, ServiceResult } from "../../lib/protocol/appServices";
import type { CommentAnchor, NotificationKind } from "../../lib/protocol/comments";
import {
  acceptInputSchema,
  counterInputSchema,
  declineInputSchema,
  MAX_OPEN_PROPOSALS_PER_BOARD,
  MAX_OPEN_PROPOSALS_PER_PERSON,
  proposalIdSchema,
  proposalInputSchema,
  type ProposalChange,
  type ProposalView,
} from "../../lib/protocol/proposals";
import { canComment, type Role } from "../../lib/protocol/roles";
import { laneAudience, mayAnswerForLane } from "../../lib/protocol/teams";
import type { LivePublisher } from "../events/liveEvents";
import { VersionLimits } from "../history/versionLimits";
import type { CommentRecord, NotificationRecord } from "../storage/commentStore";
import type { ProposalAnswer, ProposalRecord } from "../storage/proposalStore";
import type { Storage } from "../storage/storage";
import { readLaneRules, type BoardLaneRules } from "../sync/laneRules";
import { proposalOrigin } from "../sync/origins";
import { threadParticipants } from "./commentNotifications";
import { namePeople } from "./commentViews";
import { pushUnread } from "./inboxServices";
import { describeChange } from "./proposalWords";
import { boardNotFound, fail } from "./serviceErrors";
import type { WithLiveBoard } from "./versionServices";

export type ProposalServices = Pick<
  AppServices,
  "listProposals" | "createProposal" | "acceptProposal" | "declineProposal" | "counterProposal" | "withdrawProposal"
>;

const newRecordId = () => randomBytes(12).toString("base64url");
const newProposalId = () => `pr-${randomBytes(12).toString("base64url")}`;
const NOT_FOUND = "That proposal is not on this board.";
const ANSWERED = "That proposal has already been answered.";
const slowDown = () => fail("too-many", "That was a lot of proposals at once: wait a moment.");

/** The lane a change is about, and the other lane it would move the item to (if any). */
function lanesOf(change: ProposalChange, currentLane: string | null): { lane: string; target: string | null } {
  if (change.kind === "create") return { lane: change.laneId, target: null };
  const lane = currentLane ?? "";
  const target = change.kind === "change" && change.fields.laneId !== undefined && change.fields.laneId !== lane ? change.fields.laneId : null;
  return { lane, target };
}

/** The lane the proposal's item is in on the live board now (null for a new item, or none). */
function laneNow(doc: Y.Doc, change: ProposalChange): string | null {
  if (change.kind === "create") return null;
  const record = doc.getMap<unknown>("items").get(change.itemId);
  const lane = record instanceof Y.Map ? record.get("laneId") : null;
  return typeof lane === "string" ? lane : null;
}

/**
 * Proposals, suggest mode (docs/teams.md "Proposals"). Anyone who may comment proposes; an
 * answer (accept, decline, counter) is for whoever `mayAnswerForLane` on the proposal's lane
 * (and on the lane it would move the item to); the author withdraws. Accepting writes the
 * change to the document on the server as one transaction attributed to both people. Each
 * proposal starts a comment thread; each answer is a reply in it.
 */
export function proposalServices(deps: {
  storage: Storage;
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>;
  withLiveBoard: WithLiveBoard;
  live: LivePublisher;
  now: () => Date;
  limits?: VersionLimits;
}): ProposalServices {
  const { storage, roleOf, withLiveBoard, live, now } = deps;
  const limits = deps.limits ?? new VersionLimits();

  const owners = (rules: BoardLaneRules, laneId: string | null) => (laneId ? (rules.owners.get(laneId) ?? []) : []);

  function mayAnswer(rules: BoardLaneRules, role: Role, actor: UserId, p: ProposalRecord): boolean {
    const target = p.change.kind === "change" && p.change.fields.laneId !== undefined ? p.change.fields.laneId : null;
    return [p.laneId, target].every((lane) => lane === null || mayAnswerForLane(role, actor, owners(rules, lane)));
  }

  async function views(boardId: BoardId, actor: UserId, role: Role, records: ProposalRecord[]): Promise<ProposalView[]> {
    if (!records.length) return [];
    const rules = await readLaneRules(storage, boardId);
    const people = await namePeople(storage, records.flatMap((r) => [r.authorId, ...(r.answeredBy ? [r.answeredBy] : [])]));
    // The item's values now, for open proposals only: answered ones are history.
    // And the lane it is in now (accepting checks it too).
    const onBoard = await withLiveBoard(boardId, (board) =>
      records.map((r) => (r.state === "open" && r.change.kind !== "create" ? { base: proposalBase(board.doc, r.change), lane: laneNow(board.doc, r.change) } : null)),
    );
    const nows = onBoard.map((l) => l?.base ?? null);
    const lanesNow = onBoard.map((l) => l?.lane ?? null);
    return records.map((r, i) => {
      const current = nows[i] ?? null;
      const stale = current !== null && isStale(r.base, current);
      return {
        id: r.id,
        boardId: r.boardId,
        laneId: r.laneId,
        itemId: r.itemId ?? r.appliedItemId,
        change: r.change,
        reason: r.reason,
        authorId: r.authorId,
        authorName: people.get(r.authorId)!.name,
        createdAt: r.createdAt,
        state: r.state,
        base: r.base,
        stale,
        now: stale ? current : null,
        answer: r.answeredBy && r.answeredAt ? { byId: r.answeredBy, byName: people.get(r.answeredBy)!.name, at: r.answeredAt, note: r.answerNote } : null,
        counterOf: r.counterOf,
        threadId: r.threadId,
        mayAnswer: r.state === "open" && mayAnswer(rules, role, actor, r) && (lanesNow[i] === null || mayAnswerForLane(role, actor, owners(rules, lanesNow[i]!))),
      };
    });
  }

  async function oneView(boardId: BoardId, actor: UserId, role: Role, id: string): Promise<ProposalView> {
    const record = (await storage.getProposal(boardId, id))!;
    return (await views(boardId, actor, role, [record]))[0]!;
  }

  function comment(boardId: BoardId, threadId: string, author: UserId, text: string, at: string): CommentRecord {
    const body = commentBodyFromText(text);
    return { id: newRecordId(), threadId, boardId, authorId: author, body: JSON.stringify(body), text: commentText(body), createdAt: at, editedAt: null, deletedAt: null };
  }

  function notices(comment: CommentRecord, recipients: Iterable<UserId>, kind: NotificationKind): NotificationRecord[] {
    return [...new Set(recipients)]
      .filter((userId) => userId !== comment.authorId)
      .map((userId) => ({ id: newRecordId(), userId, boardId: comment.boardId, threadId: comment.threadId, commentId: comment.id, kind, actorId: comment.authorId, createdAt: comment.createdAt, readAt: null }));
  }

  /** The reply an answer writes in the proposal's thread: the author (and whoever took part) hear of it. */
  async function replyInThread(p: ProposalRecord, actor: UserId, text: string): Promise<UserId[]> {
    if (!p.threadId) return [];
    const thread = await storage.getThread(p.boardId, p.threadId);
    if (!thread) return [];
    const members = new Set((await storage.listMembers(p.boardId)).map((m) => m.userId as string));
    const reply = comment(p.boardId, p.threadId, actor, text, now().toISOString());
    const records = notices(reply, [p.authorId, ...threadParticipants(thread)].filter((id) => members.has(id)), "reply");
    await storage.addComment(reply, records);
    return records.map((r) => r.userId);
  }

  async function announce(boardId: BoardId, notified: UserId[]): Promise<void> {
    live.publishToBoard(boardId, { type: "proposals", boardId });
    live.publishToBoard(boardId, { type: "threads", boardId });
    await pushUnread(storage, live, notified);
  }

  /** Role, a proposal of this board, and the parsed id: the head of every answer. */
  async function answerHead(actor: UserId, boardId: BoardId, idInput: string): Promise<ServiceResult<{ role: Role; proposal: ProposalRecord; rules: BoardLaneRules }>> {
    const role = await roleOf(actor, boardId);
    if (!role) return boardNotFound();
    const id = proposalIdSchema.safeParse(idInput);
    if (!id.success) return fail("not-found", NOT_FOUND);
    const proposal = await storage.getProposal(boardId, id.data);
    if (!proposal) return fail("not-found", NOT_FOUND);
    if (!canComment(role)) return fail("forbidden", "Viewers may read proposals but not answer them.");
    return ok({ role, proposal, rules: await readLaneRules(storage, boardId) });
  }

  /**
   * Checks a change against the live board and stores it as an open proposal with its thread
   * (notifying the lane's audience). `countering` answers another proposal in the same write.
   */
  async function propose(
    actor: UserId,
    boardId: BoardId,
    role: Role,
    input: unknown,
    countering?: ProposalRecord,
  ): Promise<ServiceResult<ProposalView>> {
    const parsed = (countering ? counterInputSchema : proposalInputSchema).safeParse(input);
    if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
    const { change, reason } = parsed.data;
    const checked = await withLiveBoard(boardId, (board) => {
      const snapshot = readSnapshot(board.doc);
      const item = change.kind === "create" ? null : snapshot.items.find((i) => i.id === change.itemId);
      if (change.kind !== "create" && !item) return fail("not-found", "That item is not on the board.");
      const missing = missingTarget(board.doc, change);
      if (missing) return fail("not-found", missing);
      const base = proposalBase(board.doc, change);
      if (change.kind === "change" && !Object.keys(change.fields).some((f) => JSON.stringify(base[f as keyof typeof base]) !== JSON.stringify(change.fields[f as keyof typeof change.fields])))
        return fail("invalid", "That is how the item is already: propose a change.");
      return ok({ base, snapshot, item: item ?? null });
    });
    if (!checked.ok) return checked;
    const { base, snapshot, item } = checked.value;
    const { lane, target } = lanesOf(change, item?.laneId ?? null);
    const at = now().toISOString();
    // A counter continues the thread of the proposal it answers.
    const threadId = countering ? countering.threadId : newRecordId();
    const record: ProposalRecord = {
      id: newProposalId(),
      boardId,
      laneId: lane,
      itemId: change.kind === "create" ? null : change.itemId,
      change,
      base,
      reason,
      authorId: actor,
      createdAt: at,
      state: "open",
      answeredBy: null,
      answeredAt: null,
      answerNote: null,
      counterOf: countering?.id ?? null,
      threadId,
      appliedItemId: null,
    };
    const answer: ProposalAnswer = { state: "countered", by: actor, at, note: null };
    const stored = await storage.createProposal(
      record,
      { board: MAX_OPEN_PROPOSALS_PER_BOARD, person: MAX_OPEN_PROPOSALS_PER_PERSON },
      countering ? { id: countering.id, answer } : undefined,
    );
    if (stored === "not-open") return fail("conflict", ANSWERED);
    if (stored === "board-full") return fail("too-many", `This board holds ${MAX_OPEN_PROPOSALS_PER_BOARD} open proposals: answer some first.`);
    if (stored === "person-full") return fail("too-many", `You have ${MAX_OPEN_PROPOSALS_PER_PERSON} open proposals on this board: withdraw some first.`);

    // Its thread: on the item (the board, for a new item); the lane's team hears of it.
    const [members, rules, board] = await Promise.all([storage.listMembers(boardId), readLaneRules(storage, boardId), storage.getBoard(boardId)]);
    const boardOwners = members.filter((m) => m.role === "owner").map((m) => m.userId as string);
    const audience = [...laneAudience(owners(rules, lane), boardOwners), ...(target ? laneAudience(owners(rules, target), boardOwners) : [])];
    const anchor: CommentAnchor = item ? { kind: "item", id: item.id } : { kind: "board" };
    const words = describeChange(change, snapshot);
    const notified: UserId[] = [];
    if (countering) {
      // A counter is a reply in that thread: the first proposal's author hears of it.
      notified.push(...(await replyInThread(countering, actor, `Countered: ${words}.\n${reason}`)));
    } else {
      const first = comment(boardId, threadId!, actor, `Proposed: ${words}.\n${reason}`, at);
      const records = notices(first, audience as UserId[], "proposal");
      const thread = { id: threadId!, boardId, anchor, anchorTitle: item ? item.title.trim() || "Untitled item" : (board?.title ?? "Board"), createdBy: actor, createdAt: at, resolvedAt: null, resolvedBy: null };
      await storage.createThread(thread, first, records);
      notified.push(...records.map((r) => r.userId));
    }
    await announce(boardId, notified);
    return ok(await oneView(boardId, actor, role, record.id));
  }

  return {
    async listProposals(actor, boardId, query) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      const which = query?.state ?? "open";
      if (which !== "open" && which !== "all") return fail("invalid", "state must be open or all");
      return ok({ proposals: await views(boardId, actor, role, await storage.listProposals(boardId, which)) });
    },

    async createProposal(actor, boardId, input) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      if (!canComment(role)) return fail("forbidden", "Viewers may read proposals; ask an owner for the commenter role to propose.");
      if (!limits.take(actor, "proposals")) return slowDown();
      return propose(actor, boardId, role, input);
    },

    async acceptProposal(actor, boardId, proposalId, input) {
      const head = await answerHead(actor, boardId, proposalId);
      if (!head.ok) return head;
      const { role, proposal, rules } = head.value;
      if (!mayAnswer(rules, role, actor, proposal)) return fail("forbidden", "Only the lane's owners (or the board's owners) may accept this proposal.");
      const parsed = acceptInputSchema.safeParse(input ?? {});
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      if (proposal.state !== "open") return fail("conflict", ANSWERED);
      if (!limits.take(actor, "proposals")) return slowDown();
      const outcome = await withLiveBoard(boardId, async (board) => {
        if (proposal.change.kind !== "create" && isStale(proposal.base, proposalBase(board.doc, proposal.change)) && !parsed.data.acknowledgeStale)
          return fail("conflict", "The item changed since this proposal was made: look at it as it is now, then accept with acknowledgeStale.");
        const missing = missingTarget(board.doc, proposal.change);
        if (missing) return fail("conflict", `${missing} Decline the proposal instead.`);
        // The item may have moved lanes since it was proposed: the write lands in the lane it is in now.
        const lane = laneNow(board.doc, proposal.change);
        if (lane && !mayAnswerForLane(role, actor, owners(rules, lane)))
          return fail("forbidden", "The item is in another team's lane now: only that lane's owners (or the board's owners) may accept this proposal.");
        // The answer first (compare-and-set from open): of two accepts at once only one writes.
        const answer: ProposalAnswer = { state: "accepted", by: actor, at: now().toISOString(), note: parsed.data.note || null };
        if (!(await storage.answerProposal(boardId, proposal.id, answer))) return fail("conflict", ANSWERED);
        return ok(applyProposal(board.doc, proposalOrigin(actor, proposal.authorId), proposal.change));
      });
      if (!outcome.ok) return outcome;
      // Only a document changed in the moment between the answer and the write gets here.
      if (!outcome.value.ok) return fail("conflict", `Accepted, but the board changed as it was written: ${outcome.value.error}`);
      if (proposal.change.kind === "create") await storage.setProposalAppliedItem(boardId, proposal.id, outcome.value.value);
      const note = parsed.data.note ? `\n${parsed.data.note}` : "";
      await announce(boardId, await replyInThread(proposal, actor, `Accepted the proposal.${note}`));
      return ok({ proposal: await oneView(boardId, actor, role, proposal.id) });
    },

    async declineProposal(actor, boardId, proposalId, input) {
      const head = await answerHead(actor, boardId, proposalId);
      if (!head.ok) return head;
      const { role, proposal, rules } = head.value;
      if (!mayAnswer(rules, role, actor, proposal)) return fail("forbidden", "Only the lane's owners (or the board's owners) may decline this proposal.");
      const parsed = declineInputSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      if (!limits.take(actor, "proposals")) return slowDown();
      const answer: ProposalAnswer = { state: "declined", by: actor, at: now().toISOString(), note: parsed.data.note };
      if (!(await storage.answerProposal(boardId, proposal.id, answer))) return fail("conflict", ANSWERED);
      await announce(boardId, await replyInThread(proposal, actor, `Declined the proposal.\n${parsed.data.note}`));
      return ok({ proposal: await oneView(boardId, actor, role, proposal.id) });
    },

    async counterProposal(actor, boardId, proposalId, input) {
      const head = await answerHead(actor, boardId, proposalId);
      if (!head.ok) return head;
      const { role, proposal, rules } = head.value;
      if (!mayAnswer(rules, role, actor, proposal)) return fail("forbidden", "Only the lane's owners (or the board's owners) may counter this proposal.");
      if (proposal.state !== "open") return fail("conflict", ANSWERED);
      if (!limits.take(actor, "proposals")) return slowDown();
      const made = await propose(actor, boardId, role, input, proposal);
      return made.ok ? ok({ proposal: made.value }) : made;
    },

    async withdrawProposal(actor, boardId, proposalId) {
      const head = await answerHead(actor, boardId, proposalId);
      if (!head.ok) return head;
      const { role, proposal } = head.value;
      if (proposal.authorId !== actor) return fail("forbidden", "Only its author may withdraw a proposal.");
      if (!limits.take(actor, "proposals")) return slowDown();
      const answer: ProposalAnswer = { state: "withdrawn", by: actor, at: now().toISOString(), note: null };
      if (!(await storage.answerProposal(boardId, proposal.id, answer))) return fail("conflict", ANSWERED);
      await announce(boardId, await replyInThread(proposal, actor, "Withdrew the proposal."));
      return ok({ proposal: await oneView(boardId, actor, role, proposal.id) });
    },
  };
}
