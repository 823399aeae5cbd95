import type { IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "../../lib/protocol/sync";

/** Headers a reverse proxy sets to say who the client is and which host and scheme it asked for. */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

/**
 * Decides, once per request and upgrade before anything reads them, whether the forwarded
 * headers are believed. Without a proxy they come from the client: a forged X-Forwarded-For
 * would pick its own rate-limit key, a forged X-Forwarded-Host would pass the same-origin check
 * and steer next-auth's URLs. So unless the operator says a proxy they trust sets them
 * (WAYMARK_TRUST_PROXY=1), they are removed, and Next.js, next-auth and our own checks see only
 * the socket and the Host header. Either way the client's address is written to
 * CLIENT_ADDRESS_HEADER, replacing whatever the client sent there.
 */
export function applyProxyTrust(req: IncomingMessage, trustProxy: boolean): void {
  const forwardedFor = req.headers["x-forwarded-for"];
  if (!trustProxy) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  // The proxy appends the address it saw to whatever the client sent: only the last entry is the
  // proxy's word (one proxy hop), the ones before it are the client's own claims.
  const fromProxy = trustProxy ? String(forwardedFor ?? "").split(",").at(-1)?.trim() : "";
  req.headers[CLIENT_ADDRESS_HEADER] = fromProxy || req.socket.remoteAddress || "unknown";
}
