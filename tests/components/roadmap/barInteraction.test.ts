import { describe, expect, it } from "vitest";
import type { DependencyId, ItemId } from "../../../lib/model/ids";
import { barKeyAction } from "../../../components/roadmap/timeline/gestures/barKeys";
import { neighbourBar, sortBarsForReading } from "../../../components/roadmap/timeline/gestures/barNavigation";
import type { BarBox } from "../../../components/roadmap/timeline/geometry";
import { barAt, linkVerdict, successorsOf } from "../../../components/roadmap/timeline/gestures/linkRules";

/**
 *   row 0 (top 10):  A [0–100]      B [200–300]
 *   row 1 (top 46):        C [80–180]
 *   row 2 (top 100): D [0–40]                     E [400–500]
 */
const box = (itemId: string, left: number, top: number, width = 100): BarBox => ({ itemId, bandId: "l", left, top, width, labelOutside: false });
const bars = new Map(
  [box("B", 200, 10), box("A", 0, 10), box("C", 80, 46), box("E", 400, 100), box("D", 0, 100, 40)].map((b) => [b.itemId, b]),
);

describe("neighbourBar: arrow keys move focus between bars", () => {
  it.each<[string, "left" | "right" | "up" | "down", string | null]>([
    ["A", "right", "B"],
    ["B", "right", "C"], // the end of a row goes on to the next row
    ["C", "left", "B"],
    ["A", "left", null],
    ["E", "right", null],
    ["A", "down", "C"],
    ["B", "down", "C"], // the nearest row below, whatever the distance
    ["C", "down", "D"], // C's middle (130) is closer to D (ends at 40) than to E (starts at 400)
    ["E", "up", "C"],
    ["A", "up", null],
  ])("from %s, %s goes to %s", (from, direction, expected) => {
    expect(neighbourBar(bars, from, direction)).toBe(expected);
  });

  it("an undrawn bar has no neighbours; Tab order is the same reading order", () => {
    expect(neighbourBar(bars, "Gone", "right")).toBeNull();
    expect(sortBarsForReading([...bars.values()].map((b) => ({ box: b }))).map((b) => b.box.itemId)).toEqual(["A", "B", "C", "D", "E"]);
  });
});

describe("barKeyAction: the keyboard map of a focused bar", () => {
  const press = (key: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}, readOnly = false) =>
    barKeyAction({ key, altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...mods }, readOnly);

  it.each<[string, ReturnType<typeof press>, ReturnType<typeof press>]>([
    ["Enter selects", press("Enter"), { kind: "select" }],
    ["Space selects", press(" "), { kind: "select" }],
    ["an arrow moves focus", press("ArrowDown"), { kind: "focus", direction: "down" }],
    ["Alt+Right moves the item a working day later", press("ArrowRight", { altKey: true }), { kind: "shift", days: 1 }],
    ["Alt+Shift+Left moves it a working week earlier", press("ArrowLeft", { altKey: true, shiftKey: true }), { kind: "shift", days: -5 }],
    ["Alt+Up moves it to the lane above", press("ArrowUp", { altKey: true }), { kind: "lane", step: -1 }],
    ["Alt+Down moves it to the lane below", press("ArrowDown", { altKey: true }), { kind: "lane", step: 1 }],
    ["Shift+F10 opens the menu", press("F10", { shiftKey: true }), { kind: "menu" }],
    ["the menu key opens the menu", press("ContextMenu"), { kind: "menu" }],
    ["Escape cancels", press("Escape"), { kind: "cancel" }],
    ["a read-only viewer can still move focus", press("ArrowLeft", {}, true), { kind: "focus", direction: "left" }],
    ["but cannot move items (the key is swallowed: Alt+Left would go back a page)", press("ArrowLeft", { altKey: true }, true), { kind: "refused" }],
    ["Ctrl combinations are left to the board's shortcuts", press("ArrowLeft", { ctrlKey: true }), null],
    ["other keys do nothing", press("x"), null],
  ])("%s", (_what, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe("linkRules: which bar a link is dropped on, and whether it may be made", () => {
  const deps = [
    ["A", "B"],
    ["B", "C"],
  ].map(([fromId, toId], i) => ({ id: `d${i}` as DependencyId, fromId: fromId as ItemId, toId: toId as ItemId, lag: 0 }));
  const successors = successorsOf(deps);

  it.each<[string, string, string]>([
    ["A", "D", "ok"],
    ["A", "C", "ok"], // a shortcut is not a loop
    ["A", "A", "self"],
    ["A", "B", "duplicate"],
    ["B", "A", "cycle"],
    ["C", "A", "cycle"],
  ])("%s → %s is %s", (from, to, verdict) => {
    expect(linkVerdict(successors, from, to)).toBe(verdict);
  });

  it("finds the bar under a point, and none between bars", () => {
    expect(barAt(bars, 250, 20)).toBe("B");
    expect(barAt(bars, 150, 20)).toBeNull();
    expect(barAt(bars, 120, 60)).toBe("C");
  });
});
