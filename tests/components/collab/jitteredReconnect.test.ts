import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { installJitteredReconnect, type ReconnectingProvider } from "../../../components/collab/jitteredReconnect";

type Handler = (arg: never) => void;

function fakeProvider() {
  const handlers = new Map<string, Handler[]>();
  const provider = {
    shouldConnect: true,
    connects: 0,
    shouldReconnect: (event: { code: number }) => !(event.code >= 4400 && event.code < 4500),
    connect() {
      this.shouldConnect = true;
      this.connects++;
    },
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
    emit(event: string, arg: unknown) {
      for (const h of handlers.get(event) ?? []) h(arg as never);
    },
  };
  return provider as typeof provider & ReconnectingProvider;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("reconnects with exponential backoff and full jitter", () => {
  it("retries at a random moment within a window that doubles per failed attempt, up to the cap", () => {
    const p = fakeProvider();
    installJitteredReconnect(p, { baseMs: 100, capMs: 1_000, random: () => 0.999 });
    const windows: number[] = [];
    for (let i = 0; i < 6; i++) {
      p.emit("connection-close", { code: 1006 });
      expect(p.shouldConnect).toBe(false);
      const before = p.connects;
      let waited = 0;
      while (p.connects === before) {
        vi.advanceTimersByTime(10);
        waited += 10;
      }
      windows.push(waited);
    }
    expect(windows).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it("spreads clients over the window (different random draws, different delays)", () => {
    const delays = [0.1, 0.5, 0.9].map((draw) => {
      const p = fakeProvider();
      installJitteredReconnect(p, { baseMs: 1_000, capMs: 10_000, random: () => draw });
      p.emit("connection-close", { code: 1012 });
      let waited = 0;
      while (p.connects === 0) {
        vi.advanceTimersByTime(10);
        waited += 10;
      }
      return waited;
    });
    expect(delays).toEqual([100, 500, 900]);
  });

  it("starts again from the smallest window after a successful sync", () => {
    const p = fakeProvider();
    installJitteredReconnect(p, { baseMs: 100, capMs: 10_000, random: () => 0.999 });
    p.emit("connection-close", { code: 1006 });
    vi.advanceTimersByTime(100);
    p.emit("connection-close", { code: 1006 });
    vi.advanceTimersByTime(200);
    p.emit("sync", true);
    p.emit("connection-close", { code: 1006 });
    // Back to the first window (≈100 ms), not the third (≈400 ms).
    vi.advanceTimersByTime(90);
    expect(p.connects).toBe(2);
    vi.advanceTimersByTime(10);
    expect(p.connects).toBe(3);
  });

  it("leaves final closes (4400-4499) and deliberate disconnects alone, and stops when uninstalled", () => {
    const p = fakeProvider();
    const stop = installJitteredReconnect(p, { baseMs: 100, random: () => 0.5 });
    p.emit("connection-close", { code: 4403 });
    expect(p.shouldConnect).toBe(true); // the provider's own handling decides (it stops)
    p.shouldConnect = false;
    p.emit("connection-close", { code: 1006 });
    vi.advanceTimersByTime(10_000);
    expect(p.connects).toBe(0);
    p.shouldConnect = true;
    p.emit("connection-close", { code: 1006 });
    stop();
    vi.advanceTimersByTime(10_000);
    expect(p.connects).toBe(0);
  });
});
