import { describe, expect, it } from "vitest";
import { EncodeGate } from "../../server/sync/encodeGate";
import { TokenBucket } from "../../server/sync/tokenBucket";

const turn = () => new Promise((r) => setImmediate(r));

describe("state encodes take turns (reconnect storms do not stall the event loop)", () => {
  it("runs at most maxPerTurn jobs per event-loop turn, in order", async () => {
    const gate = new EncodeGate(3, 1_000);
    const ran: number[] = [];
    for (let i = 0; i < 7; i++) gate.run(() => ran.push(i));
    expect(ran).toEqual([]);
    await turn();
    expect(ran).toEqual([0, 1, 2]);
    await turn();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
    await turn();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(gate.waiting).toBe(0);
  });

  it("ends a turn early once it has used its time budget", async () => {
    const gate = new EncodeGate(10, 5);
    const ran: number[] = [];
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    for (let i = 0; i < 4; i++) gate.run(() => (busy(6), ran.push(i)));
    await turn();
    expect(ran).toEqual([0]);
  });

  it("keeps going after a job throws", async () => {
    const gate = new EncodeGate(2, 1_000);
    const ran: string[] = [];
    gate.run(() => {
      throw new Error("boom");
    });
    gate.run(() => ran.push("after"));
    await turn();
    expect(ran).toEqual(["after"]);
  });
});

describe("per-connection rate: a token bucket", () => {
  it("allows a burst, then one message per 1/rate seconds", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 20, () => now);
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    expect(bucket.waitMs()).toBe(100);
    now += 100;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 10_000;
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});
