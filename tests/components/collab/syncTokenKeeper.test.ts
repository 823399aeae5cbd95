import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SyncTokenKeeper } from "../../../components/collab/syncTokenKeeper";

const MINUTE = 60_000;
const at = (ms: number) => new Date(ms).toISOString();

describe("SyncTokenKeeper keeps a guest's sync token fresh", () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  let issued = 0;
  let ended = 0;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    issued = 0;
    ended = 0;
    // The share route: a new ten-minute token per call.
    fetchMock = vi.fn(async () => Response.json({ token: `t${++issued}`, expiresAt: at(Date.now() + 10 * MINUTE) }));
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("fetches a new token two minutes before the current one expires, and keeps doing so", async () => {
    const tokens: string[] = [];
    const keeper = new SyncTokenKeeper({ token: "t0", expiresAt: at(10 * MINUTE), refreshUrl: "/api/share/s/token" }, { onToken: (t) => tokens.push(t), onEnded: () => ended++ });
    await vi.advanceTimersByTimeAsync(8 * MINUTE - 1);
    expect(tokens).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(tokens).toEqual(["t1"]);
    expect(fetchMock).toHaveBeenCalledWith("/api/share/s/token", expect.objectContaining({ method: "POST" }));
    await vi.advanceTimersByTimeAsync(8 * MINUTE);
    expect(tokens).toEqual(["t1", "t2"]);
    keeper.stop();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(tokens).toEqual(["t1", "t2"]);
  });

  it("after a disconnect, replaces a token that is about to expire at once (one request for a burst)", async () => {
    const tokens: string[] = [];
    const keeper = new SyncTokenKeeper({ token: "t0", expiresAt: at(10 * MINUTE), refreshUrl: "/r" }, { onToken: (t) => tokens.push(t), onEnded: () => ended++ });
    keeper.refreshIfStale(); // plenty of time left: nothing to do
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).not.toHaveBeenCalled();
    vi.setSystemTime(9 * MINUTE); // the laptop slept through the scheduled refresh
    keeper.refreshIfStale();
    keeper.refreshIfStale();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(tokens).toEqual(["t1"]);
    keeper.stop();
  });

  it("stops for good when the link was revoked (404), retries later when the server is unreachable", async () => {
    const tokens: string[] = [];
    fetchMock.mockRejectedValueOnce(new TypeError("offline"));
    const keeper = new SyncTokenKeeper({ token: "t0", expiresAt: at(3 * MINUTE), refreshUrl: "/r" }, { onToken: (t) => tokens.push(t), onEnded: () => ended++ });
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    fetchMock.mockResolvedValueOnce(Response.json({ error: "revoked" }, { status: 404 }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(tokens).toEqual([]);
    // The connection hears it once, so it can say the link ended and stop reconnecting.
    expect(ended).toBe(1);
    keeper.refreshNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    keeper.stop();
  });

  it("after a handshake that never opened, asks at once even with a fresh token: that is how a revoked link shows", async () => {
    const tokens: string[] = [];
    const keeper = new SyncTokenKeeper({ token: "t0", expiresAt: at(10 * MINUTE), refreshUrl: "/r" }, { onToken: (t) => tokens.push(t), onEnded: () => ended++ });
    keeper.refreshNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(tokens).toEqual(["t1"]);
    expect(ended).toBe(0);
    fetchMock.mockResolvedValueOnce(Response.json({ error: "revoked" }, { status: 404 }));
    keeper.refreshNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(ended).toBe(1);
    keeper.stop();
  });
});
