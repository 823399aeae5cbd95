import type * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { addDependency } from "../../../lib/model/dependencyCommands";
import { collection, COLLECTIONS } from "../../../lib/model/docLayout";
import { deleteItem } from "../../../lib/model/itemCommands";
import { addLane, removeLane, reorderLane } from "../../../lib/model/laneCommands";
import { addMilestone, deleteMilestone } from "../../../lib/model/milestoneCommands";
import { addPhase, removePhase, reorderPhase, updatePhase } from "../../../lib/model/phaseCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import type { LaneId } from "../../../lib/model/ids";
import { alice, expectError, unwrap } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";

/**
 * Any peer can write any value into a collection. Commands that scan a collection must step over
 * what is not a record instead of throwing, or one bad write would lock every user out of
 * deleting items, removing lanes or linking items on that board.
 */
function junkBoard() {
  const board = templateBoard();
  for (const name of COLLECTIONS) {
    collection(board.doc, name).set(`${name}Junk`, "not a record" as never);
    collection(board.doc, name).set(`${name}Null`, null as never);
  }
  return board;
}

const junkStillThere = (doc: Y.Doc) =>
  COLLECTIONS.every((name) => collection(doc, name).has(`${name}Junk`) && collection(doc, name).has(`${name}Null`));

describe("commands work on a board whose collections hold non-record junk", () => {
  it("deleteItem deletes the item and its dependencies", () => {
    const { doc } = junkBoard();
    const [a, b] = [addItem(doc), addItem(doc)];
    unwrap(addDependency(doc, setup, { fromId: a, toId: b }));
    expect(deleteItem(doc, alice, a)).toEqual({ ok: true, value: undefined });
    expect(readSnapshot(doc).dependencies).toEqual([]);
    expect(junkStillThere(doc)).toBe(true);
  });

  it("addDependency still refuses cycles and duplicates and adds good links", () => {
    const { doc } = junkBoard();
    const [a, b, c] = [addItem(doc), addItem(doc), addItem(doc)];
    expect(addDependency(doc, alice, { fromId: a, toId: b }).ok).toBe(true);
    expect(addDependency(doc, alice, { fromId: b, toId: c }).ok).toBe(true);
    expect(addDependency(doc, alice, { fromId: c, toId: a }).ok).toBe(false);
    expect(addDependency(doc, alice, { fromId: a, toId: b }).ok).toBe(false);
  });

  it("removeLane moves the lane's items and removes it", () => {
    const { doc, ids } = junkBoard();
    const item = addItem(doc, { laneId: ids.lanes.Testing });
    expect(removeLane(doc, alice, ids.lanes.Testing, ids.lanes.Development).ok).toBe(true);
    expect(readSnapshot(doc).items.find((i) => i.id === item)?.laneId).toBe(ids.lanes.Development);
  });

  it("addLane and reorderLane keep the template order", () => {
    const { doc, ids } = junkBoard();
    const added = unwrap(addLane(doc, alice, { name: "Legal" }));
    unwrap(reorderLane(doc, alice, added, ids.lanes.Development));
    expect(readSnapshot(doc).lanes.map((l) => l.name).slice(0, 3)).toEqual(["Service design", "Legal", "Development"]);
  });

  it("addPhase, reorderPhase and removePhase work", () => {
    const { doc, ids } = junkBoard();
    const added = unwrap(addPhase(doc, alice, { name: "Sunset" }));
    unwrap(reorderPhase(doc, alice, added, ids.phases.MVP));
    const item = addItem(doc, { phaseId: ids.phases.Pilot });
    unwrap(removePhase(doc, alice, ids.phases.Pilot));
    const snap = readSnapshot(doc);
    expect(snap.phases.map((p) => p.name)).toEqual(["Sunset", "MVP", "Beta", "Roll-out", "Enhancements"]);
    expect(snap.items.find((i) => i.id === item)?.phaseId).toBeNull();
  });

  it("deleteMilestone unties items and phases", () => {
    const { doc, ids } = junkBoard();
    const ms = unwrap(addMilestone(doc, setup, { title: "Go", date: "2027-05-03", kind: "go_live" }));
    const item = addItem(doc, { deadlineMilestoneId: ms });
    unwrap(updatePhase(doc, setup, ids.phases.MVP, { milestoneId: ms }));
    expect(deleteMilestone(doc, alice, ms).ok).toBe(true);
    const snap = readSnapshot(doc);
    expect(snap.items.find((i) => i.id === item)?.deadlineMilestoneId).toBeNull();
    expect(snap.phases.find((p) => p.id === ids.phases.MVP)?.milestoneId).toBeNull();
  });

  it("refuses to treat junk as a lane or an item, and says it does not exist", () => {
    const { doc } = junkBoard();
    expectError(reorderLane(doc, alice, "lanesJunk" as LaneId, null), /does not exist/);
    expectError(addDependency(doc, alice, { fromId: "itemsJunk", toId: addItem(doc) }), /does not exist/);
  });
});
