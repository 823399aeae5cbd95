import { describe, expect, it } from "vitest";
import { syncBannerView } from "../../components/board/syncBannerState";
import type { ConnectionState } from "../../components/collab/boardSession";
import type { OfflineState } from "../../components/collab/offlineSync";

const live: ConnectionState = { status: "connected", loaded: true, closed: null, denied: null };
const calm: OfflineState = { caching: true, fromCache: false, pending: 0, refused: 0, refusedOnScreen: false, networkDown: false };
const view = (c: Partial<ConnectionState>, o: Partial<OfflineState> = {}, troubled = false) => syncBannerView({ ...live, ...c }, { ...calm, ...o }, troubled);

describe("the sync banner", () => {
  it("says nothing while live and nothing went wrong, nor during a first connect", () => {
    expect(view({})).toBeNull();
    expect(view({ status: "connecting", loaded: false })).toBeNull();
    expect(view({ status: "connecting", loaded: false }, { fromCache: true })).toBeNull();
  });

  it("offline: the network is down or the connection dropped, with the changes kept here", () => {
    expect(view({ status: "disconnected" }, { networkDown: true, pending: 3 })).toMatchObject({
      kind: "offline",
      title: "You are offline",
      detail: expect.stringContaining("3 changes will be sent when you reconnect."),
    });
    expect(view({ status: "disconnected" })).toMatchObject({ kind: "offline", title: "Connection lost" });
    expect(view({ status: "disconnected" }, { caching: false })?.detail).toMatch(/Others' changes will appear/);
  });

  it("offline with a board drawn from this device before the server ever answered", () => {
    expect(view({ status: "disconnected", loaded: false }, { fromCache: true, networkDown: true, pending: 1 })?.detail).toContain(
      "1 change will be sent",
    );
  });

  it("reconnecting after trouble, or with edits waiting; then syncing; then synced once", () => {
    expect(view({ status: "connecting" }, {}, true)).toMatchObject({ kind: "reconnecting", detail: "" });
    expect(view({ status: "connecting" }, { pending: 2 })).toMatchObject({ kind: "reconnecting", detail: "2 changes waiting to be sent." });
    expect(view({}, { pending: 2 })).toMatchObject({ kind: "syncing", title: "Syncing 2 changes…" });
    expect(view({}, {}, true)).toMatchObject({ kind: "synced" });
  });

  it("refused edits outrank everything, and a reload is offered only while they are on screen", () => {
    expect(view({ status: "disconnected" }, { refused: 1, refusedOnScreen: true, networkDown: true })).toMatchObject({
      kind: "refused",
      title: "1 change made on this device was not saved",
      reload: true,
    });
    expect(view({}, { refused: 3 })).toMatchObject({ kind: "refused", title: "3 changes made on this device were not saved", reload: false });
    expect(view({ closed: { code: 4403, reason: "" } }, { refused: 2 })?.detail).toMatch(/no longer have access/);
  });

  it("a connection the server closed for good is left to the connection badge", () => {
    expect(view({ status: "disconnected", closed: { code: 4404, reason: "board deleted" } }, { pending: 0 }, true)).toBeNull();
  });
});
