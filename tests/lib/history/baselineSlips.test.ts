import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baselineSlips } from "../../../lib/history/baselineSlips";
import { compareSnapshots } from "../../../lib/history/compareSnapshots";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { board } from "../derive/boardBuilder";
import { boardPairArb } from "./boardPairs";

/** The rule for a critical slip: docs/history.md ("Baseline"). 2027-01-04 is a Monday. */
function plan() {
  return board()
    .phase("MVP", "Go")
    .milestone("Go", "2027-01-29", "release")
    .milestone("Due", "2027-01-15", "deadline")
    .milestone("Pilot", "2027-02-15", "pilot_start")
    .item("A", { start: "2027-01-04", duration: 5, deadline: "Due" })
    .item("B", { duration: 3, phase: "MVP" })
    .item("C", { start: "2027-01-18", duration: 2 })
    .link("A", "B");
}
const edit = (s: BoardSnapshot, id: string, patch: Record<string, unknown>): BoardSnapshot => ({ ...s, items: s.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) });
const slipOf = (slips: ReturnType<typeof baselineSlips>, id: string) => slips.items.find((s) => s.itemId === id)!;

describe("baselineSlips: the board now against its baseline", () => {
  const baseline = plan().snapshot();

  it("no change: every item and milestone at variance 0, nothing critical", () => {
    const s = baselineSlips(baseline, baseline);
    expect(s.items.map((i) => [i.itemId, i.variance, i.critical])).toEqual([["A", 0, false], ["B", 0, false], ["C", 0, false]]);
    expect(s.milestones.every((m) => m.variance === 0 && !m.critical)).toBe(true);
  });

  it("a slip is counted in working days, +N = later, with the baseline and current spans", () => {
    // A starts Thursday instead of Monday: 3 working days; B follows it.
    const s = baselineSlips(baseline, edit(baseline, "A", { start: "2027-01-07" }));
    expect(slipOf(s, "A")).toEqual({
      itemId: "A",
      baseline: { start: "2027-01-04", finish: "2027-01-08" },
      current: { start: "2027-01-07", finish: "2027-01-13" },
      startVariance: 3,
      variance: 3,
      critical: false,
      missed: [],
    });
    expect(slipOf(s, "B").variance).toBe(3);
    expect(slipOf(s, "C").variance).toBe(0);
  });

  it("critical when the slip makes the item finish after its deadline's agreed date", () => {
    // A finishes Monday 18 January, after Due (Friday 15).
    const s = baselineSlips(baseline, edit(baseline, "A", { start: "2027-01-12" }));
    expect(slipOf(s, "A")).toMatchObject({ variance: 6, critical: true, missed: ["Due"] });
  });

  it("critical when the item misses its phase's release, even if the release was moved out to meet it", () => {
    // B now finishes Tuesday 2 February; the release was moved from 29 January to 5 February.
    const now = edit(baseline, "B", { duration: 16 });
    now.milestones = now.milestones.map((m) => (m.id === "Go" ? { ...m, date: "2027-02-05" as never } : m));
    const s = baselineSlips(baseline, now);
    expect(slipOf(s, "B")).toMatchObject({ critical: true, missed: ["Go"] });
    expect(s.milestones.find((m) => m.milestoneId === "Go")).toMatchObject({ baseline: "2027-01-29", current: "2027-02-05", variance: 5, critical: true });
  });

  it("not critical when the item slips but still makes its dates", () => {
    const s = baselineSlips(baseline, edit(baseline, "B", { duration: 5 }));
    expect(slipOf(s, "B")).toMatchObject({ variance: 2, critical: false, missed: [] });
  });

  it("not critical when the item comes in earlier, even if it was late in the baseline", () => {
    const late = edit(baseline, "A", { start: "2027-01-14" });
    const s = baselineSlips(late, edit(late, "A", { start: "2027-01-13" }));
    expect(slipOf(s, "A")).toMatchObject({ variance: -1, critical: false });
  });

  it("an item added since the baseline has no baseline span and no variance", () => {
    const s = baselineSlips(baseline, plan().item("D", { start: "2027-01-05" }).snapshot());
    expect(slipOf(s, "D")).toMatchObject({ baseline: null, current: { start: "2027-01-05", finish: "2027-01-05" }, variance: null, critical: false });
  });

  it("a milestone moved later is critical when work is held to it (release, deadline, go-live, or any milestone an item or phase points at)", () => {
    const now = { ...baseline, milestones: baseline.milestones.map((m) => ({ ...m, date: "2027-02-19" as never })) };
    const s = baselineSlips(baseline, now);
    expect(s.milestones.map((m) => [m.milestoneId, m.critical])).toEqual([["Due", true], ["Go", true], ["Pilot", false]]);
    expect(s.milestones.find((m) => m.milestoneId === "Pilot")!.variance).toBe(4);
  });
});

describe("baselineSlips: properties", () => {
  it("the variance is the comparison's finish shift, and critical exactly when some date is missed", () => {
    fc.assert(
      fc.property(boardPairArb, ({ before, after }) => {
        const slips = baselineSlips(before, after);
        const moved = new Map(compareSnapshots(before, after).items.map((e) => [e.itemId as string, e.fields.schedule?.finishShift]));
        for (const s of slips.items) {
          if (s.variance === null) continue;
          expect(s.variance).toBe(moved.get(s.itemId) ?? 0);
          expect(s.critical).toBe(s.missed.length > 0);
          if (s.critical) expect(s.variance).toBeGreaterThan(0);
        }
        const ids = slips.items.map((s) => s.itemId as string);
        expect([...ids].sort()).toEqual(ids);
        expect(new Set(ids)).toEqual(new Set([...before.items, ...after.items].map((i) => i.id as string)));
      }),
      { numRuns: 100 },
    );
  });
});
