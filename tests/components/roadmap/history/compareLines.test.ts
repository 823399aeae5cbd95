import { describe, expect, it } from "vitest";
import { groupByLane, itemPhrases, milestonePhrases, namesFor, shiftPhrase } from "../../../../components/roadmap/history/compareLines";
import { compareAxis, compareRows } from "../../../../components/roadmap/history/compareTimelineRows";
import { compareSnapshots } from "../../../../lib/history/compareSnapshots";
import type { DateString } from "../../../../lib/model/dates";
import { board } from "../../../lib/derive/boardBuilder";

/** The Compare view's words and rows, from a real comparison. Dates are written as given. */
const date = (d: string) => d;

describe("the Compare view's list and timeline", () => {
  const before = board()
    .lane("Dev")
    .lane("QA")
    .milestone("Go", "2027-01-29", "release")
    .item("A", { start: "2027-01-04", duration: 5, lane: "Dev", title: "API" })
    .item("B", { start: "2027-01-04", duration: 2, lane: "QA", title: "Tests" })
    .item("C", { start: "2027-01-04", lane: "Dev", title: "Old" })
    .snapshot();
  const after = board().lane("Dev").lane("QA").milestone("Go", "2027-02-05", "release").snapshot();
  after.items = [
    { ...before.items[0]!, start: "2027-01-07" as DateString, title: "API v2", status: "at_risk" },
    { ...before.items[1]!, duration: 4, laneId: null, owners: ["Ana"] },
  ];
  const c = compareSnapshots(before, after);
  const names = namesFor(after, c);

  it("groups item changes by lane in the board's order, items without a lane last", () => {
    expect(groupByLane(c.items, after, names).map((g) => [g.name, g.items.map((e) => e.itemId)])).toEqual([
      ["Dev", ["A", "C"]],
      ["No lane", ["B"]],
    ]);
  });

  it("says every change of an item once, in people's words", () => {
    const [a, b, old] = ["A", "B", "C"].map((id) => c.items.find((e) => e.itemId === id)!);
    expect(itemPhrases(a!, names, date)).toEqual(["moved +3 wd (2027-01-04 \u2192 2027-01-07)", "renamed from \u201cAPI\u201d", "status Planned \u2192 At risk"]);
    expect(itemPhrases(b!, names, date)).toEqual([
      "start 0 wd, finish +2 wd (finishes 2027-01-07)",
      "lengthened 2 \u2192 4 working days",
      "lane QA \u2192 No lane",
      "owners added: Ana",
    ]);
    expect(itemPhrases(old!, names, date)).toEqual(["removed"]);
    expect(milestonePhrases(c.milestones[0]!, date)).toEqual(["moved +5 wd (2027-01-29 \u2192 2027-02-05)"]);
  });

  it("writes the board finish and a release before and after", () => {
    expect(shiftPhrase(c.releases[0]!, date)).toBe("2027-01-29 \u2192 2027-02-05 (+5 wd)");
    expect(shiftPhrase({ before: "2027-01-01" as DateString, after: "2027-01-01" as DateString, shift: 0 }, date)).toBe("2027-01-01 (unchanged)");
    expect(shiftPhrase({ before: null, after: "2027-01-01" as DateString, shift: null }, date)).toBe("now 2027-01-01");
  });

  it("lays both positions on one axis: a lane row, then each item with its older and newer span", () => {
    const groups = groupByLane(c.items, after, names);
    const axis = compareAxis(groups)!;
    const rows = compareRows(groups, axis);
    expect(rows.map((r) => (r.kind === "lane" ? `lane ${r.name}` : `${r.itemId} ${r.before ? "before" : ""} ${r.after ? "after" : ""}`.trim()))).toEqual([
      "lane Dev",
      "A before after",
      "C before",
      "lane No lane",
      "B before after",
    ]);
    const a = rows[1]!;
    if (a.kind !== "item") throw new Error("row kind");
    expect(a.after!.left).toBeGreaterThan(a.before!.left);
    for (const r of rows) if (r.kind === "item") for (const t of [r.before, r.after]) if (t) expect(t.left + t.width).toBeLessThanOrEqual(1);
  });
});
