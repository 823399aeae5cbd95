import { describe, expect, it } from "vitest";
import { addDependency } from "../../../../lib/model/dependencyCommands";
import { collection } from "../../../../lib/model/docLayout";
import { createItem, deleteItem } from "../../../../lib/model/itemCommands";
import { removeLane } from "../../../../lib/model/laneCommands";
import { deleteMilestone } from "../../../../lib/model/milestoneCommands";
import { updatePhase } from "../../../../lib/model/phaseCommands";
import { readSnapshot } from "../../../../lib/model/snapshot";
import { alice, bob, syncDocs, unwrap } from "../../helpers/docs";
import { ConflictBoard, deriveAll, replicaOf } from "./helpers/conflictBoard";

const missing = (doc: ConflictBoard["doc"]) => deriveAll(readSnapshot(doc)).conflicts.filter((c) => c.kind === "missing-reference");

describe("missing-reference: a record points at one that no longer exists", () => {
  it("an item added to a lane someone else removed at the same time: fix clears its lane", () => {
    const b = new ConflictBoard(1);
    const other = replicaOf(b.doc, 2);
    const item = unwrap(createItem(b.doc, alice, { title: "Regression suite", laneId: b.lanes.Testing, start: "2027-02-01" }));
    unwrap(removeLane(other, bob, b.lanes.Testing));
    syncDocs(b.doc, other);
    expect(missing(b.doc)).toEqual([
      {
        id: `missing-reference:items:${item}:laneId`,
        kind: "missing-reference",
        severity: "warning",
        objectIds: [item, b.lanes.Testing],
        message: "“Regression suite” refers to a lane that no longer exists (it may have been deleted). Move it to another lane.",
        fix: { kind: "set-item-lane", itemId: item, laneId: null },
      },
    ]);
  });

  it("a link to an item someone else deleted at the same time: fix removes the link", () => {
    const b = new ConflictBoard(1);
    const design = b.item("Design", { start: "2027-02-01" });
    const build = b.item("Build");
    const other = replicaOf(b.doc, 2);
    const dep = unwrap(addDependency(b.doc, alice, { fromId: design, toId: build }));
    unwrap(deleteItem(other, bob, build));
    syncDocs(b.doc, other);
    expect(missing(b.doc)).toEqual([
      {
        id: `missing-reference:dependencies:${dep}:toId`,
        kind: "missing-reference",
        severity: "warning",
        objectIds: [design, dep, build],
        message: "A dependency of “Design” links to a successor that no longer exists (it may have been deleted), so scheduling ignores it. Remove the link.",
        fix: { kind: "remove-dependency", dependencyId: dep },
      },
    ]);
  });

  it("a phase tied to a milestone someone else deleted: fix clears the phase's milestone", () => {
    const b = new ConflictBoard(1);
    const release = b.milestone("MVP release", "2027-03-31", "release");
    const other = replicaOf(b.doc, 2);
    unwrap(updatePhase(b.doc, alice, b.phases.MVP, { milestoneId: release }));
    unwrap(deleteMilestone(other, bob, release));
    syncDocs(b.doc, other);
    expect(missing(b.doc)).toEqual([
      {
        id: `missing-reference:phases:${b.phases.MVP}:milestoneId`,
        kind: "missing-reference",
        severity: "warning",
        objectIds: [b.phases.MVP, release],
        message: expect.stringContaining("Phase “MVP” ends in a release milestone that no longer exists"),
        fix: { kind: "clear-phase-milestone", phaseId: b.phases.MVP },
      },
    ]);
  });

  it.each([
    ["phaseId", "pGone", "a phase", (id: string) => ({ kind: "set-item-phase", itemId: id, phaseId: null })],
    ["deadlineMilestoneId", "mGone", "a deadline milestone", (id: string) => ({ kind: "clear-item-deadline", itemId: id })],
  ])("an item whose %s points nowhere", (field, target, what, fix) => {
    const b = new ConflictBoard();
    const item = b.item("Pilot survey", { start: "2027-02-01" });
    b.raw("items", "Pilot survey", field, target);
    expect(missing(b.doc)).toEqual([
      expect.objectContaining({
        id: `missing-reference:items:${item}:${field}`,
        objectIds: [item, target],
        message: expect.stringContaining(`“Pilot survey” refers to ${what} that no longer exists`),
        fix: fix(item),
      }),
    ]);
  });

  it("a reference field holding junk reads as none, and is reported as a link that leads nowhere", () => {
    const b = new ConflictBoard();
    const item = b.item("Pilot survey", { start: "2027-02-01", lane: "Testing" });
    b.raw("items", "Pilot survey", "laneId", 42);
    expect(missing(b.doc)).toEqual([
      expect.objectContaining({
        id: `missing-reference:items:${item}:laneId`,
        objectIds: [item],
        message: "“Pilot survey” refers to a lane that cannot be read. Move it to another lane.",
        fix: { kind: "set-item-lane", itemId: item, laneId: null },
      }),
    ]);
  });

  it("a dependency whose ends cannot be read is dropped by the snapshot and reported with a remove fix", () => {
    const b = new ConflictBoard();
    b.item("A", { start: "2027-02-01" });
    b.item("B");
    const dep = b.link("A", "B");
    b.raw("dependencies", dep, "fromId", 7);
    const found = missing(b.doc);
    expect(found).toEqual([expect.objectContaining({ id: `missing-reference:dependencies:${dep}`, fix: { kind: "remove-dependency", dependencyId: dep } })]);
    expect(found[0]!.message).toMatch(/^A dependency cannot be read \(fromId: .+\), so scheduling ignores it/);
  });

  it("reports nothing on a board whose references all resolve", () => {
    const b = new ConflictBoard();
    const m = b.milestone("Beta", "2027-06-01", "release");
    b.item("A", { start: "2027-02-01", lane: "Development", phase: "MVP", deadline: "Beta" });
    b.item("B", { lane: "Testing" });
    b.link("A", "B");
    unwrap(updatePhase(b.doc, alice, b.phases.Beta, { milestoneId: m }));
    expect(collection(b.doc, "items").size).toBe(2);
    expect(missing(b.doc)).toEqual([]);
  });
});
