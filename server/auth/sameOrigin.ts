import type { IncomingHttpHeaders } from "node:http";

/**
 * Cross-site websocket hijacking guard: a browser always sends Origin on a websocket
 * handshake, so a page on another site cannot ride a signed-in user's cookie into a board.
 * Clients without an Origin header (scripts, servers) are not browsers and must bring a token.
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
  return host === headers.host || extraAllowed.includes(origin);
}
