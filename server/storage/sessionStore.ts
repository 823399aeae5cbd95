import type { UserId } from "../../lib/model/ids";

/**
 * Sessions that were signed out before their cookie expires. next-auth's JWT sessions live in
 * the cookie alone, so the server cannot delete them: it remembers the ended ones instead, until
 * the latest moment any copy of that cookie could still be valid.
 */
export interface SessionStore {
  /** Records that session `id` of `userId` ended; a repeated call keeps the later `until`. */
  endSession(ended: { id: string; userId: UserId; endedAt: string; until: string }): Promise<void>;
  /** True when the session was ended and `now` is before its `until`. */
  isSessionEnded(id: string, now: string): Promise<boolean>;
  /** Forgets ended sessions whose cookies have expired anyway; returns how many. */
  pruneEndedSessions(now: string): Promise<number>;
}
