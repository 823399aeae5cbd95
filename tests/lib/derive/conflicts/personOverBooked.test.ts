import { describe, expect, it } from "vitest";
import { ConflictBoard, type ItemInput } from "./helpers/conflictBoard";

function board(items: [string, ItemInput][]) {
  const b = new ConflictBoard();
  for (const [title, input] of items) b.item(title, input);
  return b;
}

const week = { start: "2027-03-01", duration: 5 };

describe("person-over-booked: the same owner on overlapping work beyond 100%", () => {
  it("one person on two overlapping items in different lanes: 200% where they overlap", () => {
    const b = board([
      ["Interviews", { ...week, owners: ["Ana"], lane: "Service design" }],
      ["Survey", { start: "2027-03-04", duration: 5, owners: ["Ana"], lane: "Communication" }],
    ]);
    expect(b.conflicts("person-over-booked")).toEqual([
      {
        id: "person-over-booked:ana:2027-03-04",
        kind: "person-over-booked",
        severity: "warning",
        objectIds: [b.id("Interviews"), b.id("Survey")].sort(),
        message: expect.stringMatching(
          /^Ana is over-booked from Thu, Mar 4 to Fri, Mar 5, 2027: up to 200% of a working day across “(Interviews|Survey)” and “(Interviews|Survey)”\. Move some of this work or share it with someone else\.$/,
        ),
        fix: null,
        interval: { start: "2027-03-04", finish: "2027-03-05" },
        load: { peak: 2, limit: 1 },
      },
    ]);
  });

  it.each<[string, [string, ItemInput][], { who: string; peak: number }[]]>([
    ["an item's load is split among its owners: 50% + 100% is over", [["Pair", { ...week, owners: ["Ana", "Ben"] }], ["Solo", { ...week, owners: ["Ana"] }]], [{ who: "ana", peak: 1.5 }]],
    ["two shared items are 50% + 50%: fully booked, not over", [["P1", { ...week, owners: ["Ana", "Ben"] }], ["P2", { ...week, owners: ["Ben", "Ana"] }]], []],
    ["effort spreads the load: 2 days of effort over 5 days is 40%", [["Light", { ...week, effort: 2, owners: ["Ana"] }], ["Full", { ...week, owners: ["Ana"] }]], [{ who: "ana", peak: 1.4 }]],
    ["effort 2 days over 5 days twice is 80%: fine", [["L1", { ...week, effort: 2, owners: ["Ana"] }], ["L2", { ...week, effort: 2, owners: ["Ana"] }]], []],
    ["names match ignoring case and spacing", [["A", { ...week, owners: ["Ana "] }], ["B", { ...week, owners: ["ana"] }]], [{ who: "ana", peak: 2 }]],
    ["an owner listed twice on one item counts once", [["A", { ...week, owners: ["Ana", "Ana"] }], ["B", { ...week, owners: ["Ben"] }]], []],
    ["done items take no time", [["A", { ...week, owners: ["Ana"] }], ["B", { ...week, owners: ["Ana"], status: "done" }]], []],
    ["items without owners are nobody's", [["A", week], ["B", week]], []],
  ])("%s", (_what, items, expected) => {
    const found = board(items).conflicts("person-over-booked");
    expect(found.map((c) => ({ who: c.id.split(":")[1], peak: c.load?.peak }))).toEqual(expected);
  });

  it("a person's name is shown the same way on every replica, whichever spelling came first", () => {
    const b = board([["A", { ...week, owners: ["ana"] }], ["B", { ...week, owners: ["Ana"] }]]);
    expect(b.conflicts("person-over-booked")[0]?.message).toMatch(/^Ana is over-booked/);
  });

  it("an owner name with odd characters still gives a well-formed id", () => {
    const b = board([["A", { ...week, owners: ["Zoë: QA"] }], ["B", { ...week, owners: ["zoë: qa"] }]]);
    expect(b.conflicts("person-over-booked")[0]?.id).toBe(`person-over-booked:${encodeURIComponent("zoë: qa")}:2027-03-01`);
  });
});
