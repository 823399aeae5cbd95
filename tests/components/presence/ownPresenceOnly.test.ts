import { describe, expect, it } from "vitest";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { sendOwnPresenceOnly } from "../../../components/collab/ownPresenceOnly";

/** A provider whose stock handler records what it would send (y-websocket sends what it is given). */
function stockProvider(awareness: Awareness) {
  const sent: number[][] = [];
  const provider = {
    _awarenessUpdateHandler: ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      sent.push([...added, ...updated, ...removed]);
    },
  };
  awareness.on("update", provider._awarenessUpdateHandler);
  return { provider, sent };
}

describe("sending only one's own presence", () => {
  it("others' states received from the server are not sent back; one's own changes are", () => {
    const mine = new Awareness(new Y.Doc());
    const { provider, sent } = stockProvider(mine);
    sendOwnPresenceOnly(provider, mine, mine.clientID);

    const other = new Awareness(new Y.Doc());
    other.setLocalState({ pointer: { day: 1, lane: "l", y: 0 } });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(other, [other.clientID]), "server");
    removeAwarenessStates(mine, [other.clientID], "server");
    expect(sent).toEqual([]);

    mine.setLocalStateField("selection", "iA");
    expect(sent).toEqual([[mine.clientID]]);
    mine.setLocalState(null);
    expect(sent).toEqual([[mine.clientID], [mine.clientID]]);
  });

  it("without it, a stock provider would send every received change back (what this prevents)", () => {
    const mine = new Awareness(new Y.Doc());
    const { sent } = stockProvider(mine);
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ x: 1 });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(other, [other.clientID]), "server");
    expect(sent).toEqual([[other.clientID]]);
  });

  it("the provider's field holds the new handler, so destroying the provider unregisters it", () => {
    const mine = new Awareness(new Y.Doc());
    const { provider, sent } = stockProvider(mine);
    sendOwnPresenceOnly(provider, mine, mine.clientID);
    mine.off("update", provider._awarenessUpdateHandler);
    mine.setLocalStateField("selection", "iA");
    expect(sent).toEqual([]);
  });
});
