import type * as Y from "yjs";
import { describe, expect, it } from "vitest";
import type { Conflict, SuggestedFix } from "../../../lib/derive/types";
import { applyFix } from "../../../lib/model/applyFix";
import { boardMap } from "../../../lib/model/docLayout";
import type { DependencyId, ItemId, PhaseId } from "../../../lib/model/ids";
import { deleteItem } from "../../../lib/model/itemCommands";
import { updateLane } from "../../../lib/model/laneCommands";
import { updatePhase } from "../../../lib/model/phaseCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { ConflictBoard, deriveAll, replicaOf } from "../derive/conflicts/helpers/conflictBoard";
import { alice, bob, expectError, expectNoChange, expectOneTransaction, unwrap } from "../helpers/docs";

const itemOf = (doc: Y.Doc, id: string) => readSnapshot(doc).items.find((i) => i.id === id);

describe("applyFix: each suggested fix is one named command, one transaction with the caller's origin", () => {
  it.each<[string, (b: ConflictBoard) => SuggestedFix, (b: ConflictBoard) => void]>([
    [
      "move-item pins the item's start",
      (b) => ({ kind: "move-item", itemId: b.id("Task") as ItemId, start: "2027-03-08" as never }),
      (b) => expect(itemOf(b.doc, b.id("Task"))?.start).toBe("2027-03-08"),
    ],
    [
      "set-duration sets the duration",
      (b) => ({ kind: "set-duration", itemId: b.id("Task") as ItemId, duration: 1 }),
      (b) => expect(itemOf(b.doc, b.id("Task"))?.duration).toBe(1),
    ],
    [
      "remove-dependency removes the link",
      (b) => ({ kind: "remove-dependency", dependencyId: b.id("Other->Task") as DependencyId }),
      (b) => expect(readSnapshot(b.doc).dependencies).toEqual([]),
    ],
    [
      "set-item-lane clears the lane",
      (b) => ({ kind: "set-item-lane", itemId: b.id("Task") as ItemId, laneId: null }),
      (b) => expect(itemOf(b.doc, b.id("Task"))?.laneId).toBeNull(),
    ],
    [
      "set-item-lane moves to another lane",
      (b) => ({ kind: "set-item-lane", itemId: b.id("Task") as ItemId, laneId: b.lanes.Testing }),
      (b) => expect(itemOf(b.doc, b.id("Task"))?.laneId).toBe(b.lanes.Testing),
    ],
    [
      "set-item-phase moves to another phase",
      (b) => ({ kind: "set-item-phase", itemId: b.id("Task") as ItemId, phaseId: b.phases.MVP }),
      (b) => expect(itemOf(b.doc, b.id("Task"))?.phaseId).toBe(b.phases.MVP),
    ],
    [
      "clear-item-deadline unties the item from its milestone",
      (b) => ({ kind: "clear-item-deadline", itemId: b.id("Task") as ItemId }),
      (b) => expect(itemOf(b.doc, b.id("Task"))?.deadlineMilestoneId).toBeNull(),
    ],
    [
      "clear-phase-milestone unties the phase",
      (b) => ({ kind: "clear-phase-milestone", phaseId: b.phases.Beta as PhaseId }),
      (b) => expect(readSnapshot(b.doc).phases.find((p) => p.id === b.phases.Beta)?.milestoneId).toBeNull(),
    ],
  ])("%s", (_what, makeFix, check) => {
    const b = new ConflictBoard();
    const release = b.milestone("Beta release", "2027-06-01", "release");
    unwrap(updatePhase(b.doc, alice, b.phases.Beta, { milestoneId: release }));
    b.item("Other", { start: "2027-03-01" });
    b.item("Task", { start: "2027-03-02", duration: 3, lane: "Development", phase: "Beta", deadline: "Beta release" });
    b.link("Other", "Task");
    unwrap(expectOneTransaction(b.doc, bob, () => applyFix(b.doc, bob, makeFix(b))));
    check(b);
  });

  it("refuses, changing nothing, when the record is gone by the time the fix is applied", () => {
    const b = new ConflictBoard();
    const item = b.item("Task", { start: "2027-03-06" });
    unwrap(deleteItem(b.doc, alice, item));
    expectError(expectNoChange(b.doc, () => applyFix(b.doc, bob, { kind: "move-item", itemId: item, start: "2027-03-08" as never })), /does not exist/);
  });
});

describe("applying a conflict's suggested fix clears that conflict", () => {
  /** One board with a conflict of every kind that has a fix. */
  function troubledBoard(): ConflictBoard {
    const b = new ConflictBoard();
    const beta = b.milestone("Beta release", "2027-05-14", "release");
    b.item("Build API", { start: "2027-03-01", duration: 5, lane: "Development", phase: "Beta" });
    b.item("Test API", { start: "2027-03-03", duration: 2, lane: "Testing", phase: "MVP" }); // before Build API finishes; MVP waits on Beta
    b.link("Build API", "Test API");
    b.item("Zero", { start: "2027-03-15", duration: 1, lane: "Development" });
    b.raw("items", "Zero", "duration", 0);
    b.item("Weekend", { start: "2027-03-13", lane: "Development" });
    b.item("Late", { start: "2027-05-10", duration: 10, lane: "Development", deadline: "Beta release" });
    b.item("Early", { start: "2026-12-28", duration: 3, lane: "Development" });
    b.item("Orphan", { start: "2027-04-05", lane: "Development" });
    b.raw("items", "Orphan", "laneId", "lGone");
    b.raw("items", "Orphan", "phaseId", "pGone");
    b.item("Untied", { start: "2027-04-05", lane: "Development" });
    b.raw("items", "Untied", "deadlineMilestoneId", "mGone");
    unwrap(updatePhase(b.doc, alice, b.phases.Pilot, { milestoneId: beta }));
    b.raw("phases", b.phases.Pilot, "milestoneId", "mGone");
    b.item("Dangling", { start: "2027-04-05", lane: "Development" });
    b.rawLink("Dangling", "iGone", 0, "dDangling");
    b.item("Loop A", { start: "2027-04-05", lane: "Development" });
    b.item("Loop B", { start: "2027-04-05", lane: "Development" });
    b.rawLink("Loop A", "Loop B", 0, "dLoop1");
    b.rawLink("Loop B", "Loop A", 0, "dLoop2");
    unwrap(updateLane(b.doc, alice, b.lanes.Development, { capacity: 0 }));
    expect(boardMap(b.doc).get("horizonStart")).toBe("2027-01-04");
    return b;
  }

  it("for every kind of fix the rules suggest", () => {
    const b = troubledBoard();
    const withFix = b.conflicts().filter((c): c is Conflict & { fix: SuggestedFix } => c.fix !== null);
    const kinds = new Set(withFix.map((c) => c.fix.kind));
    expect([...kinds].sort()).toEqual(
      ["clear-item-deadline", "clear-phase-milestone", "move-item", "remove-dependency", "set-duration", "set-item-lane", "set-item-phase"].sort(),
    );
    for (const conflict of withFix) {
      // A replica of the same board (same record ids), so each fix is tried on its own.
      const copy = replicaOf(b.doc, 99);
      unwrap(applyFix(copy, bob, conflict.fix));
      expect(deriveAll(readSnapshot(copy)).conflicts.map((c) => c.id), `${conflict.id} after its fix`).not.toContain(conflict.id);
    }
  });
});
