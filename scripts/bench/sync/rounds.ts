import type { LoadResult } from "./loadRun";
import { addBuckets } from "./ownLatency";
import { percentile } from "./stats";

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * One server's rounds of one scenario as one result: percentiles over every (edit, receiver)
 * latency of all rounds together (as one longer window would give), rates and CPU averaged,
 * the peak RSS the highest seen. Each round's own p99 is kept to show the spread.
 *
 * Why rounds: on a two-core machine shared with the load generators, a 10 s window's p99 is set
 * by the two or three moments the whole machine stalls (every process's timers late at once,
 * whichever server runs), so one window per server compares luck as much as servers. Rounds
 * interleave the servers (y-websocket, Hocuspocus, Waymark, then again), so each meets the
 * machine's good and bad minutes alike.
 */
export function poolRounds(rounds: LoadResult[]): LoadResult {
  const first = rounds[0];
  if (!first) throw new Error("no rounds to pool");
  if (rounds.length === 1) return first;
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    ...first,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    latencies,
    roundP99s: rounds.flatMap((r) => r.roundP99s),
    ownBuckets: rounds.every((r) => r.ownBuckets) ? addBuckets(rounds.map((r) => r.ownBuckets!)) : undefined,
    editsPerSecond: mean(rounds.map((r) => r.editsPerSecond)),
    sentPerSecond: mean(rounds.map((r) => r.sentPerSecond)),
    receptions: rounds.reduce((n, r) => n + r.receptions, 0),
    lost: rounds.reduce((n, r) => n + r.lost, 0),
    disconnects: rounds.reduce((n, r) => n + r.disconnects, 0),
    usage: {
      peakRssMb: Math.max(...rounds.map((r) => r.usage.peakRssMb)),
      meanRssMb: mean(rounds.map((r) => r.usage.meanRssMb)),
      cpuCores: mean(rounds.map((r) => r.usage.cpuCores)),
    },
    generatorCores: mean(rounds.map((r) => r.generatorCores)),
    loadAverage: mean(rounds.map((r) => r.loadAverage)),
    connectMs: mean(rounds.map((r) => r.connectMs)),
    disk: { p50: mean(rounds.map((r) => r.disk.p50)), p99: Math.max(...rounds.map((r) => r.disk.p99)) },
  };
}
