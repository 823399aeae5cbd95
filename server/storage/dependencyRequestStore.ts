import type { BoardId, UserId } from "../../lib/model/ids";
import type { RequestState } from "../../lib/protocol/dependencyRequests";

/** One dependency request as stored (docs/teams.md "Dependency requests between teams"). */
export interface DependencyRequestRecord {
  id: string;
  boardId: BoardId;
  fromItemId: string;
  toItemId: string;
  fromLaneId: string | null;
  toLaneId: string | null;
  neededBy: string;
  note: string | null;
  requesterId: UserId;
  createdAt: string;
  state: RequestState;
  committedFinish: string | null;
  counterDate: string | null;
  answeredBy: UserId | null;
  answeredAt: string | null;
  answerNote: string | null;
  threadId: string | null;
  dependencyId: string | null;
}

/** What an answer changes; the fields left out keep their values. */
export type DependencyRequestChange = Partial<
  Pick<DependencyRequestRecord, "state" | "committedFinish" | "counterDate" | "answeredBy" | "answeredAt" | "answerNote" | "threadId" | "dependencyId">
>;

/** Why a request was not stored: the board holds `max` open ones already, or one is open between the same two items. */
export type CreateRequestOutcome = "created" | "full" | "duplicate" | "no-board";

/**
 * Dependency requests between teams. Only the server writes them, through the request services,
 * which check roles and lanes; the store keeps the rules that must hold across instances in its
 * transactions: the cap of open requests per board, one open request per pair of items, and
 * answers that apply only from the state they expect (two owners answering at once: one wins).
 */
export interface DependencyRequestStore {
  /** Stores a new request (state `requested`), unless the board has `maxOpen` open ones or one is open between its two items (either way round). */
  createDependencyRequest(record: DependencyRequestRecord, maxOpen: number): Promise<CreateRequestOutcome>;
  /** The board's requests, oldest first. */
  listDependencyRequests(boardId: BoardId): Promise<DependencyRequestRecord[]>;
  getDependencyRequest(boardId: BoardId, id: string): Promise<DependencyRequestRecord | null>;
  /**
   * Compare-and-set: applies `change` only while the request is in one of `expected` states, in
   * one statement; the request as it is after, or null when it is not (any more) in those states
   * or not on this board.
   */
  updateDependencyRequest(boardId: BoardId, id: string, expected: readonly RequestState[], change: DependencyRequestChange): Promise<DependencyRequestRecord | null>;
}
