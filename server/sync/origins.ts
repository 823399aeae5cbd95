import type { UserId } from "../../lib/model/ids";
import { isCommandOrigin, type CommandOrigin } from "../../lib/model/origin";

/**
 * Origin of updates and presence from other instances (or repaired from storage): another
 * instance committed them before publishing, so they are broadcast here but never stored again
 * or published back.
 */
export const REMOTE_ORIGIN = Symbol("remote");

const PROPOSAL_PREFIX = "proposal:";

/**
 * The origin of the server's write when someone accepts a proposal (docs/teams.md "Proposals"):
 * history records it as the accepter's change, on the proposal of its author.
 */
export function proposalOrigin(accepter: UserId, author: UserId): CommandOrigin {
  return Object.freeze({ kind: "server", actor: `${PROPOSAL_PREFIX}${accepter}:${author}`, onBehalfOf: accepter });
}

/** Who accepted and who proposed, for a proposal's write; null for any other origin. */
export function proposalAttribution(origin: unknown): { accepter: UserId; author: UserId } | null {
  if (!isCommandOrigin(origin) || origin.kind !== "server" || !origin.actor.startsWith(PROPOSAL_PREFIX) || !origin.onBehalfOf) return null;
  const [accepter, author] = origin.actor.slice(PROPOSAL_PREFIX.length).split(":");
  return accepter && author ? { accepter: accepter as UserId, author: author as UserId } : null;
}
