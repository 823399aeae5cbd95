import type { BoardId, UserId } from "../../lib/model/ids";
import type { StepKind, VoteScope } from "../../lib/protocol/workshops";

/** One step of a workshop's agenda as stored: the plan, and when it ran (server times). */
export interface StoredStep {
  title: string;
  minutes: number;
  kind: StepKind;
  startedAt: string | null;
  endedAt: string | null;
  /** For a draft step: when its drafts were revealed (drafting is closed for it then). */
  revealedAt?: string | null;
}

export interface StoredTimer {
  state: "idle" | "running" | "paused";
  /** Running: the server time it reaches zero. */
  endsAt: string | null;
  /** Paused or idle: what is left. */
  remainingMs: number;
}

/** A workshop row (docs/workshops.md). Everything in it was decided by the server. */
export interface StoredWorkshop {
  id: string;
  boardId: BoardId;
  title: string;
  facilitatorId: UserId;
  startedAt: string;
  endedAt: string | null;
  agenda: StoredStep[];
  step: number;
  timer: StoredTimer;
  startVersionId: string | null;
  endVersionId: string | null;
}

/** Someone who was in the board's room during the workshop, as the server saw it. */
export interface ParticipantRecord {
  userId: UserId;
  joinedAt: string;
  /** Whole spans of presence already closed, in minutes (fractions kept). */
  minutes: number;
  /** Since when they are in the room now; null when they are not. */
  presentSince: string | null;
}

export type VoteState = "open" | "closed" | "revealed";

export interface StoredVote {
  id: string;
  workshopId: string;
  boardId: BoardId;
  title: string;
  scope: VoteScope["kind"];
  /** Resolved against the live board when the vote opened. */
  itemIds: string[];
  votesPerPerson: number;
  stacking: boolean;
  visibility: "hidden" | "open";
  state: VoteState;
  openedAt: string;
  closedAt: string | null;
  revealedAt: string | null;
}

/** What a ballot did: cast (or taken back), or why not. */
export type BallotOutcome = "ok" | "not-open" | "no-budget" | "no-stacking" | "nothing-to-take-back";

export interface VoteTally {
  /** Votes per item, for every item of the vote (0 where none). */
  counts: Record<string, number>;
  /** People with at least one vote on it. */
  voters: number;
}

export interface StoredDraft {
  id: string;
  workshopId: string;
  boardId: BoardId;
  authorId: UserId;
  title: string;
  laneId: string | null;
  phaseId: string | null;
  size: "S" | "M" | "L" | "XL";
  createdAt: string;
  /** The item it became; null before the reveal. */
  itemId: string | null;
  revealedAt: string | null;
}

export type DraftPatchFields = Partial<Pick<StoredDraft, "title" | "laneId" | "phaseId" | "size">>;

/**
 * Workshops and what belongs to them: participants, votes and their ballots, private drafts.
 * Both backends implement it; every row hangs off the board, so deleting the board deletes
 * them. The rules that must hold under concurrent requests, from several server instances too,
 * are checked here in one transaction: one running workshop per board, one open vote per
 * workshop, a voter's budget and stacking, a person's draft count.
 */
export interface WorkshopStore {
  /** Stores a new running workshop; "running" when the board already has one, "no-board" when the board is gone. */
  createWorkshop(workshop: StoredWorkshop): Promise<"created" | "running" | "no-board">;
  getWorkshop(boardId: BoardId, workshopId: string): Promise<StoredWorkshop | null>;
  runningWorkshop(boardId: BoardId): Promise<StoredWorkshop | null>;
  /** Newest first, at most `limit`. */
  listWorkshops(boardId: BoardId, limit: number): Promise<StoredWorkshop[]>;
  countWorkshops(boardId: BoardId): Promise<number>;
  /** Writes the mutable fields of a running workshop (ending it too); false when it is not running. */
  saveWorkshop(workshop: StoredWorkshop): Promise<boolean>;
  /** Deletes ended workshops of the board with everything that hangs off them. */
  deleteWorkshops(boardId: BoardId, workshopIds: string[]): Promise<void>;

  /**
   * One sample of who is in the board's room at `at`: those newly present join (or come back),
   * those gone have their span closed. With `scope`, only people in it may be found gone: an
   * instance that samples its own connections says nothing of people connected to another.
   * `present` = [] without a scope (the end) closes every span.
   */
  recordPresence(workshopId: string, present: UserId[], at: string, scope?: UserId[]): Promise<void>;
  listParticipants(workshopId: string): Promise<ParticipantRecord[]>;

  /** Stores a new open vote; false when the workshop already has an open one. */
  openVote(vote: StoredVote): Promise<boolean>;
  getVote(workshopId: string, voteId: string): Promise<StoredVote | null>;
  /** Oldest first. */
  listVotes(workshopId: string): Promise<StoredVote[]>;
  /** open → closed | revealed, closed → revealed; false for any other change. */
  setVoteState(workshopId: string, voteId: string, state: "closed" | "revealed", at: string): Promise<boolean>;
  /**
   * Adds (+1) or takes back (-1) one of `userId`'s votes on an item, checking in the same
   * transaction that the vote is open, the budget and stacking. The caller checked that the
   * item belongs to the vote.
   */
  castBallot(voteId: string, userId: UserId, itemId: string, delta: 1 | -1): Promise<BallotOutcome>;
  tally(voteId: string): Promise<VoteTally>;
  /** One person's votes per item (only items with at least one). */
  ballotsOf(voteId: string, userId: UserId): Promise<Record<string, number>>;

  /** Stores a draft unless its author already has `maxPerPerson` in the workshop. */
  createDraft(draft: StoredDraft, maxPerPerson: number): Promise<boolean>;
  getDraft(workshopId: string, draftId: string): Promise<StoredDraft | null>;
  /** Oldest first; one author's when given. */
  listDrafts(workshopId: string, authorId?: UserId): Promise<StoredDraft[]>;
  /** Changes an unrevealed draft of its author; null when there is none such. */
  updateDraft(workshopId: string, draftId: string, authorId: UserId, patch: DraftPatchFields): Promise<StoredDraft | null>;
  /** Deletes an unrevealed draft of its author; false when there is none such. */
  deleteDraft(workshopId: string, draftId: string, authorId: UserId): Promise<boolean>;
  /** Marks drafts revealed, with the item each became (null where none was made). */
  markDraftsRevealed(workshopId: string, items: { draftId: string; itemId: string | null }[], at: string): Promise<void>;
}
