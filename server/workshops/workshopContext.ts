import { randomUUID } from "node:crypto";
import type { BoardId, UserId } from "../../lib/model/ids";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { Result } from "../../lib/model/result";
import type { ServiceError } from "../../lib/protocol/appServices";
import { canComment, canEditRoadmap, canManageBoard, type Role } from "../../lib/protocol/roles";
import type { WorkshopPublic, WorkshopView } from "../../lib/protocol/workshops";
import type { LivePublisher } from "../events/liveEvents";
import type { Logger } from "../log";
import { peopleNames } from "../services/peopleNames";
import { boardNotFound, fail } from "../services/serviceErrors";
import type { WithLiveBoard } from "../services/versionServices";
import type { Storage } from "../storage/storage";
import type { StoredWorkshop } from "../storage/workshopStore";
import { KeyedQueue } from "./keyedQueue";
import { WorkshopLimits } from "./workshopLimits";
import { workshopPublic, type Names } from "./workshopViews";

export interface WorkshopDeps {
  storage: Storage;
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>;
  withLiveBoard: WithLiveBoard;
  /** The board as its connections see it now. */
  readSnapshot: (boardId: BoardId) => Promise<BoardSnapshot>;
  live: LivePublisher;
  /**
   * The signed-in people connected to the board's room right now (share-link guests are not
   * counted by name): the server's own view of who is there, never a client's claim.
   */
  roomPeople: (boardId: BoardId) => UserId[];
  now: () => Date;
  log: Pick<Logger, "error">;
}

/** Workshop ids are unguessable and shaped like route parameters. */
export const newWorkshopId = () => `w-${randomUUID()}`;
export const newVoteId = () => `vt-${randomUUID()}`;
export const newDraftId = () => `dr-${randomUUID()}`;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Workshops a board keeps: starting one more forgets the oldest ended ones (and their votes and drafts). */
export const MAX_WORKSHOPS_PER_BOARD = 200;

/** How long ballots wait to be announced together: 40 people voting at once is one event per tick, not 40. */
const BALLOT_ANNOUNCE_MS = 100;

export type Failure = Result<never, ServiceError>;
export const workshopNotFound = () => fail("not-found", "That workshop does not exist on this board.");

/**
 * What every workshop service shares: access checks, the per-board queue, the live
 * announcements and the views. One per server process.
 */
export class WorkshopContext {
  readonly queue = new KeyedQueue();
  readonly limits = new WorkshopLimits();
  /** Running workshops this process knows of, sampled for participants every tick. */
  readonly running = new Map<BoardId, string>();
  /** Who this instance last saw in each running workshop's room. */
  private readonly seenHere = new Map<string, UserId[]>();
  /** Who was last announced present per workshop, so a tick announces only a change. */
  private readonly lastPresent = new Map<string, string>();
  /** Boards whose running workshop is to be announced at the next flush. */
  private readonly pendingAnnounce = new Set<BoardId>();
  /**
   * Flushes pending announcements every BALLOT_ANNOUNCE_MS. One timer for the process, made
   * here rather than per ballot: with a timer set inside each ballot's route handler, the final
   * counts reached everyone about a second late under Next.js (bench:workshop, docs/benchmarks.md).
   */
  private readonly flusher: NodeJS.Timeout;

  constructor(readonly deps: WorkshopDeps) {
    this.flusher = setInterval(() => this.flush(), BALLOT_ANNOUNCE_MS);
    this.flusher.unref();
  }

  now(): Date {
    return this.deps.now();
  }

  async role(actor: UserId, boardId: BoardId): Promise<Role | Failure> {
    const role = await this.deps.roleOf(actor, boardId);
    return role ?? boardNotFound();
  }

  /** The facilitator (while still an editor or owner) and the board's owners run the session. */
  mayRun(actor: UserId, role: Role, workshop: StoredWorkshop): boolean {
    return canManageBoard(role) || (workshop.facilitatorId === actor && canEditRoadmap(role));
  }

  notFacilitator(): Failure {
    return fail("forbidden", "Only the facilitator or an owner of the board can do that.");
  }

  /** A workshop of the board that is still running. */
  async runningOne(boardId: BoardId, workshopId: string): Promise<StoredWorkshop | Failure> {
    const workshop = ID_PATTERN.test(workshopId) ? await this.deps.storage.getWorkshop(boardId, workshopId) : null;
    if (!workshop) return workshopNotFound();
    if (workshop.endedAt !== null) return fail("conflict", "This workshop has ended.");
    this.running.set(boardId, workshop.id);
    return workshop;
  }

  async names(ids: Iterable<UserId>): Promise<Names> {
    const map = await peopleNames(this.deps.storage, ids);
    return (id) => map.get(id) ?? { id, name: "Former member" };
  }

  /**
   * Takes one sample of who is in the board's room on this instance; only people this instance
   * saw before may be found gone (another instance's connections are its own to report). A
   * failure is logged, never the request's.
   */
  async sample(workshop: StoredWorkshop): Promise<void> {
    try {
      const present = this.deps.roomPeople(workshop.boardId);
      const before = this.seenHere.get(workshop.id) ?? [];
      await this.deps.storage.recordPresence(workshop.id, present, this.now().toISOString(), [...new Set([...before, ...present])]);
      this.seenHere.set(workshop.id, present);
    } catch (error) {
      this.deps.log.error({ board: workshop.boardId, err: String(error) }, "workshop participants sample failed");
    }
  }

  /** What everyone on the board may see of the workshop. */
  async publicView(workshop: StoredWorkshop): Promise<WorkshopPublic> {
    const { storage } = this.deps;
    const [participants, votes, drafts] = await Promise.all([
      storage.listParticipants(workshop.id),
      storage.listVotes(workshop.id),
      storage.listDrafts(workshop.id),
    ]);
    const latest = votes.at(-1) ?? null;
    const tally = latest ? await storage.tally(latest.id) : null;
    const names = await this.names([workshop.facilitatorId, ...participants.map((p) => p.userId)]);
    this.lastPresent.set(workshop.id, presentKey(participants));
    return workshopPublic(workshop, {
      participants,
      vote: latest && tally ? { vote: latest, tally } : null,
      draftCount: drafts.length,
      names,
      now: this.now(),
    });
  }

  /** The public view plus the actor's own votes on the current vote (only theirs, ever). */
  async viewFor(actor: UserId, role: Role, workshop: StoredWorkshop, shared?: WorkshopPublic): Promise<WorkshopView> {
    const pub = shared ?? (await this.publicView(workshop));
    if (!pub.vote || !canComment(role)) return { ...pub, mine: null };
    const votes = await this.deps.storage.ballotsOf(pub.vote.id, actor);
    const used = Object.values(votes).reduce((a, b) => a + b, 0);
    return { ...pub, mine: { votes, remaining: Math.max(0, pub.vote.votesPerPerson - used) } };
  }

  /** Sends the board the workshop's public view (null once it ended). */
  announce(boardId: BoardId, workshop: WorkshopPublic | null): void {
    this.pendingAnnounce.delete(boardId);
    this.deps.live.publishToBoard(boardId, { type: "workshop", boardId, workshop, serverNow: this.now().toISOString() });
  }

  /** Announces the running workshop a moment from now, once for everything that happened meanwhile. */
  announceSoon(boardId: BoardId): void {
    this.pendingAnnounce.add(boardId);
  }

  private flush(): void {
    for (const boardId of [...this.pendingAnnounce]) {
      this.pendingAnnounce.delete(boardId);
      void this.announceRunning(boardId);
    }
  }

  /**
   * In the board's queue, like every change: a view read while the workshop ends must not be
   * sent after the end's `null`, or screens would show an ended workshop as running.
   */
  private announceRunning(boardId: BoardId): Promise<void> {
    return this.queue.run(boardId, async () => {
      try {
        const workshop = await this.deps.storage.runningWorkshop(boardId);
        this.announce(boardId, workshop ? await this.publicView(workshop) : null);
      } catch (error) {
        this.deps.log.error({ board: boardId, err: String(error) }, "workshop announcement failed");
      }
    });
  }

  /**
   * One tick of the participant sampler (every 15 s while this process serves a running
   * workshop): who is in each room now; the board hears of it when someone came or went.
   */
  async tick(): Promise<void> {
    for (const [boardId, workshopId] of [...this.running]) {
      await this.queue.run(boardId, async () => {
        try {
          const workshop = await this.deps.storage.getWorkshop(boardId, workshopId);
          if (!workshop || workshop.endedAt !== null) {
            this.forget(boardId, workshopId);
            return;
          }
          const before = this.lastPresent.get(workshopId);
          await this.sample(workshop);
          const after = presentKey(await this.deps.storage.listParticipants(workshopId));
          if (after !== before) this.announce(boardId, await this.publicView(workshop));
        } catch (error) {
          this.deps.log.error({ board: boardId, err: String(error) }, "workshop tick failed");
        }
      });
    }
  }

  forget(boardId: BoardId, workshopId: string): void {
    this.running.delete(boardId);
    this.lastPresent.delete(workshopId);
    this.seenHere.delete(workshopId);
  }

  stop(): void {
    clearInterval(this.flusher);
    this.pendingAnnounce.clear();
  }
}

const presentKey = (participants: { userId: string; presentSince: string | null }[]) =>
  participants
    .filter((p) => p.presentSince !== null)
    .map((p) => p.userId)
    .sort()
    .join(",");

export const isFailure = <T>(value: T | Failure): value is Failure => typeof value === "object" && value !== null && "ok" in value && value.ok === false;
