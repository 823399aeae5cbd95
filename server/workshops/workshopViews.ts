import type { UserId } from "../../lib/model/ids";
import type { AgendaStepView, DraftView, PersonView, VotePublic, WorkshopPublic, WorkshopSummary } from "../../lib/protocol/workshops";
import type { ParticipantRecord, StoredDraft, StoredStep, StoredVote, StoredWorkshop, VoteTally } from "../storage/workshopStore";
import { remainingMs } from "./workshopClock";

/** Names of the people a view mentions, looked up by the caller. */
export type Names = (id: UserId) => PersonView;

/**
 * Whether a vote's counts may be sent: an open-visibility vote's always, a hidden one's only
 * once revealed. The one rule every answer and every live event goes through.
 */
export const countsVisible = (vote: Pick<StoredVote, "visibility" | "state">): boolean => vote.visibility === "open" || vote.state === "revealed";

export function votePublic(vote: StoredVote, tally: VoteTally): VotePublic {
  return {
    id: vote.id,
    title: vote.title,
    scope: vote.scope,
    itemIds: vote.itemIds,
    votesPerPerson: vote.votesPerPerson,
    stacking: vote.stacking,
    visibility: vote.visibility,
    state: vote.state,
    counts: countsVisible(vote) ? { ...tally.counts } : null,
    voters: tally.voters,
    openedAt: vote.openedAt,
    revealedAt: vote.revealedAt,
  };
}

export const stepView = (s: StoredStep): AgendaStepView => ({ title: s.title, minutes: s.minutes, kind: s.kind, startedAt: s.startedAt, endedAt: s.endedAt });

/** Drafting is open while a draft step is current and its drafts are not yet revealed. */
export function draftingState(workshop: StoredWorkshop): "closed" | "open" | "revealed" {
  if (workshop.endedAt !== null) return "closed";
  const step = workshop.agenda[workshop.step];
  if (!step || step.kind !== "draft") return "closed";
  return step.revealedAt ? "revealed" : "open";
}

export function workshopPublic(
  workshop: StoredWorkshop,
  parts: { participants: ParticipantRecord[]; vote: { vote: StoredVote; tally: VoteTally } | null; draftCount: number; names: Names; now: Date },
): WorkshopPublic {
  const { participants, vote, draftCount, names, now } = parts;
  const timerLeft = remainingMs(workshop.timer, now);
  return {
    id: workshop.id,
    boardId: workshop.boardId,
    title: workshop.title,
    facilitator: names(workshop.facilitatorId),
    startedAt: workshop.startedAt,
    endedAt: workshop.endedAt,
    agenda: workshop.agenda.map(stepView),
    step: workshop.step,
    timer: { state: workshop.timer.state, endsAt: workshop.timer.state === "running" ? workshop.timer.endsAt : null, remainingMs: timerLeft },
    participants: participants.map((p) => ({ ...names(p.userId), present: p.presentSince !== null })),
    vote: vote ? votePublic(vote.vote, vote.tally) : null,
    drafting: { state: draftingState(workshop), count: draftCount },
    startVersionId: workshop.startVersionId,
  };
}

export const summaryOf = (workshop: StoredWorkshop, participants: number, names: Names): WorkshopSummary => ({
  id: workshop.id,
  title: workshop.title,
  facilitator: names(workshop.facilitatorId),
  startedAt: workshop.startedAt,
  endedAt: workshop.endedAt,
  participants,
});

export const draftView = (d: StoredDraft, names: Names): DraftView => ({
  id: d.id,
  author: names(d.authorId),
  title: d.title,
  laneId: d.laneId,
  phaseId: d.phaseId,
  size: d.size,
  createdAt: d.createdAt,
  itemId: d.itemId,
});

/** Minutes someone was present, counting a span still open at `until`. */
export function minutesPresent(p: ParticipantRecord, until: Date): number {
  const open = p.presentSince === null ? 0 : Math.max(0, until.getTime() - Date.parse(p.presentSince)) / 60_000;
  return p.minutes + open;
}
