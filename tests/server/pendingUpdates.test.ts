import { describe, expect, it } from "vitest";
import { MAX_RETRIES, PendingUpdates } from "../../server/sync/pendingUpdates";
import type { Peer } from "../../server/sync/peer";

const peer = (id: string) => ({ id }) as unknown as Peer;
const needs = { client: 1, clock: 0 };

describe("updates held back for missing content", () => {
  it("are bounded per connection and per board", () => {
    const pending = new PendingUpdates(100, 150, 3);
    const [a, b, c] = [peer("a"), peer("b"), peer("c")];
    expect(pending.hold(a, new Uint8Array(60), needs)).toBe(true);
    expect(pending.hold(a, new Uint8Array(60), needs)).toBe(false);
    expect(pending.hold(b, new Uint8Array(80), needs)).toBe(true);
    expect(pending.hold(c, new Uint8Array(20), needs)).toBe(false);
    pending.drop(b);
    expect(pending.bytes).toBe(60);
  });

  it("an update checked again and again (each time waiting for the next made-up client) gives out after MAX_RETRIES", () => {
    const pending = new PendingUpdates(1_000, 1_000);
    const a = peer("a");
    pending.hold(a, new Uint8Array(10), needs);
    for (let i = 0; i < MAX_RETRIES; i++) expect(pending.waitAgain(a, { client: 100 + i, clock: 0 })).toBe(true);
    expect(pending.waitAgain(a, { client: 999, clock: 0 })).toBe(false);
  });
});

describe("one person's connections", () => {
  it("share one connection's budget, so many sockets cannot fill the board's for everyone", () => {
    const owners = new Map<object, string>();
    const [a1, a2, b] = [peer("a1"), peer("a2"), peer("b")];
    owners.set(a1, "ana").set(a2, "ana").set(b, "ben");
    const pending = new PendingUpdates(100, 1_000, 10, (p) => owners.get(p)!);
    expect(pending.hold(a1, new Uint8Array(60), needs)).toBe(true);
    expect(pending.hold(a2, new Uint8Array(60), needs)).toBe(false);
    expect(pending.hold(b, new Uint8Array(60), needs)).toBe(true);
    pending.drop(a1);
    expect(pending.hold(a2, new Uint8Array(60), needs)).toBe(true);
  });
});
