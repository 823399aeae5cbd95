import type { BoardId, UserId } from "../../lib/model/ids";
import type { ProposalBase, ProposalChange, ProposalState } from "../../lib/protocol/proposals";

/** One proposal as the server keeps it (docs/teams.md "Proposals"). */
export interface ProposalRecord {
  id: string;
  boardId: BoardId;
  laneId: string;
  /** The item it changes or removes; null for a new item. */
  itemId: string | null;
  change: ProposalChange;
  /** The item's values for the fields proposed, when it was made. */
  base: ProposalBase;
  reason: string;
  authorId: UserId;
  createdAt: string;
  state: ProposalState;
  answeredBy: UserId | null;
  answeredAt: string | null;
  answerNote: string | null;
  counterOf: string | null;
  threadId: string | null;
  /** The item an accepted new-item proposal created. */
  appliedItemId: string | null;
}

/** How an answer moves a proposal out of "open". */
export interface ProposalAnswer {
  state: Exclude<ProposalState, "open">;
  by: UserId;
  at: string;
  note: string | null;
  appliedItemId?: string | null;
}

export interface ProposalCaps {
  /** Open proposals the board may hold at most (this one included). */
  board: number;
  /** Open proposals one author may hold on the board at most (this one included). */
  person: number;
}

/** Why a proposal was not stored: a cap, or (for a counter) the proposal it answers was no longer open. */
export type CreateProposalOutcome = "created" | "board-full" | "person-full" | "not-open";

/** Answered proposals "all" lists at most besides the open ones (newest first): a board's history, not its archive. */
export const ANSWERED_PROPOSALS_LISTED = 200;

/**
 * Proposals, written only through the proposal services (server/services/proposalServices.ts).
 * The caps are checked in the same transaction as the insert, and an answer moves a proposal
 * from "open" only (compare-and-set): of two answers at once, one wins and the other is told.
 */
export interface ProposalStore {
  /**
   * Stores an open proposal unless a cap is reached. With `countering`, the proposal it answers
   * is marked `countered` in the same transaction, and nothing is stored when that one is no
   * longer open (`not-open`).
   */
  createProposal(record: ProposalRecord, caps: ProposalCaps, countering?: { id: string; answer: ProposalAnswer }): Promise<CreateProposalOutcome>;
  /** Open ones (oldest first), or open ones and the most recent answered ones. */
  listProposals(boardId: BoardId, which: "open" | "all"): Promise<ProposalRecord[]>;
  getProposal(boardId: BoardId, id: string): Promise<ProposalRecord | null>;
  /** Moves an open proposal to the answer's state; false (nothing written) when it is no longer open. */
  answerProposal(boardId: BoardId, id: string, answer: ProposalAnswer): Promise<boolean>;
  /** Remembers the item an accepted new-item proposal created (known only once it is written, after the answer). */
  setProposalAppliedItem(boardId: BoardId, id: string, itemId: string): Promise<void>;
}
