import type { BoardId, UserId } from "../../lib/model/ids";
import type { ParticipantRecord, StoredDraft, StoredStep, StoredTimer, StoredVote, StoredWorkshop, VoteState } from "./workshopStore";

/** The columns a workshop is stored in, in the order workshopValues gives them. */
export const WORKSHOP_COLUMNS = "id, board_id, title, facilitator_id, started_at, ended_at, agenda, step, timer, start_version_id, end_version_id";

/** A workshop as the values of WORKSHOP_COLUMNS (agenda and timer as JSON), as both backends insert it. */
export const workshopValues = (w: StoredWorkshop) => [
  w.id,
  w.boardId,
  w.title,
  w.facilitatorId,
  w.startedAt,
  w.endedAt,
  JSON.stringify(w.agenda),
  w.step,
  JSON.stringify(w.timer),
  w.startVersionId,
  w.endVersionId,
];

/**
 * What saving a running workshop may change, in the order both backends' UPDATE sets them:
 * title, facilitator_id, ended_at, agenda, step, timer, start_version_id, end_version_id.
 */
export const workshopChanges = (w: StoredWorkshop) => [w.title, w.facilitatorId, w.endedAt, JSON.stringify(w.agenda), w.step, JSON.stringify(w.timer), w.startVersionId, w.endVersionId];

/** Rows of the workshop tables as both backends read them. */
export interface WorkshopRow {
  id: string;
  board_id: string;
  title: string;
  facilitator_id: string;
  started_at: string;
  ended_at: string | null;
  agenda: string;
  step: number | string;
  timer: string;
  start_version_id: string | null;
  end_version_id: string | null;
}

export const toWorkshop = (r: WorkshopRow): StoredWorkshop => ({
  id: r.id,
  boardId: r.board_id as BoardId,
  title: r.title,
  facilitatorId: r.facilitator_id as UserId,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  agenda: JSON.parse(r.agenda) as StoredStep[],
  step: Number(r.step),
  timer: JSON.parse(r.timer) as StoredTimer,
  startVersionId: r.start_version_id,
  endVersionId: r.end_version_id,
});

export interface ParticipantRow {
  user_id: string;
  joined_at: string;
  minutes: number | string;
  present_since: string | null;
}

export const toParticipant = (r: ParticipantRow): ParticipantRecord => ({
  userId: r.user_id as UserId,
  joinedAt: r.joined_at,
  minutes: Number(r.minutes),
  presentSince: r.present_since,
});

export interface VoteRow {
  id: string;
  workshop_id: string;
  board_id: string;
  title: string;
  scope: string;
  item_ids: string;
  votes_per_person: number | string;
  stacking: number | boolean;
  visibility: string;
  state: string;
  opened_at: string;
  closed_at: string | null;
  revealed_at: string | null;
}

export const toVote = (r: VoteRow): StoredVote => ({
  id: r.id,
  workshopId: r.workshop_id,
  boardId: r.board_id as BoardId,
  title: r.title,
  scope: r.scope as StoredVote["scope"],
  itemIds: JSON.parse(r.item_ids) as string[],
  votesPerPerson: Number(r.votes_per_person),
  stacking: r.stacking === true || r.stacking === 1,
  visibility: r.visibility as StoredVote["visibility"],
  state: r.state as VoteState,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  revealedAt: r.revealed_at,
});

export interface DraftRow {
  id: string;
  workshop_id: string;
  board_id: string;
  author_id: string;
  title: string;
  lane_id: string | null;
  phase_id: string | null;
  size: string;
  created_at: string;
  item_id: string | null;
  revealed_at: string | null;
}

export const toDraft = (r: DraftRow): StoredDraft => ({
  id: r.id,
  workshopId: r.workshop_id,
  boardId: r.board_id as BoardId,
  authorId: r.author_id as UserId,
  title: r.title,
  laneId: r.lane_id,
  phaseId: r.phase_id,
  size: r.size as StoredDraft["size"],
  createdAt: r.created_at,
  itemId: r.item_id,
  revealedAt: r.revealed_at,
});

/** Minutes between two ISO times (never negative: a clock step back adds nothing). */
export const minutesBetween = (from: string, to: string): number => Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000);

/**
 * What a ballot does given the voter's current votes: the new count on the item, or why not.
 * Shared by both backends so the rule is written once.
 */
export function ballotRule(
  vote: { votesPerPerson: number; stacking: boolean },
  used: number,
  onItem: number,
  delta: 1 | -1,
): { ok: true; count: number } | { ok: false; why: "no-budget" | "no-stacking" | "nothing-to-take-back" } {
  if (delta === -1) return onItem > 0 ? { ok: true, count: onItem - 1 } : { ok: false, why: "nothing-to-take-back" };
  if (used >= vote.votesPerPerson) return { ok: false, why: "no-budget" };
  if (!vote.stacking && onItem >= 1) return { ok: false, why: "no-stacking" };
  return { ok: true, count: onItem + 1 };
}
