import type { UserId } from "../../lib/model/ids";
import { SESSION_MAX_AGE_SECONDS } from "../../lib/protocol/authGuards";
import type { Principal } from "../../lib/protocol/roles";
import type { SessionStore } from "../storage/sessionStore";

/**
 * Signing out on the server. next-auth's JWT session lives only in the cookie, so deleting the
 * cookie in one browser leaves any copy of it valid; instead the session's id is remembered as
 * ended (in the shared database) and every place that accepts a session asks here first.
 * Signing out ends that one session, not the account's others (another laptop stays signed in).
 */
export interface SessionEnds {
  isEnded(sessionId: string): Promise<boolean>;
  /** Whether a principal acts in a session that was signed out (guests and sessions without an id never are). */
  principalEnded(principal: Principal): Promise<boolean>;
  end(sessionId: string, userId: UserId): Promise<void>;
}

export function createSessionEnds(store: SessionStore, now: () => Date = () => new Date()): SessionEnds {
  const isEnded = (sessionId: string) => store.isSessionEnded(sessionId, now().toISOString());
  return {
    isEnded,
    async principalEnded(principal) {
      return principal.kind === "user" && principal.sessionId !== undefined && (await isEnded(principal.sessionId));
    },
    async end(sessionId, userId) {
      const at = now();
      await store.endSession({
        id: sessionId,
        userId,
        endedAt: at.toISOString(),
        until: new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000).toISOString(),
      });
      // Sign-outs are rare and the table is indexed by expiry: pruning here keeps it small.
      await store.pruneEndedSessions(at.toISOString());
    },
  };
}
