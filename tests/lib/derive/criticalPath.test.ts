import { describe, expect, it } from "vitest";
import { computeSchedule } from "../../../lib/derive/schedule";
import type { Schedule, ScheduledItem } from "../../../lib/derive/types";
import { board, d } from "./boardBuilder";

/**
 * The critical path method's rules, one table each. January 2027, Monday to Friday:
 * Mon 4, Tue 5, Wed 6, Thu 7, Fri 8, Mon 11, Tue 12, Wed 13, Thu 14, Fri 15.
 */
const at = (s: Schedule, id: string): ScheduledItem => s.items.find((i) => i.itemId === id)!;
const late = (s: Schedule, id: string) => [at(s, id).lateStart, at(s, id).lateFinish, at(s, id).totalSlack];

describe("the latest finish of an item is the earliest of the limits that bind it", () => {
  it("the board's end (the latest early finish of all scheduled items) when nothing else binds", () => {
    const s = computeSchedule(board().item("Long", { start: "2027-01-04", duration: 5 }).item("Short", { start: "2027-01-04", duration: 2 }).snapshot());
    expect(s.boardFinish).toBe("2027-01-08");
    expect(late(s, "Short")).toEqual(["2027-01-07", "2027-01-08", 3]);
    expect(late(s, "Long")).toEqual(["2027-01-04", "2027-01-08", 0]);
  });

  it("the date of the deadline milestone the item is tied to", () => {
    const b = board().milestone("M", "2027-01-06").item("A", { start: "2027-01-04", duration: 1, deadline: "M" }).item("End", { start: "2027-01-04", duration: 10 });
    expect(late(computeSchedule(b.snapshot()), "A")).toEqual(["2027-01-06", "2027-01-06", 2]);
  });

  it("a deadline on a weekend binds the last working day before it", () => {
    const b = board().milestone("M", "2027-01-10").item("A", { start: "2027-01-04", duration: 1, deadline: "M" }).item("End", { start: "2027-01-04", duration: 10 });
    expect(late(computeSchedule(b.snapshot()), "A")).toEqual(["2027-01-08", "2027-01-08", 4]);
  });

  it("the release milestone of the item's phase", () => {
    const b = board().milestone("R", "2027-01-07").phase("MVP", "R").item("A", { start: "2027-01-04", duration: 2, phase: "MVP" }).item("End", { start: "2027-01-04", duration: 10 });
    expect(late(computeSchedule(b.snapshot()), "A")).toEqual(["2027-01-06", "2027-01-07", 2]);
  });

  it("with both its own deadline and its phase's release, the earlier one", () => {
    const b = board()
      .milestone("Early", "2027-01-05")
      .milestone("Late", "2027-01-08")
      .phase("MVP", "Late")
      .item("A", { start: "2027-01-04", duration: 1, phase: "MVP", deadline: "Early" })
      .item("B", { start: "2027-01-04", duration: 1, phase: "MVP" })
      .item("End", { start: "2027-01-04", duration: 10 });
    const s = computeSchedule(b.snapshot());
    expect(late(s, "A")).toEqual(["2027-01-05", "2027-01-05", 1]);
    expect(late(s, "B")).toEqual(["2027-01-08", "2027-01-08", 4]);
  });

  it("each successor's late start minus the link's lag", () => {
    const b = board().item("A", { start: "2027-01-04", duration: 1 }).item("B", { duration: 2 }).link("A", "B", 2).item("End", { start: "2027-01-04", duration: 10 });
    const s = computeSchedule(b.snapshot());
    // B may finish Fri 15, so start Thu 14; two working days (Tue 12, Wed 13) must separate
    // it from A's finish, so A may finish Mon 11 at the latest.
    expect(late(s, "B")).toEqual(["2027-01-14", "2027-01-15", 5]);
    expect(late(s, "A")).toEqual(["2027-01-11", "2027-01-11", 5]);
  });

  it("deadlines propagate backwards through links to items not tied to them", () => {
    const b = board().milestone("M", "2027-01-08").item("A", { start: "2027-01-04", duration: 2 }).item("B", { duration: 2, deadline: "M" }).link("A", "B").item("End", { start: "2027-01-04", duration: 10 });
    expect(late(computeSchedule(b.snapshot()), "A")).toEqual(["2027-01-05", "2027-01-06", 1]);
  });

  it("a deadline on a missing milestone binds nothing", () => {
    const b = board().item("A", { start: "2027-01-04", duration: 1, deadline: "gone" }).item("End", { start: "2027-01-04", duration: 5 });
    expect(late(computeSchedule(b.snapshot()), "A")).toEqual(["2027-01-08", "2027-01-08", 4]);
  });
});

describe("total slack and criticality", () => {
  it("slack is negative when a deadline cannot be met, and is reported, not clamped", () => {
    const b = board().milestone("M", "2027-01-05").item("A", { start: "2027-01-04", duration: 2 }).item("B", { duration: 3, deadline: "M" }).link("A", "B");
    const s = computeSchedule(b.snapshot());
    // B runs Wed 6 to Fri 8 at the earliest but must finish Tue 5: 3 working days late. To make
    // it, B would start Fri 1 (Jan), and A (2 days) on Wed 30 Dec, 3 working days before Mon 4.
    expect(at(s, "B")).toMatchObject({ earlyFinish: "2027-01-08", lateStart: "2027-01-01", lateFinish: "2027-01-05", totalSlack: -3, critical: true });
    expect(at(s, "A")).toMatchObject({ lateStart: "2026-12-30", lateFinish: "2026-12-31", totalSlack: -3, critical: true });
  });

  it.each([
    ["an item with zero slack is critical", 5, 0, true],
    ["an item with negative slack is critical", 5, -2, true],
    ["an item with positive slack is not critical", 3, 2, false],
  ])("%s", (_rule, duration, slack, critical) => {
    const b = board().milestone("M", "2027-01-06").item("A", { start: "2027-01-04", duration, deadline: slack < 0 ? "M" : null }).item("End", { start: "2027-01-04", duration: 5 });
    expect(at(computeSchedule(b.snapshot()), "A")).toMatchObject({ totalSlack: slack, critical });
  });

  it("a pinned item placed later than its dependencies need has slack counted from where it is", () => {
    const b = board().item("A", { start: "2027-01-04", duration: 1 }).item("B", { start: "2027-01-06", duration: 1 }).link("A", "B").item("End", { start: "2027-01-04", duration: 5 });
    expect(at(computeSchedule(b.snapshot()), "B")).toMatchObject({ earlyStart: "2027-01-06", lateStart: "2027-01-08", totalSlack: 2 });
  });
});

describe("critical paths: the driving chain back from the item that reaches the target latest", () => {
  const diamond = () =>
    board()
      .item("Start", { start: "2027-01-04", duration: 1 })
      .item("Fast", { duration: 1 })
      .item("Slow", { duration: 3 })
      .item("Join", { duration: 1 })
      .link("Start", "Fast")
      .link("Start", "Slow")
      .link("Fast", "Join")
      .link("Slow", "Join")
      .item("Aside", { start: "2027-01-04", duration: 2 });

  // Start Mon 4; Fast Tue 5; Slow Tue 5 to Thu 7; Join Fri 8 (after Slow); Aside Mon 4 to Tue 5.
  it("to the board's end, through the predecessor that sets each early start", () => {
    const s = computeSchedule(diamond().snapshot());
    expect(s.criticalPaths).toEqual([{ target: { kind: "board-end" }, itemIds: ["Start", "Slow", "Join"], date: "2027-01-08", slack: 0 }]);
  });

  it("ties between items reaching the target are broken by id", () => {
    const b = board().item("B", { start: "2027-01-04", duration: 3 }).item("A", { start: "2027-01-05", duration: 2 });
    expect(computeSchedule(b.snapshot()).criticalPaths[0]!.itemIds).toEqual(["A"]);
  });

  it("ties between driving predecessors are broken by id", () => {
    const b = board().item("Z", { start: "2027-01-04", duration: 2 }).item("Y", { start: "2027-01-04", duration: 2 }).item("S", { duration: 1 }).link("Z", "S").link("Y", "S");
    expect(computeSchedule(b.snapshot()).criticalPaths[0]!.itemIds).toEqual(["Y", "S"]);
  });

  it("the chain stops at an item held back by the board's start or pinned later than its links need", () => {
    const b = board()
      .board({ horizonStart: d("2027-01-06") })
      .item("Before", { start: "2027-01-04", duration: 1 })
      .item("Held", { duration: 1 })
      .item("Pinned", { start: "2027-01-11", duration: 1 })
      .chain("Before", "Held", "Pinned");
    expect(computeSchedule(b.snapshot()).criticalPaths[0]!.itemIds).toEqual(["Pinned"]);
    const unpinnedEnd = board().board({ horizonStart: d("2027-01-06") }).item("Before", { start: "2027-01-04" }).item("Held").item("After").chain("Before", "Held", "After");
    expect(computeSchedule(unpinnedEnd.snapshot()).criticalPaths[0]!.itemIds).toEqual(["Held", "After"]);
  });

  it("one path per deadline milestone that items or phases are tied to, after the board's end, by date then id", () => {
    const b = diamond()
      .milestone("Release", "2027-01-06")
      .milestone("Gate", "2027-01-05")
      .milestone("Unused", "2027-01-07")
      .phase("MVP", "Release")
      .item("Ready", { duration: 1, phase: "MVP" })
      .link("Fast", "Ready")
      .item("Check", { start: "2027-01-05", duration: 1, deadline: "Gate" });
    const s = computeSchedule(b.snapshot());
    expect(s.criticalPaths).toEqual([
      { target: { kind: "board-end" }, itemIds: ["Start", "Slow", "Join"], date: "2027-01-08", slack: 0 },
      { target: { kind: "milestone", milestoneId: "Gate" }, itemIds: ["Check"], date: "2027-01-05", slack: 0 },
      { target: { kind: "milestone", milestoneId: "Release" }, itemIds: ["Start", "Fast", "Ready"], date: "2027-01-06", slack: 0 },
    ]);
  });

  it("a path's slack is the smallest slack along it: negative when its deadline cannot be met", () => {
    const b = board().milestone("M", "2027-01-05").item("A", { start: "2027-01-04", duration: 2 }).item("B", { duration: 3, deadline: "M" }).link("A", "B");
    const paths = computeSchedule(b.snapshot()).criticalPaths;
    expect(paths[1]).toEqual({ target: { kind: "milestone", milestoneId: "M" }, itemIds: ["A", "B"], date: "2027-01-05", slack: -3 });
  });
});
