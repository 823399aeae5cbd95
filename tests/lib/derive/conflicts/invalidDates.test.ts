import { describe, expect, it } from "vitest";
import { updateBoard } from "../../../../lib/model/boardCommands";
import { date } from "../../../../lib/model/dates";
import { boardMap } from "../../../../lib/model/docLayout";
import { setup } from "../../helpers/fixtures";
import { ConflictBoard } from "./helpers/conflictBoard";
import { formatDate } from "../../../../lib/format/dates";

describe("invalid-dates: dates, durations and calendars that make no sense", () => {
  it.each([
    ["a zero duration", 0],
    ["a negative duration", -3],
  ])("%s is an error; the fix sets 1 working day", (_what, duration) => {
    const b = new ConflictBoard();
    const item = b.item("Usability test", { start: "2027-03-01", duration: 4 });
    b.raw("items", "Usability test", "duration", duration);
    expect(b.conflicts("invalid-dates")).toEqual([
      {
        id: `invalid-dates:items:${item}:duration`,
        kind: "invalid-dates",
        severity: "error",
        objectIds: [item],
        message: `“Usability test” lasts ${duration} working days; it is drawn as 1 day. Give it a duration of at least 1 working day.`,
        fix: { kind: "set-duration", itemId: item, duration: 1 },
      },
    ]);
  });

  it("a horizon that ends before it starts is an error", () => {
    const b = new ConflictBoard();
    b.doc.transact(() => boardMap(b.doc).set("horizonEnd", "2026-06-30"), setup);
    expect(b.conflicts("invalid-dates")).toEqual([
      {
        id: "invalid-dates:board:horizon",
        kind: "invalid-dates",
        severity: "error",
        objectIds: [],
        message: expect.stringContaining("horizon ends on Tue, Jun 30, 2026, before it starts on Mon, Jan 4, 2027"),
        fix: null,
      },
    ]);
  });

  it.each([
    ["a Saturday", [], "2027-03-06", "2027-03-08"],
    ["a holiday", ["2027-03-08"], "2027-03-08", "2027-03-09"],
  ])("a start pinned on %s is a warning; the fix moves it to the next working day", (_what, holidays, start, next) => {
    const b = new ConflictBoard();
    updateBoard(b.doc, setup, { holidays: holidays.map(date) });
    const item = b.item("Kick-off", { start });
    expect(b.conflicts("invalid-dates")).toEqual([
      {
        id: `invalid-dates:items:${item}:start`,
        kind: "invalid-dates",
        severity: "warning",
        objectIds: [item],
        message: `“Kick-off” is pinned to start on ${formatDate(start)}, which is not a working day, so it starts on ${formatDate(next)}. Move it to ${formatDate(next)}.`,
        fix: { kind: "move-item", itemId: item, start: next },
      },
    ]);
  });

  it("a calendar without a working weekday is a warning (every day is then worked)", () => {
    const b = new ConflictBoard();
    updateBoard(b.doc, setup, { workingDays: [] });
    b.item("Kick-off", { start: "2027-03-06" });
    expect(b.conflicts("invalid-dates")).toEqual([
      expect.objectContaining({ id: "invalid-dates:board:workingDays:none", severity: "warning", message: expect.stringContaining("no working weekday") }),
    ]);
  });

  describe("fields a peer wrote junk into (the snapshot used a default) are errors", () => {
    it("an unreadable start: scheduled as if it had none; no fix can know the date meant", () => {
      const b = new ConflictBoard();
      const item = b.item("Pricing", { start: "2027-03-01" });
      b.raw("items", "Pricing", "start", "2027-02-30");
      expect(b.conflicts("invalid-dates")).toEqual([
        expect.objectContaining({ id: `invalid-dates:items:${item}:start`, severity: "error", message: expect.stringContaining("“Pricing” has a start date that cannot be read"), fix: null }),
      ]);
    });

    it("an unreadable duration: the fix writes the 1 day it is drawn as", () => {
      const b = new ConflictBoard();
      const item = b.item("Pricing", { start: "2027-03-01" });
      b.raw("items", "Pricing", "duration", 2.5);
      expect(b.conflicts("invalid-dates")).toEqual([
        expect.objectContaining({ id: `invalid-dates:items:${item}:duration`, severity: "error", fix: { kind: "set-duration", itemId: item, duration: 1 } }),
      ]);
    });

    it("an unreadable lag names both ends of the link", () => {
      const b = new ConflictBoard();
      b.item("Draft", { start: "2027-03-01" });
      b.item("Review");
      const dep = b.link("Draft", "Review", 2);
      b.raw("dependencies", dep, "lag", "two");
      expect(b.conflicts("invalid-dates")).toEqual([
        expect.objectContaining({
          id: `invalid-dates:dependencies:${dep}:lag`,
          objectIds: [b.id("Review"), b.id("Draft"), dep],
          message: "The link from “Draft” to “Review” has a lag that cannot be read, so it is treated as 0 working days. Set the lag again.",
        }),
      ]);
    });

    it("an unreadable horizon start says which default is used", () => {
      const b = new ConflictBoard();
      b.doc.transact(() => boardMap(b.doc).set("horizonStart", "soon"), setup);
      expect(b.conflicts("invalid-dates")).toEqual([
        expect.objectContaining({ id: "invalid-dates:board:horizonStart", message: expect.stringContaining("horizon start could not be read, so the default (2027-01-04) is used") }),
      ]);
    });

    it("a milestone whose date cannot be read is left off the board and reported", () => {
      const b = new ConflictBoard();
      const m = b.milestone("Go-live", "2027-09-01", "go_live");
      b.raw("milestones", "Go-live", "date", "September");
      expect(b.conflicts("invalid-dates")).toEqual([expect.objectContaining({ id: `invalid-dates:milestones:${m}:date`, severity: "error", objectIds: [m] })]);
    });
  });

  it("reports nothing for valid dates on working days", () => {
    const b = new ConflictBoard();
    b.item("Kick-off", { start: "2027-03-08", duration: 3 });
    expect(b.conflicts("invalid-dates")).toEqual([]);
  });
});
