import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { boardIdSchema, type BoardId } from "../../lib/model/ids";
import type { Principal } from "../../lib/protocol/roles";

/**
 * Short-lived tokens that authenticate one websocket for one board, for clients without the
 * session cookie (share-link guests, scripts, stock y-websocket clients). Compact form:
 * base64url(JSON claims) "." base64url(HMAC-SHA256). The role is NOT in the token: the server
 * looks it up at connect time, so a downgrade cannot be outrun by an old token.
 */
export const SYNC_TOKEN_TTL_MS = 10 * 60 * 1000;

const principalSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("user"),
    userId: z.string().min(1).max(64),
    name: z.string().max(200),
    email: z.string().max(320),
    // The session that minted it: signing that session out refuses the token too.
    sessionId: z.string().min(1).max(64).optional(),
  }),
  z.object({ kind: z.literal("guest"), shareLinkId: z.string().min(1).max(64), name: z.string().max(200) }),
]);

const claimsSchema = z.object({
  v: z.literal(1),
  board: boardIdSchema,
  sub: principalSchema,
  /** Expiry, ms since epoch. */
  exp: z.number().int(),
});

function sign(payload: string, secret: string): string {
  return createHmac("sha256", `waymark-sync:${secret}`).update(payload).digest("base64url");
}

export function mintSyncToken(secret: string, principal: Principal, boardId: BoardId, now = Date.now()): { token: string; expiresAt: number } {
  const exp = now + SYNC_TOKEN_TTL_MS;
  const payload = Buffer.from(JSON.stringify({ v: 1, board: boardId, sub: principal, exp })).toString("base64url");
  return { token: `${payload}.${sign(payload, secret)}`, expiresAt: exp };
}

/** The principal a token grants for `boardId`, or null when forged, expired or for another board. */
export function verifySyncToken(secret: string, token: string, boardId: BoardId, now = Date.now()): Principal | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const claims = claimsSchema.safeParse(json);
  if (!claims.success || claims.data.board !== boardId || claims.data.exp <= now) return null;
  return claims.data.sub;
}
