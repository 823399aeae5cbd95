import type { WorkshopPublic, WorkshopView } from "../../lib/protocol/workshops";

/**
 * The workshop as this browser holds it. Everyone's part arrives in live events; this person's
 * own votes (`mine`) arrive only in answers to their own requests (GET workshop, their ballots),
 * so an event keeps the `mine` it had, as long as it still belongs to the same workshop and vote.
 */
export interface HeldWorkshop {
  workshop: WorkshopView | null;
  /** The vote `mine` was sent for; a new vote makes the old `mine` meaningless. */
  mineVoteId: string | null;
}

export const NO_WORKSHOP: HeldWorkshop = { workshop: null, mineVoteId: null };

/** An answer to one of this person's requests: the whole view, `mine` included. An ended workshop is no running one (its record is elsewhere). */
export function fromAnswer(view: WorkshopView | null): HeldWorkshop {
  if (!view || view.endedAt !== null) return NO_WORKSHOP;
  return { workshop: view, mineVoteId: view.vote?.id ?? null };
}

/**
 * A live event. `refetch` says this person's own part is unknown now (another workshop, a new
 * vote): ask GET workshop for it. Until it answers, `mine` is null, so no stale budget is shown.
 */
export function fromEvent(held: HeldWorkshop, event: WorkshopPublic | null): { held: HeldWorkshop; refetch: boolean } {
  if (event === null || event.endedAt !== null) return { held: NO_WORKSHOP, refetch: false };
  const sameWorkshop = held.workshop?.id === event.id;
  const voteId = event.vote?.id ?? null;
  if (sameWorkshop && voteId === held.mineVoteId) return { held: { workshop: { ...event, mine: held.workshop!.mine }, mineVoteId: voteId }, refetch: false };
  return { held: { workshop: { ...event, mine: null }, mineVoteId: null }, refetch: voteId !== null || !sameWorkshop };
}

/** Whether `person` runs the session's controls: the facilitator, or an owner of the board (who may take over). */
export function canFacilitate(workshop: WorkshopPublic | null, personId: string | null, owner: boolean): boolean {
  return workshop !== null && workshop.endedAt === null && personId !== null && (workshop.facilitator.id === personId || owner);
}
