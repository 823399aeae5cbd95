import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { updateBoard } from "../../../lib/model/boardCommands";
import { date } from "../../../lib/model/dates";
import { itemDescription } from "../../../lib/model/docLayout";
import { ensureItemDescription } from "../../../lib/model/descriptionCommands";
import { deleteItem, moveItem, updateItem } from "../../../lib/model/itemCommands";
import { addLane } from "../../../lib/model/laneCommands";
import { restoreBoard, restoreItem } from "../../../lib/model/restoreCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { createUndoManager } from "../../../lib/model/undoScope";
import type { ItemId } from "../../../lib/model/ids";
import { alice, bob, newDoc, unwrap } from "../helpers/docs";
import { addItem, templateBoard } from "../helpers/fixtures";

const REMOTE = Symbol("remote");

function writeDescription(doc: Y.Doc, id: ItemId, text: string): void {
  const fragment = unwrap(ensureItemDescription(doc, alice, id));
  doc.transact(() => {
    if (fragment.length) fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [paragraph]);
  }, alice);
}

/** A board, the version saved from it (as its own document, the way the server builds one) and its ids. */
function boardWithVersion() {
  const { doc, ids } = templateBoard(1);
  const kept = addItem(doc, { title: "Kept", start: "2027-02-01", duration: 5 });
  const gone = addItem(doc, { title: "Deleted later", start: "2027-03-01" });
  writeDescription(doc, gone, "The agreed scope");
  const version = newDoc(99);
  Y.applyUpdate(version, Y.encodeStateAsUpdate(doc));
  return { doc, ids, kept, gone, version };
}

/** Everything people see of a board, descriptions included. */
function content(doc: Y.Doc) {
  const { problems: _problems, ...snapshot } = readSnapshot(doc);
  const descriptions = snapshot.items.map((i) => [i.id, itemDescription(doc, i.id)?.toString() ?? ""]);
  return { ...snapshot, descriptions };
}

describe("restoring a version is one forward change", () => {
  it("a whole version comes back: moved, renamed, deleted and added things, board settings and descriptions", () => {
    const { doc, kept, gone, version } = boardWithVersion();
    unwrap(moveItem(doc, alice, kept, { start: date("2027-05-03") }));
    unwrap(updateItem(doc, alice, kept, { title: "Renamed", owners: ["Ana"] }));
    unwrap(deleteItem(doc, alice, gone));
    addItem(doc, { title: "Added after" });
    unwrap(addLane(doc, alice, { name: "New lane" }));
    unwrap(updateBoard(doc, alice, { title: "Renamed board", workingDays: [1, 2, 3, 4] }));
    expect(content(doc)).not.toEqual(content(version));

    const { changed } = restoreBoard(doc, version, bob);
    expect(changed).toBeGreaterThan(0);
    expect(content(doc)).toEqual(content(version));
    expect(itemDescription(doc, gone)?.toString()).toContain("The agreed scope");
  });

  it("restoring what is already there writes nothing", () => {
    const { doc, version } = boardWithVersion();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    expect(restoreBoard(doc, version, bob).changed).toBe(0);
    expect(updates).toHaveLength(0);
  });

  it("the restorer undoes it in one step, and the board is as it was before the restore", () => {
    const { doc, kept, gone, version } = boardWithVersion();
    unwrap(moveItem(doc, alice, kept, { start: date("2027-05-03") }));
    unwrap(deleteItem(doc, alice, gone));
    const before = content(doc);
    const undo = createUndoManager(doc, bob);
    restoreBoard(doc, version, bob);
    expect(content(doc)).toEqual(content(version));
    undo.undo();
    expect(content(doc)).toEqual(before);
  });

  it("one item comes back as the version had it, re-created under its id if deleted since; nothing else moves", () => {
    const { doc, kept, gone, version } = boardWithVersion();
    unwrap(moveItem(doc, alice, kept, { start: date("2027-05-03") }));
    unwrap(deleteItem(doc, alice, gone));
    unwrap(restoreItem(doc, version, bob, gone));
    const items = readSnapshot(doc).items;
    expect(items.find((i) => i.id === gone)).toEqual(readSnapshot(version).items.find((i) => i.id === gone));
    expect(itemDescription(doc, gone)?.toString()).toContain("The agreed scope");
    expect(items.find((i) => i.id === kept)?.start).toBe("2027-05-03");
    expect(restoreItem(doc, version, bob, "item-not-there" as ItemId).ok).toBe(false);
  });

  it("a restore while two others edit converges on every replica", () => {
    const { doc: a, kept, gone, version } = boardWithVersion();
    const b = newDoc(2);
    const c = newDoc(3);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
    unwrap(moveItem(a, alice, kept, { start: date("2027-06-07") }));
    // Messages between replicas are held back while all three write, then delivered in any order.
    const queue: [Y.Doc, Uint8Array][] = [];
    for (const from of [a, b, c]) {
      from.on("update", (u: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return;
        for (const to of [a, b, c]) if (to !== from) queue.push([to, u]);
      });
    }
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a), REMOTE);
    restoreBoard(a, version, alice);
    unwrap(updateItem(b, bob, kept, { title: "Ben renames it meanwhile" }));
    unwrap(moveItem(c, bob, gone, { start: date("2027-09-06") }));
    addItem(c, { title: "Chen adds one" });
    for (const [to, update] of queue.reverse()) Y.applyUpdate(to, update, REMOTE);
    expect(content(b)).toEqual(content(a));
    expect(content(c)).toEqual(content(a));
    // Ben's rename of a field the restore did not need to touch survives the merge.
    expect(readSnapshot(a).items.find((i) => i.id === kept)?.title).toBe("Ben renames it meanwhile");
  });
});
