import { describe, expect, it } from "vitest";
import { ghostBars, ghostInWindow, ghostMilestones, GHOST_DROP, slipLabel, slipTone, slipWords } from "../../../../components/roadmap/history/baselineGhosts";
import { filterItems, NO_FILTERS, sortItems, type TableContext } from "../../../../components/roadmap/table/tableRows";
import { parseDay } from "../../../../lib/derive/dayStrings";
import { baselineSlips } from "../../../../lib/history/baselineSlips";
import type { DateString } from "../../../../lib/model/dates";
import { board } from "../../../lib/derive/boardBuilder";

/** The baseline as the timeline and the table draw it (docs/history.md, "Baseline"). */
const geometry = { axis: { startDay: parseDay("2027-01-04" as DateString) }, pxPerDay: 10 } as never;

describe("baseline on the timeline", () => {
  const baseline = board().milestone("Go", "2027-01-15", "release").item("A", { start: "2027-01-04", duration: 5, deadline: "Go" }).item("B", { start: "2027-01-11", duration: 2 }).item("C", { start: "2027-01-04" }).snapshot();
  const now = { ...baseline, items: baseline.items.map((i) => (i.id === "A" ? { ...i, start: "2027-01-13" as DateString } : i)) };
  now.items.push({ ...now.items[0]!, id: "N" as never, start: "2027-01-05" as DateString });
  const slips = baselineSlips(baseline, now);
  const items = new Map(slips.items.map((s) => [s.itemId as string, s]));

  it("labels a slip in working days, red where a deadline or release slips", () => {
    expect(items.get("A")).toMatchObject({ variance: 7, critical: true });
    expect([slipLabel(7), slipTone(7, true)]).toEqual(["+7 wd", "critical"]);
    expect([slipLabel(2), slipTone(2, false)]).toEqual(["+2 wd", "late"]);
    expect([slipLabel(-1), slipTone(-1, false)]).toEqual(["\u22121 wd", "early"]);
    expect([slipLabel(0), slipTone(0, false), slipLabel(null)]).toEqual([null, null, null]);
    // What a screen reader hears on the bar, and its tooltip.
    expect(slipWords(7, true)).toBe("7 working days later than the baseline, past a date agreed in it");
    expect(slipWords(-1, false)).toBe("1 working day earlier than the baseline");
    expect(slipWords(0, false)).toBeNull();
  });

  it("draws each item's baseline span in its bar's row, a little lower, and none for an item new since", () => {
    const boxes = new Map(
      ["A", "B", "N"].map((id, k) => [id, { itemId: id, bandId: "", left: 0, top: 100 + k * 36, width: 50, labelOutside: false }]),
    );
    const ghosts = ghostBars(geometry, boxes, items);
    expect(ghosts.map((g) => [g.itemId, g.left, g.width, g.top])).toEqual([
      ["A", 0, 50, 100 + GHOST_DROP],
      ["B", 70, 20, 136 + GHOST_DROP],
    ]);
    expect(ghostInWindow({ left: 0, right: 60, top: 0, bottom: 120 }, ghosts[0]!)).toBe(true);
    expect(ghostInWindow({ left: 100, right: 200, top: 0, bottom: 1000 }, ghosts[0]!)).toBe(false);
  });

  it("marks a moved milestone where the baseline had it, with its slip", () => {
    const moved = { ...now, milestones: now.milestones.map((m) => ({ ...m, date: "2027-01-20" as DateString })) };
    const ms = new Map(baselineSlips(baseline, moved).milestones.map((m) => [m.milestoneId as string, m]));
    const marks = ghostMilestones({ ...(geometry as object), milestones: [{ id: "Go", title: "Go", kind: "release", date: "2027-01-20", x: 165, row: 0 }] } as never, ms);
    expect(marks).toEqual([{ id: "Go", title: "Go", x: 115, currentX: 165, row: 0, baseline: "2027-01-15", label: "+3 wd", tone: "critical" }]);
  });

  it("the table filters slipped items and sorts by variance", () => {
    const context: TableContext = { lanes: [], phases: [], scheduled: new Map(), slips: items };
    expect(filterItems(now.items, { ...NO_FILTERS, slipped: true }, context).map((i) => i.id)).toEqual(["A"]);
    expect(filterItems(now.items, { ...NO_FILTERS, slipped: true }, { lanes: [], phases: [] })).toEqual([]);
    expect(sortItems(now.items, { column: "variance", direction: "desc" }, context).map((i) => i.id)).toEqual(["A", "B", "C", "N"]);
  });
});
