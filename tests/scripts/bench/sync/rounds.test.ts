import { describe, expect, it } from "vitest";
import type { LoadResult } from "../../../../scripts/bench/sync/loadRun";
import { poolRounds } from "../../../../scripts/bench/sync/rounds";
import { percentile } from "../../../../scripts/bench/sync/stats";

function round(latencies: number[], rssMb: number, cpu: number, lost = 0): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = percentile(sorted, 0.99);
  return {
    scenario: 2,
    server: "waymark",
    p50: percentile(sorted, 0.5),
    p99,
    max: sorted.at(-1)!,
    latencies: sorted,
    roundP99s: [p99],
    editsPerSecond: 2000,
    sentPerSecond: 2000,
    receptions: sorted.length - lost,
    lost,
    disconnects: 0,
    usage: { peakRssMb: rssMb, meanRssMb: rssMb - 10, cpuCores: cpu },
    generatorCores: 0.6,
    loadAverage: 1.5,
    connectMs: 900,
    disk: { p50: 0.2, p99: 0.4 },
  };
}

describe("bench:sync rounds", () => {
  it("takes percentiles over every latency of all rounds, not the mean or median of each round's", () => {
    // Round 1 has a stall: its own p99 is 50. Round 2 is calm: 1 ms throughout.
    const stalled = round([...Array.from({ length: 97 }, () => 1), 50, 50, 50], 200, 0.5);
    const calm = round(Array.from({ length: 100 }, () => 1), 220, 0.4);
    const pooled = poolRounds([stalled, calm]);
    expect(pooled.roundP99s).toEqual([50, 1]);
    // 3 of 200 latencies are 50: the pooled p99 (the 198th) is 50, as one 20 s window would say.
    expect(pooled.p99).toBe(50);
    expect(pooled.p50).toBe(1);
    expect(pooled.latencies).toHaveLength(200);
    expect(pooled.usage.peakRssMb).toBe(220);
    expect(pooled.usage.cpuCores).toBeCloseTo(0.45);
  });

  it("keeps losses: a lost arrival in any round is counted and stays infinitely late", () => {
    const lossy = round([1, 2, Infinity], 200, 0.5, 1);
    const pooled = poolRounds([round([1, 1, 1], 200, 0.5), lossy]);
    expect(pooled.lost).toBe(1);
    expect(pooled.max).toBe(Infinity);
  });

  it("returns a single round as it is", () => {
    const only = round([1, 2, 3], 200, 0.5);
    expect(poolRounds([only])).toBe(only);
  });
});
