import type { IncomingHttpHeaders } from "node:http";
import { decode } from "next-auth/jwt";
import { sessionIdOf } from "../../lib/protocol/authGuards";
import type { Principal } from "../../lib/protocol/roles";

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
 * The signed-in user of a request outside Next.js (websocket upgrades, event streams), read
 * from next-auth's session cookie with the secret that signs it. Null for no cookie, one that
 * does not decrypt, or a session that was signed out (`isEnded`). Callers that act for the user
 * still look the account up: the cookie may outlive it.
 */
export async function sessionPrincipal(
  headers: IncomingHttpHeaders,
  secret: string,
  isEnded: (sessionId: string) => Promise<boolean>,
): Promise<Principal | null> {
  const cookies = parseCookies(headers.cookie);
  for (const name of SESSION_COOKIES) {
    const value = cookies.get(name);
    if (!value) continue;
    try {
      const jwt = await decode({ token: value, secret });
      if (jwt && typeof jwt.sub === "string") {
        const sessionId = sessionIdOf(jwt);
        // A signed-out session's cookie decrypts as well as ever: only the server's record says no.
        if (sessionId !== undefined && (await isEnded(sessionId))) return null;
        const name = typeof jwt.name === "string" ? jwt.name : "";
        const email = typeof jwt.email === "string" ? jwt.email : "";
        return { kind: "user", userId: jwt.sub, name, email, ...(sessionId !== undefined ? { sessionId } : {}) };
      }
    } catch {
      // An undecryptable cookie is treated as no session.
    }
  }
  return null;
}
