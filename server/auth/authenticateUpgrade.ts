import type { IncomingMessage } from "node:http";
import type { BoardId } from "../../lib/model/ids";
import type { Principal } from "../../lib/protocol/roles";
import { sessionPrincipal } from "./sessionCookie";
import { verifySyncToken } from "./syncTokens";

/**
 * Who is opening a websocket, decided before the upgrade completes: a `token` query parameter
 * (minted by /api/boards/<id>/sync-token, bound to this board) or the next-auth session cookie.
 * Returns null for anonymous or invalid credentials.
 */
export async function authenticateUpgrade(req: IncomingMessage, boardId: BoardId, secret: string): Promise<Principal | null> {
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  const token = query.get("token");
  if (token) return verifySyncToken(secret, token, boardId);
  return sessionPrincipal(req.headers, secret);
}
