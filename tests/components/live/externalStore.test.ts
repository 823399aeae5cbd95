import { describe, expect, it } from "vitest";
import { coalesced, ExternalStore } from "../../../components/live/externalStore";

describe("coalesced", () => {
  it("never runs twice at once; asks during a run make one more run after it, however many", async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const gates: (() => void)[] = [];
    const run = coalesced(async () => {
      running++;
      runs++;
      most = Math.max(most, running);
      await new Promise<void>((r) => gates.push(r));
      running--;
    });
    const first = run();
    await Promise.all([run(), run(), run()]);
    expect(runs).toBe(1);
    gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    gates.shift()!();
    await first;
    expect([runs, most]).toEqual([2, 1]);
  });

  it("a run that throws does not leave it stuck", async () => {
    let calls = 0;
    const run = coalesced(async () => {
      calls++;
      if (calls === 1) throw new Error("offline");
    });
    await expect(run()).rejects.toThrow("offline");
    await run();
    expect(calls).toBe(2);
  });
});

describe("ExternalStore", () => {
  class Counter extends ExternalStore<number> {
    bump() {
      this.set(this.state + 1);
    }
  }

  it("tells each listener of each change until it unsubscribes", () => {
    const store = new Counter(0);
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.get()));
    store.bump();
    store.bump();
    stop();
    store.bump();
    expect([seen, store.get()]).toEqual([[1, 2], 3]);
  });
});
