import type { BoardId, UserId } from "../../lib/model/ids";
import { REQUEST_STATES, type RequestState } from "../../lib/protocol/dependencyRequests";
import type { DependencyRequestChange, DependencyRequestRecord } from "./dependencyRequestStore";

/** A row of `dependency_requests` as both backends read it. */
export interface DependencyRequestRow {
  id: string;
  board_id: string;
  from_item_id: string;
  to_item_id: string;
  from_lane_id: string | null;
  to_lane_id: string | null;
  needed_by: string;
  note: string | null;
  requester_id: string;
  created_at: string;
  state: string;
  committed_finish: string | null;
  counter_date: string | null;
  answered_by: string | null;
  answered_at: string | null;
  answer_note: string | null;
  thread_id: string | null;
  dependency_id: string | null;
}

export const REQUEST_COLUMNS =
  "id, board_id, from_item_id, to_item_id, from_lane_id, to_lane_id, needed_by, note, requester_id, created_at, state, " +
  "committed_finish, counter_date, answered_by, answered_at, answer_note, thread_id, dependency_id";

/** The column of each field an answer may change (the only names that reach SQL). */
export const CHANGE_COLUMNS: Record<keyof DependencyRequestChange, string> = {
  state: "state",
  committedFinish: "committed_finish",
  counterDate: "counter_date",
  answeredBy: "answered_by",
  answeredAt: "answered_at",
  answerNote: "answer_note",
  threadId: "thread_id",
  dependencyId: "dependency_id",
};

/** The change's columns and values, in a fixed order. */
export function changeColumns(change: DependencyRequestChange): { columns: string[]; values: (string | null)[] } {
  const columns: string[] = [];
  const values: (string | null)[] = [];
  for (const key of Object.keys(CHANGE_COLUMNS) as (keyof DependencyRequestChange)[]) {
    if (change[key] === undefined) continue;
    columns.push(CHANGE_COLUMNS[key]);
    values.push(change[key] ?? null);
  }
  return { columns, values };
}

const asState = (s: string): RequestState => ((REQUEST_STATES as readonly string[]).includes(s) ? (s as RequestState) : "withdrawn");

export function toRequest(r: DependencyRequestRow): DependencyRequestRecord {
  return {
    id: r.id,
    boardId: r.board_id as BoardId,
    fromItemId: r.from_item_id,
    toItemId: r.to_item_id,
    fromLaneId: r.from_lane_id,
    toLaneId: r.to_lane_id,
    neededBy: r.needed_by,
    note: r.note,
    requesterId: r.requester_id as UserId,
    createdAt: r.created_at,
    state: asState(r.state),
    committedFinish: r.committed_finish,
    counterDate: r.counter_date,
    answeredBy: r.answered_by as UserId | null,
    answeredAt: r.answered_at,
    answerNote: r.answer_note,
    threadId: r.thread_id,
    dependencyId: r.dependency_id,
  };
}

/** The record's values in REQUEST_COLUMNS order. */
export function requestValues(r: DependencyRequestRecord): (string | null)[] {
  return [
    r.id,
    r.boardId,
    r.fromItemId,
    r.toItemId,
    r.fromLaneId,
    r.toLaneId,
    r.neededBy,
    r.note,
    r.requesterId,
    r.createdAt,
    r.state,
    r.committedFinish,
    r.counterDate,
    r.answeredBy,
    r.answeredAt,
    r.answerNote,
    r.threadId,
    r.dependencyId,
  ];
}
