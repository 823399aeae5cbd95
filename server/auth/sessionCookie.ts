import type { IncomingHttpHeaders } from "node:http";
import { decode } from "next-auth/jwt";
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
 * from next-auth's session cookie with the secret that signs it. Null for no cookie or one that
 * does not decrypt. Callers that act for the user still look the account up: the cookie may
 * outlive it.
 */
export async function sessionPrincipal(headers: IncomingHttpHeaders, secret: string): Promise<Principal | null> {
  const cookies = parseCookies(headers.cookie);
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
