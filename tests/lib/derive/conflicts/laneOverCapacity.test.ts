import { describe, expect, it } from "vitest";
import { updateLane } from "../../../../lib/model/laneCommands";
import { alice, unwrap } from "../../helpers/docs";
import { ConflictBoard, type ItemInput } from "./helpers/conflictBoard";

/** A board whose Development lane has `capacity`, with the given items in it. */
function lane(capacity: number, items: [string, ItemInput][]) {
  const b = new ConflictBoard();
  unwrap(updateLane(b.doc, alice, b.lanes.Development, { capacity }));
  for (const [title, input] of items) b.item(title, { lane: "Development", ...input });
  return b;
}

const week = { start: "2027-03-01", duration: 5 }; // Monday to Friday

describe("lane-over-capacity: the daily load of a lane's items exceeds its capacity", () => {
  it("four full-time items in a lane of three: one warning with the interval, the peak and the limit", () => {
    const b = lane(3, [["API", week], ["Web", week], ["App", week], ["Admin", week]]);
    const ids = ["API", "Web", "App", "Admin"].map((t) => b.id(t)).sort();
    expect(b.conflicts("lane-over-capacity")).toEqual([
      {
        id: `lane-over-capacity:${b.lanes.Development}:2027-03-01`,
        kind: "lane-over-capacity",
        severity: "warning",
        objectIds: [...ids, b.lanes.Development],
        message: expect.stringMatching(
          /^Lane “Development” is over capacity from Mon, Mar 1 to Fri, Mar 5, 2027: a load of up to 4 against a capacity of 3, from “\w+”, “\w+”, “\w+” and 1 more\. Move or shorten some of this work, or raise the lane's capacity\.$/,
        ),
        fix: null,
        interval: { start: "2027-03-01", finish: "2027-03-05" },
        load: { peak: 4, limit: 3 },
      },
    ]);
  });

  it.each<[string, number, [string, ItemInput][], { start: string; finish: string; peak: number }[]]>([
    ["exactly at capacity is fine", 3, [["A", week], ["B", week], ["C", week]], []],
    ["capacity 0 means no limit declared", 0, [["A", week], ["B", week]], []],
    [
      "effort is spread over the working days: 10 days of effort in 5 days is a load of 2",
      2,
      [["A", { ...week, effort: 10 }], ["B", { ...week, effort: 5 }]],
      [{ start: "2027-03-01", finish: "2027-03-05", peak: 3 }],
    ],
    [
      "a weekend inside the overload does not split it",
      1,
      [["Long", { start: "2027-03-01", duration: 10 }], ["Thu-Fri", { start: "2027-03-04", duration: 2 }], ["Mon-Tue", { start: "2027-03-08", duration: 2 }]],
      [{ start: "2027-03-04", finish: "2027-03-09", peak: 2 }],
    ],
    [
      "a working day at capacity between two overloads splits them",
      1,
      [["Long", { start: "2027-03-01", duration: 10 }], ["Mon", { start: "2027-03-01" }], ["Wed", { start: "2027-03-03" }]],
      [
        { start: "2027-03-01", finish: "2027-03-01", peak: 2 },
        { start: "2027-03-03", finish: "2027-03-03", peak: 2 },
      ],
    ],
    [
      "the peak is the highest day of the interval",
      1,
      [["A", week], ["B", week], ["C", { start: "2027-03-03" }]],
      [{ start: "2027-03-01", finish: "2027-03-05", peak: 3 }],
    ],
    [
      "efforts that add up to exactly the capacity are not an overload, whatever the float rounding",
      1,
      [["A", { start: "2027-03-01", effort: 0.2 }], ["B", { start: "2027-03-01", effort: 0.4 }], ["C", { start: "2027-03-01", effort: 0.3 }], ["D", { start: "2027-03-01", effort: 0.1 }]],
      [],
    ],
    ["done items take no capacity", 1, [["A", week], ["B", { ...week, status: "done" }]], []],
    ["won't-have items take no capacity", 1, [["A", week], ["B", { ...week, priority: "wont" }]], []],
  ])("%s", (_what, capacity, items, expected) => {
    const found = lane(capacity, items).conflicts("lane-over-capacity");
    expect(found.map((c) => ({ ...c.interval, peak: c.load?.peak }))).toEqual(expected);
    for (const c of found) expect(c.load?.limit).toBe(capacity);
  });

  it("only items active in the interval are named", () => {
    const b = lane(1, [["A", week], ["B", week], ["Later", { start: "2027-04-05" }]]);
    const [over] = b.conflicts("lane-over-capacity");
    expect(over?.objectIds).not.toContain(b.id("Later"));
    expect(over?.message).not.toContain("Later");
  });

  it("an unscheduled item takes no capacity", () => {
    const b = lane(1, [["A", week], ["Someday", { duration: 5 }]]);
    expect(b.conflicts("lane-over-capacity")).toEqual([]);
  });
});
