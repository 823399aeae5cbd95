import { describe, expect, it } from "vitest";
import { addBuckets, bucketQuantile, bucketsBetween, parseFanoutBuckets } from "../../../../scripts/bench/sync/ownLatency";

const exposition = (counts: number[]) =>
  [
    "# HELP waymark_fanout_seconds From an update applied to its broadcast",
    "# TYPE waymark_fanout_seconds histogram",
    ...["0.001", "0.005", "0.025", "+Inf"].map((le, i) => `waymark_fanout_seconds_bucket{le="${le}"} ${counts[i]}`),
    `waymark_fanout_seconds_sum 1.5`,
    `waymark_fanout_seconds_count ${counts[3]}`,
    `waymark_persist_seconds_bucket{le="0.001"} 999`,
  ].join("\n");

describe("bench:sync server's own latency", () => {
  it("reads the fan-out histogram's cumulative buckets in ms, ignoring other metrics", () => {
    expect(parseFanoutBuckets(exposition([10, 20, 30, 30]))).toEqual([
      [1, 10],
      [5, 20],
      [25, 30],
      [Infinity, 30],
    ]);
  });

  it("counts only what the window added, and quantiles are the bound of the bucket they fall in", () => {
    const before = parseFanoutBuckets(exposition([100, 100, 100, 100]));
    // In the window: 90 updates under 1 ms, 9 under 5 ms, 1 under 25 ms.
    const after = parseFanoutBuckets(exposition([190, 199, 200, 200]));
    const window = bucketsBetween(before, after);
    expect(bucketQuantile(window, 0.5)).toBe(1);
    expect(bucketQuantile(window, 0.95)).toBe(5);
    expect(bucketQuantile(window, 0.999)).toBe(25);
  });

  it("adds rounds bucket by bucket, and says nothing when nothing was counted", () => {
    const round = parseFanoutBuckets(exposition([1, 2, 2, 2]));
    expect(addBuckets([round, round])).toEqual([
      [1, 2],
      [5, 4],
      [25, 4],
      [Infinity, 4],
    ]);
    expect(bucketQuantile(bucketsBetween(round, round), 0.99)).toBeNaN();
  });
});
