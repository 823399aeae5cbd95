import type { UserId } from "../../lib/model/ids";
import { OPEN_REQUEST_STATES, type DependencyRequestView } from "../../lib/protocol/dependencyRequests";
import type { People } from "../services/commentViews";
import { FORMER_MEMBER } from "../services/commentViews";
import type { DependencyRequestRecord } from "../storage/dependencyRequestStore";

/** What the reader may do with a request, decided by the services with the lane rules (lib/protocol/teams.ts). */
export interface ReaderRights {
  /** The reader may answer for the predecessor's lane (commit, counter, decline). */
  answersFor(request: DependencyRequestRecord): boolean;
  /** The reader asked, and may still edit the successor's lane (accept a counter). */
  asked(request: DependencyRequestRecord): boolean;
}

const nameOf = (people: People, id: UserId) => people.get(id)?.name ?? FORMER_MEMBER;

/** A stored request as the reader sees it, with names and what they may do. */
export function toRequestView(r: DependencyRequestRecord, people: People, reader: UserId, rights: ReaderRights): DependencyRequestView {
  const open = OPEN_REQUEST_STATES.includes(r.state);
  const mayAnswer = open && (rights.answersFor(r) || (r.state === "countered" && rights.asked(r)));
  return {
    id: r.id,
    boardId: r.boardId,
    fromItemId: r.fromItemId,
    toItemId: r.toItemId,
    neededBy: r.neededBy,
    state: r.state,
    committedFinish: r.committedFinish,
    counterDate: r.counterDate,
    dependencyId: r.dependencyId,
    fromLaneId: r.fromLaneId,
    toLaneId: r.toLaneId,
    note: r.note,
    requesterId: r.requesterId,
    requesterName: nameOf(people, r.requesterId),
    createdAt: r.createdAt,
    answer: r.answeredBy && r.answeredAt ? { byId: r.answeredBy, byName: nameOf(people, r.answeredBy), at: r.answeredAt, note: r.answerNote } : null,
    threadId: r.threadId,
    mayAnswer,
    mayWithdraw: open && r.requesterId === reader,
  };
}

/** Everyone the views name. */
export function peopleOf(records: readonly DependencyRequestRecord[]): UserId[] {
  const ids: UserId[] = [];
  for (const r of records) {
    ids.push(r.requesterId);
    if (r.answeredBy) ids.push(r.answeredBy);
  }
  return ids;
}
