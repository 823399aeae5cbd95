import { describe, expect, it } from "vitest";
import { reorderPhase } from "../../../../lib/model/phaseCommands";
import { alice, unwrap } from "../../helpers/docs";
import { ConflictBoard } from "./helpers/conflictBoard";

describe("phase-order-violated: an item of an earlier phase waits on an item of a later one", () => {
  it("an MVP item waiting on a Beta item: fix pulls the Beta item into MVP", () => {
    const b = new ConflictBoard();
    const checkout = b.item("Checkout", { start: "2027-03-01", phase: "MVP" });
    const loyalty = b.item("Loyalty points", { start: "2027-02-01", phase: "Beta" });
    const dep = b.link("Loyalty points", "Checkout");
    expect(b.conflicts("phase-order-violated")).toEqual([
      {
        id: `phase-order-violated:${dep}`,
        kind: "phase-order-violated",
        severity: "warning",
        objectIds: [checkout, loyalty, dep, b.phases.MVP, b.phases.Beta],
        message: "“Checkout” in phase “MVP” waits on “Loyalty points” in the later phase “Beta”. Pull “Loyalty points” into “MVP”, or move “Checkout” to “Beta” or later.",
        fix: { kind: "set-item-phase", itemId: loyalty, phaseId: b.phases.MVP },
      },
    ]);
  });

  it.each([
    ["a later item waiting on an earlier one", "MVP", "Beta", 0],
    ["two items of the same phase", "Pilot", "Pilot", 0],
    ["an item without a phase", null, "MVP", 0],
    ["a Pilot item waiting on a Roll-out item", "Roll-out", "Pilot", 1],
  ] as const)("%s", (_what, predecessorPhase, successorPhase, expected) => {
    const b = new ConflictBoard();
    b.item("Before", { start: "2027-02-01", ...(predecessorPhase ? { phase: predecessorPhase } : {}) });
    b.item("After", { start: "2027-03-01", phase: successorPhase });
    b.link("Before", "After");
    expect(b.conflicts("phase-order-violated")).toHaveLength(expected);
  });

  it("follows the phase order as drawn: reordering the phases changes the verdict", () => {
    const b = new ConflictBoard();
    b.item("Before", { start: "2027-02-01", phase: "Beta" });
    b.item("After", { start: "2027-03-01", phase: "Pilot" });
    b.link("Before", "After");
    expect(b.conflicts("phase-order-violated")).toHaveLength(1);
    unwrap(reorderPhase(b.doc, alice, b.phases.Beta, b.phases.Pilot));
    expect(b.conflicts("phase-order-violated")).toEqual([]);
  });
});
