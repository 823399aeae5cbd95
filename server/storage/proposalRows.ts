import type { BoardId, UserId } from "../../lib/model/ids";
import { PROPOSAL_STATES, type ProposalBase, type ProposalChange, type ProposalState } from "../../lib/protocol/proposals";
import type { ProposalRecord } from "./proposalStore";

/** A proposals row as both backends read it. */
export interface ProposalRow {
  id: string;
  board_id: string;
  lane_id: string;
  item_id: string | null;
  kind: string;
  change: string;
  base: string;
  reason: string;
  author_id: string;
  created_at: string;
  state: string;
  answered_by: string | null;
  answered_at: string | null;
  answer_note: string | null;
  counter_of: string | null;
  thread_id: string | null;
  applied_item_id: string | null;
}

export const PROPOSAL_COLUMNS =
  "id, board_id, lane_id, item_id, kind, change, base, reason, author_id, created_at, state, answered_by, answered_at, answer_note, counter_of, thread_id, applied_item_id";

/** The row's values in PROPOSAL_COLUMNS order. */
export function proposalValues(r: ProposalRecord): (string | null)[] {
  return [
    r.id,
    r.boardId,
    r.laneId,
    r.itemId,
    r.change.kind,
    JSON.stringify(r.change),
    JSON.stringify(r.base),
    r.reason,
    r.authorId,
    r.createdAt,
    r.state,
    r.answeredBy,
    r.answeredAt,
    r.answerNote,
    r.counterOf,
    r.threadId,
    r.appliedItemId,
  ];
}

const stateOf = (s: string): ProposalState => ((PROPOSAL_STATES as readonly string[]).includes(s) ? (s as ProposalState) : "withdrawn");

/** The server wrote every row from parsed input, so the JSON is read back as it was written. */
export function proposalFromRow(row: ProposalRow): ProposalRecord {
  return {
    id: row.id,
    boardId: row.board_id as BoardId,
    laneId: row.lane_id,
    itemId: row.item_id,
    change: JSON.parse(row.change) as ProposalChange,
    base: JSON.parse(row.base) as ProposalBase,
    reason: row.reason,
    authorId: row.author_id as UserId,
    createdAt: row.created_at,
    state: stateOf(row.state),
    answeredBy: row.answered_by as UserId | null,
    answeredAt: row.answered_at,
    answerNote: row.answer_note,
    counterOf: row.counter_of,
    threadId: row.thread_id,
    appliedItemId: row.applied_item_id,
  };
}
