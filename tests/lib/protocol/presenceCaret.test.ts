import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { cleanPresence } from "../../../lib/protocol/presence";

/** The caret as y-prosemirror announces it: RelativePosition objects, sent through JSON. */
function caretOnTheWire(fragment: Y.XmlFragment, anchor: number, head: number): unknown {
  const at = (index: number) => Y.createRelativePositionFromTypeIndex(fragment, index);
  return JSON.parse(JSON.stringify({ cursor: { anchor: at(anchor), head: at(head) } })) as unknown;
}

describe("presence: the description editor's text caret", () => {
  it("keeps a caret as y-prosemirror writes it (nulls for the parts a position lacks), and it still resolves", () => {
    const doc = new Y.Doc();
    const fragment = doc.getMap<Y.XmlFragment>("items").set("i1", new Y.XmlFragment());
    fragment.insert(0, [new Y.XmlText("hello")]);
    const state = caretOnTheWire(fragment, 0, 1) as { cursor: { anchor: Record<string, unknown> } };
    expect(Object.values(state.cursor.anchor)).toContain(null);
    const clean = cleanPresence(state as Record<string, unknown>, { mayEdit: true });
    expect(clean.cursor).toEqual(state.cursor);
    const resolved = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(clean.cursor!.head), doc);
    expect(resolved?.type).toBe(fragment);
    expect(resolved?.index).toBe(1);
  });

  it("drops a caret that is not two relative positions", () => {
    expect(cleanPresence({ cursor: { anchor: { item: "x" }, head: {} } }, { mayEdit: true }).cursor).toBeUndefined();
    expect(cleanPresence({ cursor: null }, { mayEdit: false }).cursor).toBeNull();
  });
});
