import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SyncMetrics } from "./metrics";
import { FORWARDED_HEADERS } from "../auth/forwardedHeaders";

export const OPS_PATHS = ["/healthz", "/readyz", "/metrics"] as const;

export interface OpsDeps {
  metrics: SyncMetrics;
  /** Null when ready to serve, else why not (shutting down, storage unreachable). */
  notReady(): Promise<string | null>;
  /** When set, /metrics wants `Authorization: Bearer <token>` (from anywhere); unset, it answers only local requests. */
  metricsToken?: string;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (what a dual-stack socket reports). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/i, "");
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Who may read /metrics (connection counts, refusals, process internals: a map for an
 * attacker). With a token: whoever brings it. Without: only a scraper on this machine, judged by
 * the socket's address, never a header. A request carrying forwarded headers came through a
 * proxy (which on the same machine connects from loopback) and so is not a local one: a header
 * can only take this permission away, never grant it.
 */
export function mayReadMetrics(req: Pick<IncomingMessage, "headers" | "socket">, token: string | undefined): "ok" | "token" | "local-only" {
  if (token) return bearerMatches(req.headers.authorization, token) ? "ok" : "token";
  const proxied = FORWARDED_HEADERS.some((name) => req.headers[name] !== undefined);
  return isLoopbackAddress(req.socket.remoteAddress) && !proxied ? "ok" : "local-only";
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Liveness, readiness and Prometheus metrics, answered by the server itself (not Next.js) so
 * they keep working when the web app is busy or broken. Returns false for other paths.
 *
 * - /healthz: the process is up and its event loop turns.
 * - /readyz: it should get traffic: not shutting down, storage answering (load balancers stop
 *   sending new clients on 503 while SIGTERM drains).
 * - /metrics: prom-client's text format, for local scrapers or holders of the token (mayReadMetrics).
 */
export function createOpsHandler(deps: OpsDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0];
    if (!(OPS_PATHS as readonly string[]).includes(path ?? "")) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, "application/json", JSON.stringify({ error: "use GET" }));
      return true;
    }
    if (path === "/healthz") {
      send(res, 200, "application/json", JSON.stringify({ status: "ok" }));
    } else if (path === "/readyz") {
      const problem = await deps.notReady().catch((error: unknown) => `readiness check failed: ${String(error)}`);
      send(res, problem ? 503 : 200, "application/json", JSON.stringify(problem ? { status: "unavailable", reason: problem } : { status: "ready" }));
    } else {
      const allowed = mayReadMetrics(req, deps.metricsToken);
      if (allowed === "token") {
        send(res, 401, "application/json", JSON.stringify({ error: "metrics need the bearer token (WAYMARK_METRICS_TOKEN)" }));
      } else if (allowed === "local-only") {
        send(res, 403, "application/json", JSON.stringify({ error: "metrics answer only on this machine; set WAYMARK_METRICS_TOKEN to scrape from elsewhere" }));
      } else {
        send(res, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics());
      }
    }
    return true;
  };
}
