import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { OfflineSync } from "../../../components/collab/offlineSync";
import { CloseCode } from "../../../lib/protocol/sync";

/** Without a cache (IndexedDB is the browser's; Playwright covers it): the counting and the verdicts. */
function sync() {
  let confirmations = 0;
  const offline = new OfflineSync(new Y.Doc(), {
    cacheName: null,
    discardName: null,
    onCacheLoaded: () => undefined,
    requestConfirmation: () => confirmations++,
    keepPage: () => undefined,
    forgetPage: () => undefined,
  });
  return { offline, confirmations: () => confirmations };
}

describe("OfflineSync", () => {
  it("counts edits made out of sync, asks the server to confirm on reconnect, and clears the count on its answer", () => {
    const { offline, confirmations } = sync();
    offline.localEdit();
    offline.localEdit();
    expect(offline.state.get().pending).toBe(2);
    offline.serverAnswered(); // an answer nobody asked for confirms nothing
    expect(offline.state.get().pending).toBe(2);
    offline.setInSync(true);
    expect(confirmations()).toBe(1);
    expect(offline.state.get().pending).toBe(2);
    offline.serverAnswered();
    expect(offline.state.get().pending).toBe(0);
  });

  it("a connection lost before the confirmation keeps the count; the next reconnect asks again", () => {
    const { offline, confirmations } = sync();
    offline.localEdit();
    offline.setInSync(true);
    offline.setInSync(false);
    offline.serverAnswered();
    expect(offline.state.get().pending).toBe(1);
    offline.setInSync(true);
    expect(confirmations()).toBe(2);
    offline.serverAnswered();
    expect(offline.state.get().pending).toBe(0);
  });

  it("nothing pending: nothing to confirm", () => {
    const { offline, confirmations } = sync();
    offline.setInSync(true);
    expect(confirmations()).toBe(0);
  });

  it("a read-only verdict turns what was pending into refused edits, still on screen, and stops caching", () => {
    const { offline, confirmations } = sync();
    offline.localEdit();
    offline.localEdit();
    offline.readOnly();
    offline.setInSync(true);
    expect(confirmations()).toBe(0);
    expect(offline.state.get()).toMatchObject({ pending: 0, refused: 2, refusedOnScreen: true, caching: false });
    offline.localEdit();
    expect(offline.state.get()).toMatchObject({ pending: 0, refused: 3 });
  });

  it("read-only with nothing pending refuses nothing", () => {
    const { offline } = sync();
    offline.readOnly();
    expect(offline.state.get()).toMatchObject({ refused: 0, refusedOnScreen: false });
  });

  it("a deleted board or lost access ends caching; other closes do not", () => {
    const a = sync().offline;
    a.localEdit();
    a.closed(CloseCode.NotFound);
    expect(a.state.get()).toMatchObject({ refused: 1, caching: false });
    const b = sync().offline;
    b.closed(CloseCode.Unauthorized);
    expect(b.state.get().refused).toBe(0);
  });
});
