import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { ensureItemDescription } from "../../../lib/model/descriptionCommands";
import { collection, DESCRIPTION_FIELD, itemDescription, newRecordMap } from "../../../lib/model/docLayout";
import type { ItemId } from "../../../lib/model/ids";
import { alice, expectError, expectNoChange, expectOneTransaction, unwrap } from "../helpers/docs";
import { addItem, templateBoard } from "../helpers/fixtures";

/** An item as another client might write it: fields only, no description fragment. */
function foreignItem(doc: Y.Doc, description?: unknown): ItemId {
  const id = "iForeign01" as ItemId;
  doc.transact(() => {
    const map = newRecordMap({ title: "From elsewhere", duration: 3, status: "planned", priority: "should", owners: [], tags: [], links: [] });
    if (description !== undefined) map.set(DESCRIPTION_FIELD, description);
    collection(doc, "items").set(id, map);
  });
  return id;
}

describe("ensureItemDescription", () => {
  it("gives an item without a description a fragment, in one transaction with the caller's origin", () => {
    const { doc } = templateBoard();
    const id = foreignItem(doc);
    expect(itemDescription(doc, id)).toBeUndefined();
    const fragment = unwrap(expectOneTransaction(doc, alice, () => ensureItemDescription(doc, alice, id)));
    expect(itemDescription(doc, id)).toBe(fragment);
  });

  it("returns the existing fragment and writes nothing", () => {
    const { doc } = templateBoard();
    const id = addItem(doc);
    const existing = itemDescription(doc, id);
    const fragment = unwrap(expectNoChange(doc, () => ensureItemDescription(doc, alice, id)));
    expect(fragment).toBe(existing);
  });

  it("replaces a foreign value in the description field with a fragment", () => {
    const { doc } = templateBoard();
    const id = foreignItem(doc, "plain text from an old client");
    const fragment = unwrap(ensureItemDescription(doc, alice, id));
    expect(fragment).toBeInstanceOf(Y.XmlFragment);
    expect(itemDescription(doc, id)).toBe(fragment);
  });

  it("refuses an unknown item and changes nothing", () => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => ensureItemDescription(doc, alice, "iGone" as ItemId)), /does not exist/);
  });

  it("text typed into the new fragment reaches another replica", () => {
    const { doc } = templateBoard(1);
    const id = foreignItem(doc);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const fragment = unwrap(ensureItemDescription(doc, alice, id));
    doc.transact(() => fragment.insert(0, [new Y.XmlText("hello")]));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
    expect(itemDescription(other, id)?.toString()).toBe("hello");
  });
});
