import type { IncomingHttpHeaders } from "node:http";

/**
 * Cross-site websocket hijacking guard: a browser always sends Origin on a websocket
 * handshake, so a page on another site cannot ride a signed-in user's cookie into a board.
 * Clients without an Origin header (scripts, servers) are not browsers and must bring a token.
 * The host the browser asked for is X-Forwarded-Host when present: it reaches here only from a
 * trusted proxy (applyProxyTrust removes it otherwise), which may have rewritten Host.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, extraAllowed: readonly string[] = []): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwardedHost = headers["x-forwarded-host"];
  const asked = typeof forwardedHost === "string" ? forwardedHost.split(",")[0]!.trim() : headers.host;
  return host === asked || extraAllowed.includes(origin);
}
