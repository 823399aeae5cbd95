import { describe, expect, it } from "vitest";
import { keyboardMove, neighbourCard, type CardDirection } from "../../components/roadmap/phases/cardKeys";
import { rowWindow } from "../../components/roadmap/table/useVirtualRows";
import { parseView, searchWithView } from "../../components/roadmap/views/viewParam";

// Three columns: MVP a b c, Pilot (empty), Beta d e.
const COLUMNS = [["a", "b", "c"], [], ["d", "e"]];

describe("Alt+Arrow moves a focused card", () => {
  it.each<[string, CardDirection, { column: number; beforeId: string | null } | null]>([
    ["b", "up", { column: 0, beforeId: "a" }],
    ["b", "down", { column: 0, beforeId: null }],
    ["a", "down", { column: 0, beforeId: "c" }],
    ["a", "up", null],
    ["c", "down", null],
    ["b", "right", { column: 1, beforeId: null }], // into an empty column
    ["a", "left", null],
    ["e", "left", { column: 1, beforeId: null }],
    ["d", "right", null],
  ])("%s %s", (id, direction, expected) => {
    expect(keyboardMove(COLUMNS, id, direction)).toEqual(expected);
  });

  it("keeps the card's height when moving sideways, or goes last in a shorter column", () => {
    const columns = [["a", "b", "c"], ["x", "y"]];
    expect(keyboardMove(columns, "b", "right")).toEqual({ column: 1, beforeId: "y" });
    expect(keyboardMove(columns, "c", "right")).toEqual({ column: 1, beforeId: null });
    expect(keyboardMove(columns, "y", "left")).toEqual({ column: 0, beforeId: "b" });
  });

  it("does nothing for a card that is not on the board", () => {
    expect(keyboardMove(COLUMNS, "gone", "up")).toBeNull();
  });
});

describe("Arrow keys move the focus between cards", () => {
  it.each<[string, CardDirection, string | null]>([
    ["b", "up", "a"],
    ["b", "down", "c"],
    ["c", "down", null],
    ["c", "right", "e"], // steps over the empty Pilot column, to the last card of a shorter one
    ["d", "left", "a"],
    ["a", "left", null],
  ])("%s %s → %s", (id, direction, expected) => {
    expect(neighbourCard(COLUMNS, id, direction)).toBe(expected);
  });
});

describe("the view in the URL", () => {
  it("reads ?view= and falls back to the timeline for anything unknown", () => {
    expect(parseView("phases")).toBe("phases");
    expect(parseView("table")).toBe("table");
    expect(parseView(null)).toBe("timeline");
    expect(parseView("Table")).toBe("timeline");
    expect(parseView("constructor")).toBe("timeline");
  });

  it("writes ?view= for the other views, nothing for the timeline, and keeps other parameters", () => {
    expect(searchWithView("", "phases")).toBe("?view=phases");
    expect(searchWithView("?view=phases", "timeline")).toBe("");
    expect(searchWithView("?thread=t1&view=table", "phases")).toBe("?thread=t1&view=phases");
    expect(searchWithView("?thread=t1&view=table", "timeline")).toBe("?thread=t1");
  });
});

describe("the table's row window", () => {
  it("draws the rows in view and a margin either side, never past the ends", () => {
    expect(rowWindow(0, 20, 2_000)).toEqual({ start: 0, end: 32 });
    expect(rowWindow(1_000, 20, 2_000)).toEqual({ start: 988, end: 1_032 });
    expect(rowWindow(1_996, 20, 2_000)).toEqual({ start: 1_984, end: 2_000 });
    expect(rowWindow(0, 20, 5)).toEqual({ start: 0, end: 5 });
    expect(rowWindow(500, 20, 5)).toEqual({ start: 0, end: 5 }); // the list shrank under a scrolled view
    expect(rowWindow(0, 20, 0)).toEqual({ start: 0, end: 0 });
  });
});
