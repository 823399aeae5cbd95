import type { IncomingMessage } from "node:http";
import { decode } from "next-auth/jwt";
import type { BoardId } from "../../lib/model/ids";
import type { Principal } from "../../lib/protocol/roles";
import { verifySyncToken } from "./syncTokens";

/** next-auth's session cookie, plain over http and __Secure- prefixed over https. */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A cookie that is not valid percent-encoding cannot be ours; skip it.
    }
  }
  return out;
}

/**
 * Who is opening a websocket, decided before the upgrade completes: a `token` query parameter
 * (minted by /api/boards/<id>/sync-token, bound to this board) or the next-auth session cookie.
 * Returns null for anonymous or invalid credentials.
 */
export async function authenticateUpgrade(req: IncomingMessage, boardId: BoardId, secret: string): Promise<Principal | null> {
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  const token = query.get("token");
  if (token) return verifySyncToken(secret, token, boardId);
  const cookies = parseCookies(req.headers.cookie);
  for (const name of SESSION_COOKIES) {
    const value = cookies.get(name);
    if (!value) continue;
    try {
      const jwt = await decode({ token: value, secret });
      if (jwt && typeof jwt.sub === "string") {
        return { kind: "user", userId: jwt.sub, name: typeof jwt.name === "string" ? jwt.name : "", email: typeof jwt.email === "string" ? jwt.email : "" };
      }
    } catch {
      // An undecryptable cookie is treated as no session.
    }
  }
  return null;
}
