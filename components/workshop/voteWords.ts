import type { VotePublic, WorkshopView } from "../../lib/protocol/workshops";
import { countOf } from "../../lib/format/plural";

/** The vote in a few words for the session bar: "Vote “MVP”: 2 of 3 votes left · 4 voted". */
export function voteWords(vote: VotePublic, mine: WorkshopView["mine"]): string {
  const state = vote.state === "open" ? (mine ? `${mine.remaining} of ${countOf(vote.votesPerPerson, "vote")} left` : "open") : vote.state === "closed" ? "closed" : "revealed";
  return `Vote “${vote.title}”: ${state} · ${countOf(vote.voters, "voter")}`;
}
