import { describe, expect, it } from "vitest";
import { computeSchedule } from "../../../lib/derive/schedule";
import type { Schedule, ScheduledItem } from "../../../lib/derive/types";
import { board, d, type BoardBuilder } from "./boardBuilder";

/**
 * One table per scheduling rule of issue 3, named after the rule. Dates are in January 2027 on
 * a Monday-to-Friday calendar: Mon 4, Tue 5, Wed 6, Thu 7, Fri 8, (Sat 9, Sun 10), Mon 11 …
 */
const at = (schedule: Schedule, id: string): ScheduledItem => {
  const entry = schedule.items.find((i) => i.itemId === id);
  if (!entry) throw new Error(`${id} is not scheduled`);
  return entry;
};
const span = (b: BoardBuilder, id: string) => {
  const e = at(computeSchedule(b.snapshot()), id);
  return [e.start, e.finish];
};

describe("durations count working days and the finish is the last working day (inclusive)", () => {
  it.each([
    ["a 1-day item starts and finishes the same day", "2027-01-06", 1, ["2027-01-06", "2027-01-06"]],
    ["a 5-day item from Monday finishes on Friday", "2027-01-04", 5, ["2027-01-04", "2027-01-08"]],
    ["a 3-day item from Thursday skips the weekend", "2027-01-07", 3, ["2027-01-07", "2027-01-11"]],
  ])("%s", (_rule, start, duration, expected) => {
    expect(span(board().item("A", { start, duration }), "A")).toEqual(expected);
  });
});

describe("pinned items stay where the user put them", () => {
  it.each([
    ["a pinned item keeps its start even when a predecessor finishes later", "2027-01-05", ["2027-01-05", "2027-01-05"]],
    ["a pinned start on a Saturday is drawn from the next working day", "2027-01-09", ["2027-01-11", "2027-01-11"]],
    ["a pinned start before the board's start stays before it", "2026-12-01", ["2026-12-01", "2026-12-01"]],
  ])("%s", (_rule, start, expected) => {
    const b = board().item("P", { start: "2027-01-04", duration: 5 }).item("A", { start }).link("P", "A");
    expect(span(b, "A")).toEqual(expected);
    expect(at(computeSchedule(b.snapshot()), "A").pinned).toBe(true);
  });

  it("a pinned start on a holiday is drawn from the next working day", () => {
    const b = board().board({ holidays: [d("2027-01-06")] }).item("A", { start: "2027-01-06", duration: 2 });
    expect(span(b, "A")).toEqual(["2027-01-07", "2027-01-08"]);
  });
});

describe("unpinned items follow their finish-to-start links", () => {
  // P is pinned Monday 4 to Wednesday 6.
  const withLink = (lag: number, duration = 1) =>
    board().item("P", { start: "2027-01-04", duration: 3 }).item("S", { duration }).link("P", "S", lag);
  it.each([
    ["lag 0: the successor starts on the first working day after the predecessor's finish", 0, ["2027-01-07", "2027-01-07"]],
    ["lag 1 leaves one working day between them", 1, ["2027-01-08", "2027-01-08"]],
    ["lag 2 leaves two working days between them, skipping the weekend", 2, ["2027-01-11", "2027-01-11"]],
    ["lag -1 overlaps them by a day", -1, ["2027-01-06", "2027-01-06"]],
    ["lag -3 overlaps them by three days", -3, ["2027-01-04", "2027-01-04"]],
  ])("%s", (_rule, lag, expected) => {
    expect(span(withLink(lag), "S")).toEqual(expected);
    expect(at(computeSchedule(withLink(lag).snapshot()), "S").pinned).toBe(false);
  });

  it("holidays between predecessor and successor are skipped", () => {
    const b = withLink(0, 2).board({ holidays: [d("2027-01-07")] });
    expect(span(b, "S")).toEqual(["2027-01-08", "2027-01-11"]);
  });

  it("with several predecessors, the latest constraint wins", () => {
    const b = board()
      .item("A", { start: "2027-01-04", duration: 2 })
      .item("B", { start: "2027-01-04", duration: 1 })
      .item("S", { duration: 1 })
      .link("A", "S")
      .link("B", "S", 3);
    // A allows Wed 6; B (finish Mon 4, lag 3) allows Fri 8.
    expect(span(b, "S")).toEqual(["2027-01-08", "2027-01-08"]);
  });

  it("an unpinned item is never placed before the board's start (first working day on or after it)", () => {
    const b = board()
      .board({ horizonStart: d("2027-01-09") })
      .item("P", { start: "2027-01-04", duration: 1 })
      .item("S", { duration: 2 })
      .link("P", "S");
    expect(span(b, "S")).toEqual(["2027-01-11", "2027-01-12"]);
  });

  it("chains of unpinned items follow one another", () => {
    const b = board().item("A", { start: "2027-01-04", duration: 2 }).item("B", { duration: 3 }).item("C", { duration: 1 }).chain("A", "B", "C");
    const s = computeSchedule(b.snapshot());
    expect([at(s, "B").start, at(s, "B").finish, at(s, "C").start]).toEqual(["2027-01-06", "2027-01-08", "2027-01-11"]);
  });
});

describe("unscheduled items: no start and no scheduled predecessor", () => {
  it("an unpinned item without predecessors is listed as unscheduled, not placed", () => {
    const s = computeSchedule(board().item("A").item("B", { start: "2027-01-04" }).snapshot());
    expect(s.unscheduled).toEqual(["A"]);
    expect(s.items.map((i) => i.itemId)).toEqual(["B"]);
  });

  it("an unpinned item whose only predecessors are unscheduled is unscheduled too", () => {
    const s = computeSchedule(board().item("A").item("B").item("C").chain("A", "B", "C").snapshot());
    expect(s.unscheduled).toEqual(["A", "B", "C"]);
    expect(s.items).toEqual([]);
    expect(s.boardFinish).toBeNull();
    expect(s.criticalPaths).toEqual([]);
  });
});

describe("odd documents are scheduled anyway", () => {
  it("a link whose predecessor or successor is missing is ignored", () => {
    const b = board().item("S", { start: "2027-01-05" }).item("U").link("ghost", "S", 5).link("ghost", "U").link("S", "ghost");
    const s = computeSchedule(b.snapshot());
    expect(at(s, "S").start).toBe("2027-01-05");
    expect(s.unscheduled).toEqual(["U"]);
  });

  it.each([
    ["a duration of 0 is scheduled as 1 day", 0],
    ["a negative duration is scheduled as 1 day", -4],
  ])("%s", (_rule, duration) => {
    const b = board().item("A", { start: "2027-01-04", duration }).item("S").link("A", "S");
    expect(span(b, "A")).toEqual(["2027-01-04", "2027-01-04"]);
    expect(span(b, "S")).toEqual(["2027-01-05", "2027-01-05"]);
  });

  it("an absurd duration or lag is capped at the last supported date (docs/dates.md)", () => {
    const b = board().item("A", { start: "2027-01-04", duration: 1e9 }).item("S").link("A", "S", 1e9);
    const s = computeSchedule(b.snapshot());
    expect(at(s, "S").finish).toBe("2199-12-31");
    expect(s.boardFinish).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("cycles: links inside a cycle are ignored for scheduling and the cycle is reported", () => {
  it("reports a three-item cycle in cycle order with its links, and still schedules what it can", () => {
    const b = board()
      .item("P", { start: "2027-01-04", duration: 1 })
      .item("X", { duration: 1 })
      .item("Y", { duration: 1 })
      .item("Z", { duration: 1 })
      .link("P", "Y")
      .chain("X", "Z", "Y", "X")
      .item("After", { duration: 1 })
      .link("Y", "After");
    const s = computeSchedule(b.snapshot());
    expect(s.cycles).toEqual([{ itemIds: ["X", "Z", "Y"], dependencyIds: ["d-X-Z", "d-Y-X", "d-Z-Y"] }]);
    // P → Y is outside the cycle, so Y is scheduled; X and Z only have links inside it.
    expect(at(s, "Y").start).toBe("2027-01-05");
    expect(at(s, "After").start).toBe("2027-01-06");
    expect(s.unscheduled).toEqual(["X", "Z"]);
  });

  it("reports a self-link as a cycle of one item", () => {
    const s = computeSchedule(board().item("A", { start: "2027-01-04" }).link("A", "A", 0, "self").snapshot());
    expect(s.cycles).toEqual([{ itemIds: ["A"], dependencyIds: ["self"] }]);
    expect(at(s, "A").start).toBe("2027-01-04");
  });

  it("reports separate cycles separately, ordered by their first item id", () => {
    const b = board().item("C").item("D").item("A").item("B").chain("C", "D", "C").chain("B", "A", "B");
    expect(computeSchedule(b.snapshot()).cycles.map((c) => c.itemIds)).toEqual([["A", "B"], ["C", "D"]]);
  });

  it("schedules a 10,000-item chain without overflowing the stack (iterative, no recursion)", () => {
    const b = board().item("i00000", { start: "2027-01-04" });
    const ids = Array.from({ length: 10_000 }, (_, k) => `i${String(k).padStart(5, "0")}`);
    for (const id of ids.slice(1)) b.item(id);
    b.chain(...ids).link(ids.at(-1)!, ids[0]!, 0, "closing"); // and one long cycle through it all
    const s = computeSchedule(b.snapshot());
    expect(s.cycles).toHaveLength(1);
    expect(s.cycles[0]!.itemIds).toEqual(ids);
    const open = b.snapshot();
    open.dependencies = open.dependencies.filter((dep) => dep.id !== "closing");
    const chain = computeSchedule(open);
    expect(chain.items).toHaveLength(10_000);
    expect(chain.criticalPaths[0]!.itemIds).toEqual(ids);
  });
});
