import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SyncMetrics } from "./metrics";

export const OPS_PATHS = ["/healthz", "/readyz", "/metrics"] as const;

export interface OpsDeps {
  metrics: SyncMetrics;
  /** Null when ready to serve, else why not (shutting down, storage unreachable). */
  notReady(): Promise<string | null>;
  /** When set, /metrics wants `Authorization: Bearer <token>`. */
  metricsToken?: string;
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
 * - /metrics: prom-client's text format.
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
    } else if (deps.metricsToken && !bearerMatches(req.headers.authorization, deps.metricsToken)) {
      send(res, 401, "application/json", JSON.stringify({ error: "metrics need the bearer token (WAYMARK_METRICS_TOKEN)" }));
    } else {
      send(res, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics());
    }
    return true;
  };
}
