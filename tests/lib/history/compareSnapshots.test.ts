import { describe, expect, it } from "vitest";
import { compareSnapshots } from "../../../lib/history/compareSnapshots";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { board, type BoardBuilder } from "../derive/boardBuilder";

/**
 * Table tests named after what the comparison promises (docs/history.md, "Compare"). Boards are
 * written with the derive tests' builder: 2027-01-04 is a Monday, weekends are off.
 */
function base(): BoardBuilder {
  return board()
    .lane("Dev")
    .lane("QA")
    .phase("MVP", "Go")
    .phase("Beta")
    .milestone("Go", "2027-01-29", "release")
    .milestone("Due", "2027-01-22", "deadline")
    .item("A", { start: "2027-01-04", duration: 5, lane: "Dev", phase: "MVP", owners: ["Ana"] })
    .item("B", { duration: 3, lane: "Dev", phase: "MVP" })
    .item("C", { start: "2027-01-11", duration: 2, lane: "QA" })
    .link("A", "B");
}

const edit = (s: BoardSnapshot, id: string, patch: Record<string, unknown>): BoardSnapshot => ({
  ...s,
  items: s.items.map((i) => (i.id === id ? { ...i, ...patch } : i)),
});

describe("compareSnapshots: what counts as a change", () => {
  const before = base().snapshot();

  it("a board compared with itself reports no change, and still gives its finish and releases", () => {
    const c = compareSnapshots(before, before);
    expect(c.items).toEqual([]);
    expect(c.boardFinish).toEqual({ before: "2027-01-13", after: "2027-01-13", shift: 0 });
    expect(c.releases).toEqual([
      { milestoneId: "Go", title: "Go", before: "2027-01-29", after: "2027-01-29", shift: 0, phaseFinish: { before: "2027-01-13", after: "2027-01-13", shift: 0 } },
    ]);
  });

  it("a moved item reports its start and finish shift in working days, and a follower moves with it", () => {
    // A moves from Monday 4 to Friday 8 January: 4 working days later. B follows A.
    const c = compareSnapshots(before, edit(before, "A", { start: "2027-01-08" }));
    expect(c.items.map((e) => [e.itemId, e.fields.schedule?.startShift, e.fields.schedule?.finishShift])).toEqual([
      ["A", 4, 4],
      ["B", 4, 4],
    ]);
    expect(c.items[0]!.fields.schedule!.start).toEqual({ before: "2027-01-04", after: "2027-01-08" });
    expect(c.items[0]!.fields.schedule!.finish).toEqual({ before: "2027-01-08", after: "2027-01-14" });
    expect(c.boardFinish).toEqual({ before: "2027-01-13", after: "2027-01-19", shift: 4 });
  });

  it("shifts skip weekends and holidays: Friday to Monday is one working day", () => {
    const b = base().item("D", { start: "2027-01-08" }).snapshot();
    const moved = { ...edit(b, "D", { start: "2027-01-12" }), board: { ...b.board, holidays: ["2027-01-11" as never] } };
    expect(compareSnapshots(b, moved).items.find((e) => e.itemId === "D")!.fields.schedule!.startShift).toBe(1);
  });

  it("a lengthened item reports the duration change and its later finish, not a new start", () => {
    const c = compareSnapshots(before, edit(before, "C", { duration: 5 }));
    const entry = c.items.find((e) => e.itemId === "C")!;
    expect(entry.fields.duration).toEqual({ before: 2, after: 5, delta: 3 });
    expect(entry.fields.schedule).toMatchObject({ startShift: 0, finishShift: 3 });
  });

  it("a shortened item reports a negative delta", () => {
    expect(compareSnapshots(before, edit(before, "A", { duration: 2 })).items[0]!.fields.duration).toEqual({ before: 5, after: 2, delta: -3 });
  });

  it.each([
    ["renamed", { title: "A2" }, "title", { before: "A", after: "A2" }],
    ["moved to another lane", { laneId: "QA" }, "lane", { before: "Dev", after: "QA" }],
    ["moved to another phase", { phaseId: "Beta" }, "phase", { before: "MVP", after: "Beta" }],
    ["status changed", { status: "at_risk" }, "status", { before: "planned", after: "at_risk" }],
    ["priority changed", { priority: "must" }, "priority", { before: "should", after: "must" }],
    ["deadline changed", { deadlineMilestoneId: "Due" }, "deadline", { before: null, after: "Due" }],
    ["owners changed", { owners: ["Ben", "Ana", "Cy"] }, "owners", { added: ["Ben", "Cy"], removed: [] }],
    ["an owner removed", { owners: [] }, "owners", { added: [], removed: ["Ana"] }],
  ])("an item %s reports that field alone", (_name, patch, field, change) => {
    const c = compareSnapshots(before, edit(before, "A", patch));
    expect(c.items).toHaveLength(1);
    expect(c.items[0]!.fields).toEqual({ [field]: change });
    expect(c.items[0]!.change).toBe("changed");
  });

  it("owners in a new order are no change", () => {
    const two = edit(before, "A", { owners: ["Ana", "Ben"] });
    expect(compareSnapshots(two, edit(two, "A", { owners: ["Ben", "Ana"] })).items).toEqual([]);
  });

  it("one entry per item with all its changes together", () => {
    const c = compareSnapshots(before, edit(before, "A", { title: "API", laneId: "QA", start: "2027-01-05", priority: "must" }));
    const a = c.items.find((e) => e.itemId === "A")!;
    expect(Object.keys(a.fields).sort()).toEqual(["lane", "priority", "schedule", "title"]);
    expect(a.title).toBe("API");
    expect(a.lane).toBe("QA");
  });

  it("added and removed items carry their lane (the removed one's lane before) and their dates", () => {
    const after = { ...base().item("E", { start: "2027-01-06", lane: "QA" }).snapshot() };
    after.items = after.items.filter((i) => i.id !== "C");
    const c = compareSnapshots(before, after);
    expect(c.items.map((e) => [e.itemId, e.change, e.lane, e.before, e.after])).toEqual([
      ["C", "removed", "QA", { start: "2027-01-11", finish: "2027-01-12" }, null],
      ["E", "added", "QA", null, { start: "2027-01-06", finish: "2027-01-06" }],
    ]);
  });

  it("an item that loses its only scheduled predecessor reports its dates on one side and no shift", () => {
    const after = { ...before, dependencies: [] };
    const b = compareSnapshots(before, after).items.find((e) => e.itemId === "B")!;
    expect(b.fields.schedule).toEqual({ start: { before: "2027-01-11", after: null }, finish: { before: "2027-01-13", after: null }, startShift: null, finishShift: null });
  });
});

describe("compareSnapshots: milestones, lanes, phases, the finish and releases", () => {
  const before = base().snapshot();

  it("milestones moved (in working days), renamed, re-kinded, added and removed", () => {
    const after = board()
      .lane("Dev").lane("QA").phase("MVP", "Go").phase("Beta")
      .milestone("Go", "2027-02-05", "release")
      .milestone("Due", "2027-01-22", "go_live")
      .milestone("New", "2027-03-01", "pilot_start")
      .snapshot();
    after.items = before.items;
    after.dependencies = before.dependencies;
    after.milestones = after.milestones.map((m) => (m.id === "Go" ? { ...m, title: "Go live" } : m));
    const c = compareSnapshots(before, after);
    expect(c.milestones.map((m) => [m.milestoneId, m.change, m.fields])).toEqual([
      ["Due", "changed", { kind: { before: "deadline", after: "go_live" } }],
      ["Go", "changed", { date: { before: "2027-01-29", after: "2027-02-05", shift: 5 }, title: { before: "Go", after: "Go live" } }],
      ["New", "added", {}],
    ]);
    expect(c.releases[0]).toMatchObject({ milestoneId: "Go", title: "Go live", before: "2027-01-29", after: "2027-02-05", shift: 5 });
    const gone = compareSnapshots(after, before).milestones.find((m) => m.milestoneId === "New")!;
    expect(gone).toMatchObject({ change: "removed", date: { before: "2027-03-01", after: null } });
  });

  it("a milestone moved from a Saturday to a Sunday has a new date and loses no working day", () => {
    const sat = board().milestone("M", "2027-01-09").snapshot();
    const sun = board().milestone("M", "2027-01-10").snapshot();
    expect(compareSnapshots(sat, sun).milestones[0]!.fields.date).toEqual({ before: "2027-01-09", after: "2027-01-10", shift: 0 });
  });

  it("lanes and phases added, removed and renamed; a lane's colour or order is no change", () => {
    const after = { ...before };
    after.lanes = [{ ...before.lanes[0]!, name: "Engineering", color: "#000000", order: 9 }, { ...before.lanes[1]!, color: "#ffffff" }, { id: "Ops" as never, name: "Ops", color: "#123456", order: 3, capacity: 0 }];
    after.phases = [before.phases[0]!];
    const c = compareSnapshots(before, after);
    expect(c.lanes).toEqual([
      { id: "Dev", change: "renamed", name: { before: "Dev", after: "Engineering" } },
      { id: "Ops", change: "added", name: { before: null, after: "Ops" } },
    ]);
    expect(c.phases).toEqual([{ id: "Beta", change: "removed", name: { before: "Beta", after: null } }]);
  });

  it("a release's phase end moves with the phase's work", () => {
    const c = compareSnapshots(before, edit(before, "B", { duration: 6 }));
    expect(c.releases[0]!.phaseFinish).toEqual({ before: "2027-01-13", after: "2027-01-18", shift: 3 });
    expect(c.boardFinish.shift).toBe(3);
  });

  it("shifts count in the newer board's calendar", () => {
    // A six-day week after: Saturday 9 January is worked, so Friday 8 to Monday 11 is two days.
    const a = base().item("D", { start: "2027-01-08" }).snapshot();
    const b = { ...edit(a, "D", { start: "2027-01-11" }), board: { ...a.board, workingDays: [1, 2, 3, 4, 5, 6] } };
    expect(compareSnapshots(a, b).items.find((e) => e.itemId === "D")!.fields.schedule!.startShift).toBe(2);
  });
});
