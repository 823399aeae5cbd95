import { describe, expect, it } from "vitest";
import { updateBoard } from "../../../../lib/model/boardCommands";
import { boardMap } from "../../../../lib/model/docLayout";
import { setup } from "../../helpers/fixtures";
import { ConflictBoard } from "./helpers/conflictBoard";

// The template's horizon: Monday 2027-01-04 to Friday 2027-12-31.
describe("outside-horizon: a scheduled item starts before or finishes after the board's horizon", () => {
  it("entirely before the horizon: a warning, fix moves it to the horizon's first working day", () => {
    const b = new ConflictBoard();
    const item = b.item("Discovery", { start: "2026-12-28", duration: 3 });
    expect(b.conflicts("outside-horizon")).toEqual([
      {
        id: `outside-horizon:${item}`,
        kind: "outside-horizon",
        severity: "warning",
        objectIds: [item],
        message:
          "“Discovery” (Mon, Dec 28 to Wed, Dec 30, 2026) lies entirely before the board's horizon (Mon, Jan 4 to Fri, Dec 31, 2027), so it is not on the timeline. " +
          "Move it to start Mon, Jan 4, 2027, or extend the horizon.",
        fix: { kind: "move-item", itemId: item, start: "2027-01-04" },
      },
    ]);
  });

  it.each([
    ["sticking out of the start: a note, moved to the first working day", "2026-12-30", 5, "info", "starts on Wed, Dec 30, 2026, before the board's horizon starts on Mon, Jan 4, 2027", "2027-01-04"],
    ["sticking out of the end: a note, moved to finish on the last working day", "2027-12-27", 10, "info", "finishes on Fri, Jan 7, 2028, after the board's horizon ends on Fri, Dec 31, 2027", "2027-12-20"],
    ["entirely after: a warning, moved to finish on the last working day", "2028-02-01", 3, "warning", "lies entirely after the board's horizon", "2027-12-29"],
  ])("%s", (_what, start, duration, severity, text, target) => {
    const b = new ConflictBoard();
    const item = b.item("Rollout", { start, duration });
    const [found] = b.conflicts("outside-horizon");
    expect(found).toMatchObject({ severity, fix: { kind: "move-item", itemId: item, start: target } });
    expect(found?.message).toContain(text);
  });

  it("an unpinned item pushed past the end by its dependencies has no move to suggest", () => {
    const b = new ConflictBoard();
    b.item("Build", { start: "2027-12-20", duration: 8 }); // finishes Wednesday 2027-12-29
    b.item("Launch", { duration: 5 });
    b.link("Build", "Launch");
    const [found] = b.conflicts("outside-horizon");
    expect(found).toMatchObject({ objectIds: [b.id("Launch")], severity: "info", fix: null });
    expect(found?.message).toContain("Its dependencies place it there");
  });

  it("an item longer than the whole horizon cannot be moved inside", () => {
    const b = new ConflictBoard();
    updateBoard(b.doc, setup, { horizonEnd: "2027-01-15" });
    b.item("Programme", { start: "2027-01-01", duration: 20 });
    const [found] = b.conflicts("outside-horizon");
    expect(found).toMatchObject({ severity: "info", fix: null });
    expect(found?.message).toContain("is longer than the board's horizon");
  });

  it("a backwards horizon is reported as invalid dates, not as every item being outside", () => {
    const b = new ConflictBoard();
    b.item("Build", { start: "2027-03-01" });
    b.doc.transact(() => boardMap(b.doc).set("horizonEnd", "2026-01-01"), setup);
    expect(b.conflicts("outside-horizon")).toEqual([]);
    expect(b.conflicts("invalid-dates").map((c) => c.id)).toEqual(["invalid-dates:board:horizon"]);
  });

  it("items inside the horizon, first and last working days included, are fine", () => {
    const b = new ConflictBoard();
    b.item("First", { start: "2027-01-04" });
    b.item("Last", { start: "2027-12-31" });
    expect(b.conflicts("outside-horizon")).toEqual([]);
  });
});
