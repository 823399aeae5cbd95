import { describe, expect, it } from "vitest";
import { formatCountdown, msToNextSecond, remainingMs, requestSample, ServerClock } from "../../../components/workshop/serverClock";
import type { TimerView } from "../../../lib/protocol/workshops";

const SERVER_T0 = Date.parse("2026-12-07T10:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();
const running = (endsAt: number): TimerView => ({ state: "running", endsAt: iso(endsAt), remainingMs: 0 });

/**
 * A browser whose clock is `skew` ms off the server's, talking over a link of `up` and `down` ms:
 * it asks at its local time, the server stamps serverNow on the way, the answer comes back.
 */
function browser(skew: number, up: number, down: number) {
  const clock = new ServerClock();
  const local = (server: number) => server - skew;
  const ask = (serverAtArrival: number) => clock.fromRequest(iso(serverAtArrival), local(serverAtArrival - up), local(serverAtArrival + down));
  return { clock, local, ask };
}

describe("requestSample", () => {
  it("takes the server's time as read halfway through the round trip", () => {
    expect(requestSample(iso(SERVER_T0), 1_000, 1_200)).toEqual({ offsetMs: SERVER_T0 - 1_100, roundTripMs: 200 });
  });
  it("refuses what it cannot read", () => {
    expect(requestSample("not a time", 1, 2)).toBeNull();
    expect(requestSample(iso(SERVER_T0), 5, 2)).toBeNull();
  });
});

describe("screens agree on the countdown from the server's clock", () => {
  it("two browsers with clocks minutes apart show the same second", () => {
    const ends = SERVER_T0 + 5 * 60_000;
    const a = browser(+3 * 60_000, 40, 40);
    const b = browser(-7 * 60_000 - 123, 15, 25);
    a.ask(SERVER_T0);
    b.ask(SERVER_T0);
    for (const serverNow of [SERVER_T0 + 1_000, SERVER_T0 + 61_500, ends - 999, ends - 1]) {
      const left = (x: ReturnType<typeof browser>) => remainingMs(running(ends), x.clock.offset(), x.local(serverNow));
      // Each is wrong by at most half the difference between its up and down delays.
      expect(Math.abs(left(a) - (ends - serverNow))).toBeLessThanOrEqual(0);
      expect(Math.abs(left(b) - (ends - serverNow))).toBeLessThanOrEqual(5);
      expect(Math.abs(left(a) - left(b))).toBeLessThan(100);
    }
  });

  it("without the offset the same browsers would be minutes apart (the test would catch a local clock)", () => {
    const ends = SERVER_T0 + 5 * 60_000;
    const a = browser(+3 * 60_000, 40, 40);
    const b = browser(-7 * 60_000, 40, 40);
    expect(Math.abs(remainingMs(running(ends), 0, a.local(SERVER_T0)) - remainingMs(running(ends), 0, b.local(SERVER_T0)))).toBeGreaterThan(60_000);
  });

  it("keeps the sample with the shortest round trip", () => {
    const a = browser(10_000, 20, 20);
    a.ask(SERVER_T0);
    const good = a.clock.offset();
    // A slow, lopsided answer afterwards must not make it worse.
    a.clock.fromRequest(iso(SERVER_T0 + 5_000), a.local(SERVER_T0 + 5_000 - 1_900), a.local(SERVER_T0 + 5_000 + 100));
    expect(a.clock.offset()).toBe(good);
    expect(good).toBe(10_000);
  });

  it("a live event is a lower bound: it stands alone before any request, and lifts an estimate below it", () => {
    const clock = new ServerClock();
    expect(clock.offset()).toBe(0);
    // Sent at server time T0, arrived 30 ms later on a browser 2 s behind.
    clock.fromEvent(iso(SERVER_T0), SERVER_T0 - 2_000 + 30);
    expect(clock.offset()).toBe(2_000 - 30);
    clock.fromEvent("junk", 0);
    expect(clock.offset()).toBe(2_000 - 30);
    // A lopsided request (fast up, slow down) estimates too low (1705): the event's floor holds it up.
    clock.fromRequest(iso(SERVER_T0 + 10_000), SERVER_T0 + 10_000 - 2_000 - 10, SERVER_T0 + 10_000 - 2_000 + 600);
    expect(clock.offset()).toBe(1_705);
    clock.fromEvent(iso(SERVER_T0 + 11_000), SERVER_T0 + 11_000 - 2_000 + 5);
    expect(clock.offset()).toBe(2_000 - 5);
  });

  it("a paused or idle timer shows what it has left, whatever the clocks", () => {
    expect(remainingMs({ state: "paused", endsAt: null, remainingMs: 90_000 }, 12_345, 0)).toBe(90_000);
    expect(remainingMs({ state: "idle", endsAt: null, remainingMs: 300_000 }, -5, 1e12)).toBe(300_000);
    expect(remainingMs(running(SERVER_T0), 0, SERVER_T0 + 5_000)).toBe(0);
  });
});

describe("formatCountdown", () => {
  it("rounds up to the second, so zero shows only when time is up", () => {
    expect(formatCountdown(300_000)).toBe("5:00");
    expect(formatCountdown(299_001)).toBe("5:00");
    expect(formatCountdown(299_000)).toBe("4:59");
    expect(formatCountdown(1)).toBe("0:01");
    expect(formatCountdown(0)).toBe("0:00");
    expect(formatCountdown(-50)).toBe("0:00");
    expect(formatCountdown(3_600_000 + 61_000)).toBe("1:01:01");
  });
  it("repaints on the second's boundary", () => {
    expect(msToNextSecond(4_250)).toBe(250);
    expect(msToNextSecond(4_000)).toBe(1000);
    expect(msToNextSecond(0)).toBe(1000);
  });
});
