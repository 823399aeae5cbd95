import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { updateBoard } from "../../../lib/model/boardCommands";
import { addDependency } from "../../../lib/model/dependencyCommands";
import { itemDescription } from "../../../lib/model/docLayout";
import { createItem, deleteItem, moveItem, updateItem } from "../../../lib/model/itemCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { createUndoManager } from "../../../lib/model/undoScope";
import { alice, bob, unwrap } from "../helpers/docs";
import { addItem, templateBoard } from "../helpers/fixtures";

const REMOTE = Symbol("remote");

/** Two replicas of one board, each update delivered to the other at once (as the server relays). */
function twoPeople() {
  const { doc: a, ids } = templateBoard(1);
  const b = new Y.Doc();
  b.clientID = 2;
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on("update", (u: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(b, u, REMOTE));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(a, u, REMOTE));
  return { a, b, ids, undoA: createUndoManager(a, alice), undoB: createUndoManager(b, bob) };
}

const item = (doc: Y.Doc, id: string) => readSnapshot(doc).items.find((i) => i.id === id);

describe("undo reverts only your own commands, never a colleague's", () => {
  it("undoing my move leaves the item a colleague moved where they put it, on both replicas", () => {
    const { a, b, undoA } = twoPeople();
    const mine = addItem(a, { title: "Mine", start: "2027-02-01" });
    const theirs = addItem(a, { title: "Theirs", start: "2027-02-01" });
    unwrap(moveItem(a, alice, mine, { start: "2027-03-01" }));
    unwrap(moveItem(b, bob, theirs, { start: "2027-04-05" }));
    undoA.undo();
    for (const doc of [a, b]) {
      expect(item(doc, mine)?.start).toBe("2027-02-01");
      expect(item(doc, theirs)?.start).toBe("2027-04-05");
    }
  });

  it("on one item: undoing my status change keeps the start a colleague set after it", () => {
    const { a, b, undoA } = twoPeople();
    const id = addItem(a, { start: "2027-02-01", status: "planned" });
    unwrap(updateItem(a, alice, id, { status: "at_risk" }));
    unwrap(updateItem(b, bob, id, { start: "2027-05-03" }));
    undoA.undo();
    for (const doc of [a, b]) expect(item(doc, id)).toMatchObject({ status: "planned", start: "2027-05-03" });
  });

  it("a colleague who overwrote my value keeps theirs when I undo mine", () => {
    const { a, b, undoA } = twoPeople();
    const id = addItem(a, { title: "Original" });
    unwrap(updateItem(a, alice, id, { title: "Alice's" }));
    unwrap(updateItem(b, bob, id, { title: "Bob's" }));
    undoA.undo();
    for (const doc of [a, b]) expect(item(doc, id)?.title).toBe("Bob's");
  });

  it("a colleague's edits never enter my history: nothing to undo until I act", () => {
    const { a, b, undoA, undoB } = twoPeople();
    const id = unwrap(createItem(b, bob, { title: "Bob's item" }));
    unwrap(updateItem(b, bob, id, { status: "done" }));
    expect(undoA.canUndo()).toBe(false);
    expect(undoB.undoStack).toHaveLength(2);
    undoA.undo();
    expect(item(a, id)?.status).toBe("done");
  });
});

describe("every command is one undo step", () => {
  it("three commands in the same millisecond are three steps, undone newest first and redone in order", () => {
    const { a, undoA, ids } = twoPeople();
    const id = unwrap(createItem(a, alice, { title: "Step", laneId: ids.lanes.Development, start: "2027-02-01" }));
    unwrap(moveItem(a, alice, id, { start: "2027-02-08" }));
    unwrap(updateItem(a, alice, id, { status: "in_progress" }));
    expect(undoA.undoStack).toHaveLength(3);
    undoA.undo();
    expect(item(a, id)).toMatchObject({ start: "2027-02-08", status: "planned" });
    undoA.undo();
    expect(item(a, id)?.start).toBe("2027-02-01");
    undoA.undo();
    expect(item(a, id)).toBeUndefined();
    expect(undoA.canUndo()).toBe(false);
    undoA.redo();
    undoA.redo();
    expect(item(a, id)).toMatchObject({ start: "2027-02-08", status: "planned" });
    expect(undoA.canRedo()).toBe(true);
  });

  it("undoing a delete brings the item back with its dependencies and its description text", () => {
    const { a, b, undoA } = twoPeople();
    const first = addItem(a, { title: "First" });
    const second = addItem(a, { title: "Second" });
    unwrap(addDependency(a, alice, { fromId: first, toId: second }));
    const text = new Y.XmlText("Why this matters");
    a.transact(() => itemDescription(a, first)!.insert(0, [text]), Symbol("typing"));
    unwrap(deleteItem(a, alice, first));
    expect(readSnapshot(b).dependencies).toHaveLength(0);
    undoA.undo();
    for (const doc of [a, b]) {
      expect(item(doc, first)?.title).toBe("First");
      expect(readSnapshot(doc).dependencies).toHaveLength(1);
      expect(itemDescription(doc, first)?.toString()).toBe("Why this matters");
    }
  });

  it("board settings are in scope (renaming the board is undoable); edits with other origins are not", () => {
    const { a, undoA } = twoPeople();
    unwrap(updateBoard(a, alice, { title: "Renamed" }));
    const id = addItem(a);
    a.transact(() => itemDescription(a, id)!.insert(0, [new Y.XmlText("typed")]), Symbol("editor"));
    expect(undoA.undoStack).toHaveLength(1);
    undoA.undo();
    expect(readSnapshot(a).board.title).toBe("Test roadmap");
    expect(itemDescription(a, id)?.toString()).toBe("typed");
  });
});
