import { describe, expect, it } from "vitest";
import { moveItemAndSuccessors } from "../../../lib/model/chainCommands";
import { date } from "../../../lib/model/dates";
import type { ItemId } from "../../../lib/model/ids";
import { deleteItem, moveItem } from "../../../lib/model/itemCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { createUndoManager } from "../../../lib/model/undoScope";
import { ConflictBoard, replicaOf } from "../derive/conflicts/helpers/conflictBoard";
import { alice, bob, expectError, expectNoChange, expectOneTransaction, syncDocs, unwrap } from "../helpers/docs";

/** API → Frontend → Launch, pinned back to back; API slipped three days, so Frontend is in conflict. */
function slippedChain(): ConflictBoard {
  const b = new ConflictBoard(1);
  b.item("API", { start: "2027-01-07", duration: 5 });
  b.item("Frontend", { start: "2027-01-11", duration: 5 });
  b.item("Launch", { start: "2027-01-18", duration: 1 });
  b.item("Elsewhere", { start: "2027-01-11", duration: 5 });
  b.link("API", "Frontend");
  b.link("Frontend", "Launch");
  return b;
}

const starts = (b: ConflictBoard) => Object.fromEntries(readSnapshot(b.doc).items.map((i) => [i.title, i.start]));

describe("moveItemAndSuccessors: the conflict fix that resolves instead of cascading", () => {
  it("moves the item and every pinned successor it pushes in one transaction, leaving no dependency conflict", () => {
    const b = slippedChain();
    expect(b.conflicts("dependency-violated")).toHaveLength(1);
    const plan = expectOneTransaction(b.doc, alice, () => unwrap(moveItemAndSuccessors(b.doc, alice, b.id("Frontend") as ItemId, date("2027-01-14"))));
    expect(plan.moves.map((m) => [m.itemId, m.shift])).toEqual([
      [b.id("Frontend"), 3],
      [b.id("Launch"), 3],
    ]);
    expect(starts(b)).toEqual({ API: "2027-01-07", Frontend: "2027-01-14", Launch: "2027-01-21", Elsewhere: "2027-01-11" });
    expect(b.conflicts("dependency-violated")).toEqual([]);
  });

  it("is one undo step: undo puts every item back", () => {
    const b = slippedChain();
    const undo = createUndoManager(b.doc, alice);
    const before = starts(b);
    unwrap(moveItemAndSuccessors(b.doc, alice, b.id("Frontend") as ItemId, date("2027-01-14")));
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(starts(b)).toEqual(before);
  });

  it("plans on the document as it is when applied: a successor a colleague pinned meanwhile is pushed too", () => {
    const b = slippedChain();
    const ben = replicaOf(b.doc, 2);
    // Ben pins Elsewhere right after Launch and links it, while Ana looks at the preview.
    unwrap(moveItem(ben, bob, b.id("Elsewhere") as ItemId, { start: date("2027-01-19") }));
    syncDocs(b.doc, ben);
    b.link("Launch", "Elsewhere");
    unwrap(moveItemAndSuccessors(b.doc, alice, b.id("Frontend") as ItemId, date("2027-01-14")));
    expect(starts(b).Elsewhere).toBe("2027-01-22");
    expect(b.conflicts("dependency-violated")).toEqual([]);
  });

  it("refuses, writing nothing, when the item is gone or the date is not a supported date", () => {
    const b = slippedChain();
    unwrap(deleteItem(b.doc, bob, b.id("Launch") as ItemId));
    expectNoChange(b.doc, () => expectError(moveItemAndSuccessors(b.doc, alice, b.id("Launch") as ItemId, date("2027-01-14")), /does not exist/));
    expectNoChange(b.doc, () => expectError(moveItemAndSuccessors(b.doc, alice, b.id("Frontend") as ItemId, "9999-12-31" as never), /outside the supported dates/));
  });
});
