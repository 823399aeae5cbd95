import type { LiveEvent } from "../../lib/protocol/events";
import type { BoardId, UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { ok } from "../../lib/model/result";
import type { AppServices } from "../../lib/protocol/appServices";
import { canComment, canEditRoadmap } from "../../lib/protocol/roles";
import {
  castBallotSchema,
  MAX_VOTE_ITEMS,
  openVoteSchema,
  startWorkshopSchema,
  voteStateChangeSchema,
  workshopActionSchema,
  type VoteScope,
  type WorkshopAction,
} from "../../lib/protocol/workshops";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { StoredWorkshop } from "../storage/workshopStore";
import { addMinutes, endAgenda, goToStep, idleTimer, pauseTimer, startTimer } from "../workshops/workshopClock";
import { isFailure, MAX_WORKSHOPS_PER_BOARD, newVoteId, newWorkshopId, WorkshopContext, type Failure, type WorkshopDeps } from "../workshops/workshopContext";
import { facilitatorSteps, slowDown } from "../workshops/facilitatorStep";
import { workshopDraftServices } from "../workshops/workshopDraftServices";
import { workshopRecordServices } from "../workshops/workshopRecordServices";
import { boardNotFound, fail } from "./serviceErrors";

export { MAX_WORKSHOPS_PER_BOARD };

/** Votes one workshop may hold (each keeps its items and ballots). */
export const MAX_VOTES_PER_WORKSHOP = 100;
/** How often the participants of running workshops are sampled from the rooms. */
export const PARTICIPANT_SAMPLE_MS = 15_000;

const VOTE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const voteNotFound = () => fail("not-found", "That vote does not exist in this workshop.");

export type WorkshopServices = Pick<
  AppServices,
  | "currentWorkshop"
  | "startWorkshop"
  | "workshopAction"
  | "openVote"
  | "castBallot"
  | "setVoteState"
  | "listDrafts"
  | "createDraft"
  | "updateDraft"
  | "deleteDraft"
  | "revealDrafts"
  | "listWorkshops"
  | "workshopRecord"
  | "workshopRecordMarkdown"
>;

/** What the server process drives itself: the participant sampler, and stopping it. */
export interface WorkshopTasks {
  sampleWorkshops(): Promise<void>;
  stopWorkshops(): void;
  /**
   * The running workshop's public view as the live event, for a stream opening on the board: a
   * guest (who may not call the routes) sees the session bar at once, not at the next change.
   */
  workshopNotice(boardId: BoardId): Promise<LiveEvent | null>;
}

/**
 * Workshops (docs/workshops.md): a facilitated session on a board with a timed agenda, dot
 * votes and private drafts, all held by the server. Owners and editors start one (one at a time
 * per board); the facilitator, and the board's owners, run it; owners, editors and commenters
 * vote and draft. Every change of one board's workshop runs in order (KeyedQueue), and every
 * change is announced to the board with what everyone may see.
 */
export function workshopServices(deps: WorkshopDeps): { services: WorkshopServices; tasks: WorkshopTasks } {
  const ctx = new WorkshopContext(deps);
  const { storage } = deps;
  const facilitatorStep = facilitatorSteps(ctx);
  const parseFail = (issues: Parameters<typeof describeIssues>[0]) => fail("invalid", describeIssues(issues));

  /**
   * Keeps a board's workshops to MAX_WORKSHOPS_PER_BOARD: the oldest ended ones go, with their
   * start and end versions (which thinning never removes; named ones and the baseline stay), so
   * starting and ending workshops in a loop cannot fill the disk.
   */
  async function forgetOldest(boardId: BoardId): Promise<void> {
    const kept = await storage.listWorkshops(boardId, MAX_WORKSHOPS_PER_BOARD + 50);
    const excess = kept.filter((w) => w.endedAt !== null).slice(MAX_WORKSHOPS_PER_BOARD - 1);
    if (!excess.length) return;
    await storage.deleteWorkshops(boardId, excess.map((w) => w.id));
    const baseline = await storage.getBaseline(boardId);
    const versionIds = excess.flatMap((w) => [w.startVersionId, w.endVersionId]).filter((id): id is string => id !== null && id !== baseline);
    const versions = await Promise.all(versionIds.map((id) => storage.getVersion(boardId, id)));
    await storage.deleteVersions(boardId, versions.filter((v) => v !== null && v.reason === "workshop" && v.name === null).map((v) => v!.id));
  }

  /** Saves the board as it is now as the workshop's start or end version, through its live room. */
  const takeVersion = (boardId: BoardId, actor: UserId) => deps.withLiveBoard(boardId, (board) => board.versions.take("workshop", actor));

  /** Announces the change to the board and answers the actor with their own view. */
  async function changed(actor: UserId, role: Parameters<WorkshopContext["viewFor"]>[1], workshop: StoredWorkshop) {
    await ctx.sample(workshop);
    const pub = await ctx.publicView(workshop);
    ctx.announce(workshop.boardId, pub);
    return ctx.viewFor(actor, role, workshop, pub);
  }

  /** A vote runs within its step: leaving the step (or ending the workshop) closes it; a hidden one stays hidden until revealed. */
  async function closeOpenVote(workshop: StoredWorkshop, now: Date): Promise<void> {
    const open = (await storage.listVotes(workshop.id)).filter((v) => v.state === "open");
    for (const vote of open) await storage.setVoteState(workshop.id, vote.id, "closed", now.toISOString());
  }

  async function runAction(actor: UserId, workshop: StoredWorkshop, action: WorkshopAction): Promise<StoredWorkshop | Failure> {
    const now = ctx.now();
    switch (action.action) {
      case "start-timer":
        return { ...workshop, timer: startTimer(workshop.timer, now) };
      case "pause-timer":
        return { ...workshop, timer: pauseTimer(workshop.timer, now) };
      case "add-minutes":
        return { ...workshop, timer: addMinutes(workshop.timer, action.minutes, now) };
      case "next-step":
        if (workshop.step + 1 >= workshop.agenda.length) return fail("conflict", "This is the last step: end the workshop instead.");
        await closeOpenVote(workshop, now);
        return goToStep(workshop, workshop.step + 1, now);
      case "go-to-step":
        if (action.step >= workshop.agenda.length) return fail("invalid", `The agenda has ${workshop.agenda.length} steps.`);
        if (action.step === workshop.step) return workshop;
        await closeOpenVote(workshop, now);
        return goToStep(workshop, action.step, now);
      case "hand-over": {
        const target = action.userId as UserId;
        if (!canEditRoadmap(await deps.roleOf(target, workshop.boardId)))
          return fail("invalid", "Hand the workshop over to an owner or editor of this board.");
        return { ...workshop, facilitatorId: target };
      }
      case "end": {
        await closeOpenVote(workshop, now);
        const endVersion = await takeVersion(workshop.boardId, actor);
        return { ...endAgenda(workshop, now), endVersionId: endVersion?.id ?? null };
      }
    }
  }

  /** The items a vote is over, read from the live board when it opens; unknown ids are refused. */
  function resolveScope(snapshot: BoardSnapshot, scope: VoteScope): string[] | Failure {
    switch (scope.kind) {
      case "board":
        return snapshot.items.map((i) => i.id);
      case "phase":
        if (!snapshot.phases.some((p) => p.id === scope.phaseId)) return fail("not-found", "That phase is not on the board.");
        return snapshot.items.filter((i) => i.phaseId === scope.phaseId).map((i) => i.id);
      case "lane":
        if (!snapshot.lanes.some((l) => l.id === scope.laneId)) return fail("not-found", "That lane is not on the board.");
        return snapshot.items.filter((i) => i.laneId === scope.laneId).map((i) => i.id);
      case "selection": {
        const known = new Set<string>(snapshot.items.map((i) => i.id));
        const missing = scope.itemIds.filter((id) => !known.has(id));
        if (missing.length) return fail("not-found", `Not on the board: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? "…" : ""}`);
        return [...new Set(scope.itemIds)];
      }
    }
  }

  const services: WorkshopServices = {
    async currentWorkshop(actor, boardId) {
      const role = await ctx.role(actor, boardId);
      if (isFailure(role)) return role;
      const workshop = await storage.runningWorkshop(boardId);
      if (workshop) ctx.running.set(boardId, workshop.id);
      return ok({ workshop: workshop ? await ctx.viewFor(actor, role, workshop) : null, serverNow: ctx.now().toISOString() });
    },

    async startWorkshop(actor, boardId, input) {
      const role = await ctx.role(actor, boardId);
      if (isFailure(role)) return role;
      if (!canEditRoadmap(role)) return fail("forbidden", "Only editors and owners can start a workshop.");
      const parsed = startWorkshopSchema.safeParse(input);
      if (!parsed.success) return parseFail(parsed.error);
      return ctx.queue.run(boardId, async () => {
        if (await storage.runningWorkshop(boardId)) return fail("conflict", "A workshop is already running on this board.");
        if (!ctx.limits.take(actor, "start")) return slowDown();
        await forgetOldest(boardId);
        const version = await takeVersion(boardId, actor);
        if (!version) return boardNotFound();
        const now = ctx.now().toISOString();
        const agenda = parsed.data.agenda.map((s, i) => ({ ...s, startedAt: i === 0 ? now : null, endedAt: null }));
        const workshop: StoredWorkshop = {
          id: newWorkshopId(),
          boardId,
          title: parsed.data.title,
          facilitatorId: actor,
          startedAt: now,
          endedAt: null,
          agenda,
          step: 0,
          timer: idleTimer(agenda[0]!.minutes),
          startVersionId: version.id,
          endVersionId: null,
        };
        const created = await storage.createWorkshop(workshop);
        if (created === "running") return fail("conflict", "A workshop is already running on this board.");
        if (created === "no-board") return boardNotFound();
        ctx.running.set(boardId, workshop.id);
        return ok({ workshop: await changed(actor, role, workshop) });
      });
    },

    workshopAction: facilitatorStep(workshopActionSchema, async ({ actor, boardId, role, workshop, input }) => {
      const next = await runAction(actor, workshop, input);
      if (isFailure(next)) return next;
      if (next !== workshop && !(await storage.saveWorkshop(next))) return fail("conflict", "This workshop has ended.");
      if (next.endedAt === null) return ok({ workshop: await changed(actor, role, next) });
      // Ended: every span of presence closes now; the board hears that no workshop runs.
      await storage.recordPresence(next.id, [], next.endedAt);
      ctx.forget(boardId, next.id);
      ctx.announce(boardId, null);
      return ok({ workshop: await ctx.viewFor(actor, role, next) });
    }),

    openVote: facilitatorStep(openVoteSchema, async ({ actor, boardId, role, workshop, input }) => {
      if ((await storage.listVotes(workshop.id)).length >= MAX_VOTES_PER_WORKSHOP)
        return fail("conflict", `A workshop holds at most ${MAX_VOTES_PER_WORKSHOP} votes.`);
      const itemIds = resolveScope(await deps.readSnapshot(boardId), input.scope);
      if (isFailure(itemIds)) return itemIds;
      if (!itemIds.length) return fail("invalid", "There are no items to vote on in that scope.");
      if (itemIds.length > MAX_VOTE_ITEMS) return fail("invalid", `A vote is over at most ${MAX_VOTE_ITEMS} items: pick a phase, a lane or a selection.`);
      const { title, scope, votesPerPerson, stacking, visibility } = input;
      const opened = await storage.openVote({
        id: newVoteId(),
        workshopId: workshop.id,
        boardId,
        title,
        scope: scope.kind,
        itemIds,
        votesPerPerson,
        stacking,
        visibility,
        state: "open",
        openedAt: ctx.now().toISOString(),
        closedAt: null,
        revealedAt: null,
      });
      if (!opened) return fail("conflict", "A vote is already open: close it first.");
      return ok({ workshop: await changed(actor, role, workshop) });
    }),

    async castBallot(actor, boardId, workshopId, voteId, input) {
      const role = await ctx.role(actor, boardId);
      if (isFailure(role)) return role;
      if (!canComment(role)) return fail("forbidden", "Viewers cannot vote.");
      const parsed = castBallotSchema.safeParse(input);
      if (!parsed.success) return parseFail(parsed.error);
      if (!ctx.limits.take(actor, "ballot")) return fail("too-many", "That was a lot of votes at once: wait a moment.");
      return ctx.queue.run(boardId, async () => {
        const workshop = await ctx.runningOne(boardId, workshopId);
        if (isFailure(workshop)) return workshop;
        const vote = VOTE_ID.test(voteId) ? await storage.getVote(workshop.id, voteId) : null;
        if (!vote) return voteNotFound();
        const { itemId, delta } = parsed.data;
        if (!vote.itemIds.includes(itemId)) return fail("invalid", "That item is not part of this vote.");
        const outcome = await storage.castBallot(vote.id, actor, itemId, delta);
        switch (outcome) {
          case "not-open":
            return fail("conflict", "The vote is closed.");
          case "no-budget":
            return fail("conflict", `You have used all ${vote.votesPerPerson} of your votes: take one back first.`);
          case "no-stacking":
            return fail("conflict", "This vote allows one vote per item.");
          case "nothing-to-take-back":
            return fail("conflict", "You have no vote on that item to take back.");
          case "ok":
            break;
        }
        // Ballots are announced together a moment later: a crowd voting at once is a few events, not one each.
        ctx.announceSoon(boardId);
        return ok({ workshop: await ctx.viewFor(actor, role, workshop) });
      });
    },

    setVoteState: (actor, boardId, workshopId, voteId, input) =>
      facilitatorStep(voteStateChangeSchema, async ({ role, workshop, input: change }) => {
        const vote = VOTE_ID.test(voteId) ? await storage.getVote(workshop.id, voteId) : null;
        if (!vote) return voteNotFound();
        if (!(await storage.setVoteState(workshop.id, vote.id, change.state, ctx.now().toISOString())))
          return fail("conflict", `The vote is already ${vote.state}.`);
        return ok({ workshop: await changed(actor, role, workshop) });
      })(actor, boardId, workshopId, input),

    ...workshopDraftServices(ctx, changed, facilitatorStep),
    ...workshopRecordServices(ctx),
  };

  return {
    services,
    tasks: {
      sampleWorkshops: () => ctx.tick(),
      stopWorkshops: () => ctx.stop(),
      async workshopNotice(boardId) {
        const running = await storage.runningWorkshop(boardId);
        return running ? { type: "workshop", boardId, workshop: await ctx.publicView(running), serverNow: ctx.now().toISOString() } : null;
      },
    },
  };
}

export type Changed = (actor: UserId, role: Parameters<WorkshopContext["viewFor"]>[1], workshop: StoredWorkshop) => ReturnType<WorkshopContext["viewFor"]>;
