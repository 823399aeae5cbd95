import { describe, expect, it } from "vitest";
import { computeSchedule } from "../../../../lib/derive/schedule";
import { dependencyRequestConflicts, joinConflicts } from "../../../../lib/derive/conflicts/dependencyRequests";
import { updateItem } from "../../../../lib/model/itemCommands";
import type { ItemId } from "../../../../lib/model/ids";
import { readSnapshot } from "../../../../lib/model/snapshot";
import type { DependencyRequestFacts } from "../../../../lib/protocol/dependencyRequests";
import { alice, unwrap } from "../../helpers/docs";
import { ConflictBoard } from "./helpers/conflictBoard";

/** Team A's "Checkout" needs team B's "Payments API" by Fri, Mar 5, 2027. */
function board() {
  const b = new ConflictBoard();
  b.item("Payments API", { start: "2027-02-22", duration: 5 }); // finishes Fri, Feb 26
  b.item("Checkout", { start: "2027-03-08", duration: 5 });
  return b;
}

function request(b: ConflictBoard, facts: Partial<DependencyRequestFacts>): DependencyRequestFacts {
  return {
    id: "dr-1",
    fromItemId: b.id("Payments API"),
    toItemId: b.id("Checkout"),
    neededBy: "2027-03-05",
    state: "requested",
    committedFinish: null,
    counterDate: null,
    dependencyId: null,
    ...facts,
  };
}

function conflictsOf(b: ConflictBoard, requests: DependencyRequestFacts[]) {
  const snapshot = readSnapshot(b.doc);
  return dependencyRequestConflicts(requests, snapshot, computeSchedule(snapshot));
}

describe("dependency request conflicts", () => {
  it("an open request, or a commitment in time, raises nothing", () => {
    const b = board();
    expect(conflictsOf(b, [request(b, {})])).toEqual([]);
    expect(conflictsOf(b, [request(b, { state: "committed", committedFinish: "2027-03-05", dependencyId: "d-1" })])).toEqual([]);
    expect(conflictsOf(b, [])).toEqual([]);
  });

  it("commitment-late: a committed finish after the date needed", () => {
    const b = board();
    expect(conflictsOf(b, [request(b, { state: "committed", committedFinish: "2027-03-10", dependencyId: "d-1" })])).toEqual([
      {
        id: "commitment-late:dr-1",
        kind: "commitment-late",
        severity: "warning",
        objectIds: [b.id("Payments API"), b.id("Checkout"), "d-1"],
        message:
          "Commitment late: “Payments API” is committed for Wed, Mar 10, 2027, 3 working days after “Checkout” needs it (Fri, Mar 5, 2027). " +
          "Ask its team for an earlier date, or plan “Checkout” later.",
        fix: null,
      },
    ]);
  });

  it("commitment-late: a counter-offer after the date needed, worded as an offer", () => {
    const b = board();
    const [late] = conflictsOf(b, [request(b, { state: "countered", counterDate: "2027-03-08" })]);
    expect(late?.kind).toBe("commitment-late");
    expect(late?.message).toBe(
      "Counter-offer late: “Payments API” is offered for Mon, Mar 8, 2027, 1 working day after “Checkout” needs it (Fri, Mar 5, 2027). " +
        "Accept it and plan “Checkout” later, or withdraw the request.",
    );
    // Declined and withdrawn requests promise nothing.
    expect(conflictsOf(b, [request(b, { state: "declined", counterDate: "2027-03-08" }), request(b, { id: "dr-2", state: "withdrawn", committedFinish: "2027-04-01" })])).toEqual([]);
  });

  it("commitment-slipped: the committed predecessor is now scheduled past the date needed", () => {
    const b = board();
    const committed = request(b, { state: "committed", committedFinish: "2027-03-01", dependencyId: "d-1" });
    expect(conflictsOf(b, [committed])).toEqual([]);
    unwrap(updateItem(b.doc, alice, b.id("Payments API") as ItemId, { start: "2027-03-08" })); // now finishes Fri, Mar 12
    expect(conflictsOf(b, [committed])).toEqual([
      {
        id: "commitment-slipped:dr-1",
        kind: "commitment-slipped",
        severity: "error",
        objectIds: [b.id("Payments API"), b.id("Checkout"), "d-1"],
        message:
          "Commitment slipped: “Payments API” was committed for Mon, Mar 1, 2027 but is now scheduled to finish on Fri, Mar 12, 2027, " +
          "5 working days after “Checkout” needs it (Fri, Mar 5, 2027). Bring it back before that date, or agree a new one with the team that needs it.",
        fix: null,
      },
    ]);
    // An open request is not a promise yet: it cannot slip.
    expect(conflictsOf(b, [{ ...committed, state: "requested" }])).toEqual([]);
    // Delivered work does not slip.
    unwrap(updateItem(b.doc, alice, b.id("Payments API") as ItemId, { status: "done" }));
    expect(conflictsOf(b, [committed])).toEqual([]);
  });

  it("a request whose item is gone raises nothing; the result is sorted whatever the input order", () => {
    const b = board();
    const gone = request(b, { id: "dr-0", fromItemId: "i-gone", state: "committed", committedFinish: "2027-04-01" });
    unwrap(updateItem(b.doc, alice, b.id("Payments API") as ItemId, { start: "2027-03-08" }));
    const slipped = request(b, { id: "dr-2", state: "committed", committedFinish: "2027-03-12" });
    const late = request(b, { id: "dr-1", state: "countered", counterDate: "2027-03-09" });
    const one = conflictsOf(b, [gone, late, slipped]);
    expect(one.map((c) => c.id)).toEqual(["commitment-slipped:dr-2", "commitment-late:dr-1", "commitment-late:dr-2"]);
    expect(conflictsOf(b, [slipped, late, gone])).toEqual(one);
  });

  it("joinConflicts puts them in the board's order, and keeps the board's list when there are none", () => {
    const b = board();
    b.milestone("Beta", "2027-02-24");
    b.item("Late work", { start: "2027-02-22", duration: 5, deadline: "Beta" });
    const derived = b.derive();
    expect(joinConflicts(derived.conflicts, [])).toBe(derived.conflicts);
    const late = conflictsOf(b, [request(b, { state: "committed", committedFinish: "2027-03-10" })]);
    const joined = joinConflicts(derived.conflicts, late);
    expect(joined.map((c) => c.kind)).toEqual(["deadline-missed", "commitment-late"]);
  });
});
