import { describe, expect, it } from "vitest";
import { updateBoard } from "../../../../lib/model/boardCommands";
import { date } from "../../../../lib/model/dates";
import { setup } from "../../helpers/fixtures";
import { ConflictBoard } from "./helpers/conflictBoard";
import { formatDate } from "../../../../lib/format/dates";

/** A (Mon 2027-03-01, 5 days) finishes Friday 2027-03-05; B is pinned at `bStart`. */
function board(bStart: string, lag: number) {
  const b = new ConflictBoard();
  b.item("Build API", { start: "2027-03-01", duration: 5 });
  b.item("Test API", { start: bStart, duration: 2 });
  b.link("Build API", "Test API", lag);
  return b;
}

describe("dependency-violated: a pinned successor starts before its predecessor's finish + lag", () => {
  it.each([
    // lag, pinned start of the successor, earliest allowed start (null: no conflict)
    ["lag 0: starts the first working day after the finish (Monday after a Friday)", 0, "2027-03-03", "2027-03-08"],
    ["lag 0: starting on the predecessor's finish day is too early", 0, "2027-03-05", "2027-03-08"],
    ["lag 0: starting the first working day after the finish is fine", 0, "2027-03-08", null],
    ["lag 2: two working days between them", 2, "2027-03-09", "2027-03-10"],
    ["lag 2: exactly two working days between them is fine", 2, "2027-03-10", null],
    ["lead 1: may start on the predecessor's finish day", -1, "2027-03-05", null],
    ["lead 1: a day earlier is too early", -1, "2027-03-04", "2027-03-05"],
  ])("%s", (_what, lag, start, earliest) => {
    const b = board(start, lag);
    const found = b.conflicts("dependency-violated");
    if (earliest === null) {
      expect(found).toEqual([]);
      return;
    }
    const depId = b.id("Build API->Test API");
    expect(found).toEqual([
      {
        id: `dependency-violated:${depId}`,
        kind: "dependency-violated",
        severity: "error",
        objectIds: [b.id("Test API"), b.id("Build API"), depId],
        message: expect.stringContaining(`“Test API” is pinned to start ${formatDate(start)}, but it waits on “Build API”, which finishes Fri, Mar 5, 2027`),
        fix: { kind: "move-item", itemId: b.id("Test API"), start: earliest },
      },
    ]);
    expect(found[0]!.message).toContain(`Move “Test API” to start ${formatDate(earliest)} or later`);
  });

  it("never reports an unpinned successor: the scheduler places it after its predecessor", () => {
    const b = new ConflictBoard();
    b.item("Build API", { start: "2027-03-01", duration: 5 });
    b.item("Test API", { duration: 2 });
    b.link("Build API", "Test API");
    expect(b.conflicts("dependency-violated")).toEqual([]);
  });

  it("a holiday after the finish pushes the earliest allowed start past it", () => {
    const b = board("2027-03-05", 0);
    updateBoard(b.doc, setup, { holidays: [date("2027-03-08")] });
    expect(b.conflicts("dependency-violated")[0]?.fix).toEqual({ kind: "move-item", itemId: b.id("Test API"), start: "2027-03-09" });
  });

  it("a pin on a non-working day counts from the working day it is drawn on", () => {
    // Pinned on the holiday Monday, drawn from Tuesday: after the Friday finish, so no violation.
    const b = board("2027-03-08", 0);
    updateBoard(b.doc, setup, { holidays: [date("2027-03-08")] });
    expect(b.conflicts("dependency-violated")).toEqual([]);
  });

  it("the fix satisfies every link of the successor, not only the reported one", () => {
    const b = new ConflictBoard();
    b.item("Design", { start: "2027-03-01", duration: 5 });
    b.item("Legal review", { start: "2027-03-01", duration: 8 }); // finishes Wed 2027-03-10
    b.item("Launch", { start: "2027-03-02" });
    b.link("Design", "Launch");
    b.link("Legal review", "Launch");
    const found = b.conflicts("dependency-violated");
    expect(found.map((c) => c.id).sort()).toEqual([`dependency-violated:${b.id("Design->Launch")}`, `dependency-violated:${b.id("Legal review->Launch")}`].sort());
    for (const c of found) expect(c.fix).toEqual({ kind: "move-item", itemId: b.id("Launch"), start: "2027-03-11" });
  });

  it("links inside a cycle are left to dependency-cycle, not reported as violated", () => {
    const b = new ConflictBoard();
    b.item("A", { start: "2027-03-01", duration: 5 });
    b.item("B", { start: "2027-03-01", duration: 5 });
    b.link("A", "B");
    b.rawLink("B", "A");
    const kinds = b.conflicts().map((c) => c.kind);
    expect(kinds).toContain("dependency-cycle");
    expect(kinds).not.toContain("dependency-violated");
  });

  it("names an untitled item 'Untitled item'", () => {
    const b = board("2027-03-03", 0);
    b.raw("items", "Build API", "title", "");
    expect(b.conflicts("dependency-violated")[0]?.message).toContain("waits on “Untitled item”");
  });
});
