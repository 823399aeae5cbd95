import type { Peer } from "../collab/presenceFeed";

/**
 * What someone on the board may do, as others see it next to their name: nothing for those who
 * edit, "can comment" for commenters (read-only on the roadmap, yet part of the discussion),
 * "view only" for viewers and share-link guests. Null when there is nothing to add.
 */
export function accessWords(peer: Pick<Peer, "readOnly" | "canComment">): "can comment" | "view only" | null {
  if (!peer.readOnly) return null;
  return peer.canComment ? "can comment" : "view only";
}
