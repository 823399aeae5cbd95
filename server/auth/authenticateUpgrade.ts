import type { IncomingMessage } from "node:http";
import type { BoardId } from "../../lib/model/ids";
import type { Principal } from "../../lib/protocol/roles";
import { sessionPrincipal } from "./sessionCookie";
import type { SessionEnds } from "./sessionEnds";
import { verifySyncToken } from "./syncTokens";

/**
 * Who is opening a websocket, decided before the upgrade completes: a `token` query parameter
 * (minted by /api/boards/<id>/sync-token, bound to this board) or the next-auth session cookie.
 * Returns null for anonymous or invalid credentials, and for a signed-out session's cookie or
 * the tokens minted in it.
 */
export async function authenticateUpgrade(req: IncomingMessage, boardId: BoardId, secret: string, sessions: SessionEnds): Promise<Principal | null> {
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  const token = query.get("token");
  if (token) {
    const principal = verifySyncToken(secret, token, boardId);
    return principal && !(await sessions.principalEnded(principal)) ? principal : null;
  }
  return sessionPrincipal(req.headers, secret, sessions.isEnded);
}
