import { describe, expect, it } from "vitest";
import { joinDeliveries, percentile } from "../../../../scripts/bench/sync/stats";

const board = ["0.0", "0.1", "0.2"];
const receiversOf = (sender: string) => board.filter((key) => key !== sender);

describe("bench:sync latency accounting", () => {
  it("times an edit at each receiver from its send time to the first stamp seen at its number", () => {
    const { latencies, deliveredToAll, lost } = joinDeliveries(
      [{ sender: "0.0", seq: 1, t: 1000 }],
      [{ "0.1": { "0.0": [1, 1003] } }, { "0.2": { "0.0": [1, 1007] } }],
      receiversOf,
    );
    expect(latencies).toEqual([3, 7]);
    expect(deliveredToAll).toBe(1);
    expect(lost).toBe(0);
  });

  it("counts an edit as arrived when a later stamp of its sender arrives (several edits in one message)", () => {
    const sent = [
      { sender: "0.0", seq: 1, t: 1000 },
      { sender: "0.0", seq: 2, t: 1500 },
    ];
    // Receiver 0.1 only ever saw edit 2's stamp: edit 1 came with it.
    const { latencies, lost } = joinDeliveries(sent, [{ "0.1": { "0.0": [2, 1600] }, "0.2": { "0.0": [1, 1001, 2, 1502] } }], receiversOf);
    expect(latencies).toEqual([1, 2, 100, 600]);
    expect(lost).toBe(0);
  });

  it("counts a receiver that never saw an edit as an infinitely late arrival, so losses reach the percentiles", () => {
    const sent = Array.from({ length: 50 }, (_, i) => ({ sender: "0.0", seq: i + 1, t: i * 100 }));
    const seen = { "0.1": { "0.0": sent.flatMap((e) => [e.seq, e.t + 2]) }, "0.2": { "0.0": [49, 4802] } };
    const { latencies, deliveredToAll, lost } = joinDeliveries(sent, [seen], receiversOf);
    expect(lost).toBe(1); // edit 50 never reached 0.2
    expect(deliveredToAll).toBe(49);
    expect(latencies.at(-1)).toBe(Infinity);
    expect(percentile(latencies, 0.5)).toBe(2);
    expect(percentile(latencies, 0.99)).toBe(4802); // edit 1 reached 0.2 only with edit 49
    expect(percentile(latencies, 1)).toBe(Infinity);
  });
});
