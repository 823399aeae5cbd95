import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Why the server refused or dropped something a client sent (the `reason` label). */
export type RefusalReason =
  | "unauthorized"
  | "forbidden-origin"
  | "not-found"
  | "malformed"
  | "too-large"
  | "read-only"
  | "forged-presence"
  | "rate-limited"
  | "queue-full"
  | "auth-timeout"
  | "layout"
  | "lane"
  | "pending-full"
  | "slow-reader"
  | "room-full"
  | "server-full";

/**
 * What the sync server reports about itself, in Prometheus terms. One registry per server
 * (not prom-client's global one), so tests can run several servers in one process.
 */
export interface SyncMetrics {
  readonly registry: Registry;
  /** Counts an update applied to a board (its rate is "updates per second"). */
  updateApplied(): void;
  /** Seconds one storage transaction took to commit a batch of updates. */
  persisted(seconds: number): void;
  /** Seconds from an update's arrival to its broadcast to the board's other connections. */
  fannedOut(seconds: number): void;
  refused(reason: RefusalReason): void;
  /** Sources for the gauges, read at scrape time. */
  observe(sources: { connections: () => number; loadedBoards: () => number }): void;
}

export function createMetrics(): SyncMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "waymark_process_" });
  let sources = { connections: () => 0, loadedBoards: () => 0 };
  new Gauge({
    name: "waymark_connections",
    help: "Open sync websocket connections",
    registers: [registry],
    collect() {
      this.set(sources.connections());
    },
  });
  new Gauge({
    name: "waymark_loaded_boards",
    help: "Boards loaded in memory",
    registers: [registry],
    collect() {
      this.set(sources.loadedBoards());
    },
  });
  const updates = new Counter({ name: "waymark_updates_total", help: "Document updates applied", registers: [registry] });
  // Buckets from a fast local fsync (sub-millisecond) to a struggling remote database.
  const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
  const persist = new Histogram({
    name: "waymark_persist_seconds",
    help: "Time to commit one batch of updates to storage",
    buckets: latencyBuckets,
    registers: [registry],
  });
  const fanout = new Histogram({
    name: "waymark_fanout_seconds",
    help: "Time from an update's arrival to its broadcast (includes the storage commit)",
    buckets: latencyBuckets,
    registers: [registry],
  });
  const refusals = new Counter({
    name: "waymark_refused_total",
    help: "Messages and connections refused, by reason",
    labelNames: ["reason"],
    registers: [registry],
  });
  return {
    registry,
    updateApplied: () => updates.inc(),
    persisted: (s) => persist.observe(s),
    fannedOut: (s) => fanout.observe(s),
    refused: (reason) => refusals.inc({ reason }),
    observe(next) {
      sources = next;
    },
  };
}

/** Seconds elapsed since a `performance.now()` reading. */
export const secondsSince = (start: number): number => (performance.now() - start) / 1000;
