import type { UserId } from "../model/ids";

/**
 * Share-link guests read a board's versions, baseline and past moments too (everyone who can
 * see the board can see its versions). The routes that allow them pass the guest to the
 * services as this actor id, which no user id can equal (user ids have no colon); only the
 * services given a guest-aware role lookup (server/services/createAppServices.ts) accept it,
 * every other service finds no role for it and answers not-found.
 */
const PREFIX = "guest:";

/** The header a guest's browser sends the share link's secret in (the page's URL holds it already). */
export const SHARE_SECRET_HEADER = "x-waymark-share";

export const guestActor = (shareLinkId: string): UserId => `${PREFIX}${shareLinkId}` as UserId;

/** The share link behind a guest actor id, or null for a user's id. */
export function guestLinkOf(actor: string): string | null {
  return actor.startsWith(PREFIX) ? actor.slice(PREFIX.length) : null;
}
