import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { UndoHistory } from "../../../components/collab/undoHistory";
import { moveItem } from "../../../lib/model/itemCommands";
import { alice, bob, syncDocs, unwrap } from "../../lib/helpers/docs";
import { addItem, templateBoard } from "../../lib/helpers/fixtures";
import { readSnapshot } from "../../../lib/model/snapshot";

const REMOTE = Symbol("remote");

describe("UndoHistory: what the undo and redo buttons see", () => {
  it("enables undo only after this session's own command, and redo after an undo", () => {
    const { doc: a } = templateBoard(1);
    const b = new Y.Doc();
    syncDocs(a, b);
    a.on("update", (u: Uint8Array, o: unknown) => o !== REMOTE && Y.applyUpdate(b, u, REMOTE));
    b.on("update", (u: Uint8Array, o: unknown) => o !== REMOTE && Y.applyUpdate(a, u, REMOTE));
    const history = new UndoHistory(a, alice);
    const seen: string[] = [];
    history.state.subscribe(() => seen.push(JSON.stringify(history.state.get())));

    const id = addItem(a, { start: "2027-02-01" });
    unwrap(moveItem(b, bob, id, { start: "2027-02-15" }));
    expect(history.state.get()).toEqual({ canUndo: false, canRedo: false });

    unwrap(moveItem(a, alice, id, { start: "2027-03-01" }));
    expect(history.state.get()).toEqual({ canUndo: true, canRedo: false });
    expect(history.undo()).toBe(true);
    expect(history.state.get()).toEqual({ canUndo: false, canRedo: true });
    // Undo restores what was there before Alice's move: Bob's start, on both replicas.
    for (const doc of [a, b]) expect(readSnapshot(doc).items[0]?.start).toBe("2027-02-15");
    expect(history.undo()).toBe(false);
    expect(history.redo()).toBe(true);
    expect(readSnapshot(b).items[0]?.start).toBe("2027-03-01");
    history.clear();
    expect(history.state.get()).toEqual({ canUndo: false, canRedo: false });
    expect(seen).toEqual([
      JSON.stringify({ canUndo: true, canRedo: false }),
      JSON.stringify({ canUndo: false, canRedo: true }),
      JSON.stringify({ canUndo: true, canRedo: false }),
      JSON.stringify({ canUndo: false, canRedo: false }),
    ]);
  });
});
