import { describe, expect, it } from "vitest";
import {
  filterItems,
  isFiltered,
  nextSort,
  NO_FILTERS,
  ownerNames,
  sortItems,
  type TableContext,
  type TableFilters,
  type TableSort,
} from "../../components/roadmap/table/tableRows";
import { date } from "../../lib/model/dates";
import { ITEM_DEFAULTS, LANE_DEFAULTS, PHASE_DEFAULTS } from "../../lib/model/defaults";
import type { ItemId, LaneId, PhaseId } from "../../lib/model/ids";
import type { Item, Lane, Phase } from "../../lib/model/schemas";

const lane = (id: string, name: string): Lane => ({ ...LANE_DEFAULTS, id: id as LaneId, name });
const phase = (id: string, name: string): Phase => ({ ...PHASE_DEFAULTS, id: id as PhaseId, name });
const item = (id: string, fields: Partial<Item>): Item => ({ ...ITEM_DEFAULTS, id: id as ItemId, ...fields });

// Lanes and phases in board order: Design before Build, MVP before Beta.
const lanes = [lane("lDesign", "Design"), lane("lBuild", "Build")];
const phases = [phase("pMvp", "MVP"), phase("pBeta", "Beta")];
const ITEMS = [
  item("i1", { title: "Work package 10", laneId: lanes[1]!.id, phaseId: phases[0]!.id, duration: 3, owners: ["ben"], status: "done", priority: "could", order: 2 }),
  item("i2", { title: "work package 9", laneId: lanes[0]!.id, phaseId: phases[1]!.id, duration: 12, owners: ["Ana", "Chen"], status: "planned", priority: "must", tags: ["payments"] }),
  item("i3", { title: "Blueprint", laneId: null, phaseId: phases[0]!.id, duration: 5, owners: [], status: "at_risk", priority: "should", order: 1 }),
  item("i4", { title: "Launch", laneId: "lGone" as LaneId, phaseId: "pGone" as PhaseId, duration: 8, owners: ["Ana"], status: "in_progress", priority: "wont" }),
];
const context: TableContext = {
  lanes,
  phases,
  scheduled: new Map([
    ["i1", { start: date("2027-03-01"), finish: date("2027-03-03") }],
    ["i2", { start: date("2027-01-04"), finish: date("2027-01-19") }],
    ["i4", { start: date("2027-02-01"), finish: date("2027-02-10") }],
  ]),
};
const ids = (items: Item[]) => items.map((i) => i.id).join(" ");
const filtered = (patch: Partial<TableFilters>) => ids(filterItems(ITEMS, { ...NO_FILTERS, ...patch }, context));
const sorted = (sort: TableSort) => ids(sortItems(ITEMS, sort, context));

describe("filterItems: the table shows what the filters let through", () => {
  it.each<[string, Partial<TableFilters>, string]>([
    ["no filter: everything", {}, "i1 i2 i3 i4"],
    ["one lane", { lane: { kind: "is", value: "lDesign" } }, "i2"],
    ["no lane (a deleted lane counts as none)", { lane: { kind: "none" } }, "i3 i4"],
    ["one phase", { phase: { kind: "is", value: "pMvp" } }, "i1 i3"],
    ["no phase (a deleted phase counts as none)", { phase: { kind: "none" } }, "i4"],
    ["an owner among several", { owner: { kind: "is", value: "Ana" } }, "i2 i4"],
    ["no owner", { owner: { kind: "none" } }, "i3"],
    ["a status", { status: "at_risk" }, "i3"],
    ["text in a title, any case", { text: "WORK" }, "i1 i2"],
    ["text in an owner's name", { text: "chen" }, "i2"],
    ["text in a tag", { text: "pay" }, "i2"],
    ["text with surrounding spaces", { text: "  launch " }, "i4"],
    ["several filters at once (all must match)", { phase: { kind: "is", value: "pMvp" }, status: "done", text: "10" }, "i1"],
    ["filters nothing matches", { lane: { kind: "is", value: "lDesign" }, status: "done" }, ""],
  ])("%s", (_what, patch, expected) => {
    expect(filtered(patch)).toBe(expected);
  });

  it("knows when any filter is on", () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: "   " })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, owner: { kind: "none" } })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, status: "done" })).toBe(true);
  });
});

describe("sortItems: any column, both directions, empty values last", () => {
  it.each<[TableSort, string]>([
    [{ column: "title", direction: "asc" }, "i3 i4 i2 i1"], // numeric and case-insensitive: 9 before 10
    [{ column: "title", direction: "desc" }, "i1 i2 i4 i3"],
    [{ column: "lane", direction: "asc" }, "i2 i1 i3 i4"], // board order; no lane and a deleted lane last (by title)
    [{ column: "lane", direction: "desc" }, "i1 i2 i3 i4"],
    [{ column: "phase", direction: "asc" }, "i3 i1 i2 i4"], // within the MVP, the phase board's card order
    [{ column: "phase", direction: "desc" }, "i2 i3 i1 i4"],
    [{ column: "start", direction: "asc" }, "i2 i4 i1 i3"], // unscheduled last
    [{ column: "start", direction: "desc" }, "i1 i4 i2 i3"],
    [{ column: "finish", direction: "asc" }, "i2 i4 i1 i3"],
    [{ column: "duration", direction: "asc" }, "i1 i3 i4 i2"],
    [{ column: "duration", direction: "desc" }, "i2 i4 i3 i1"],
    [{ column: "owners", direction: "asc" }, "i4 i2 i1 i3"], // by first owner alphabetically; Ana ties break by title
    [{ column: "status", direction: "asc" }, "i2 i4 i1 i3"], // planned, in progress, done, at risk
    [{ column: "priority", direction: "asc" }, "i2 i3 i1 i4"], // must, should, could, won't
    [{ column: "priority", direction: "desc" }, "i4 i1 i3 i2"],
  ])("%o", (sort, expected) => {
    expect(sorted(sort)).toBe(expected);
  });

  it("is total: equal keys keep one order whatever order the items arrive in", () => {
    const twins = [item("iB", { title: "Same" }), item("iA", { title: "Same" }), item("iC", { title: "same" })];
    const forward = ids(sortItems(twins, { column: "duration", direction: "asc" }, context));
    expect(ids(sortItems([...twins].reverse(), { column: "duration", direction: "asc" }, context))).toBe(forward);
    expect(forward).toBe("iA iB iC");
  });

  it("does not change the list it was given", () => {
    const copy = [...ITEMS];
    sortItems(ITEMS, { column: "title", direction: "desc" }, context);
    expect(ITEMS).toEqual(copy);
  });
});

describe("column headers and the owner filter's choices", () => {
  it("a click sorts by that column ascending, a second click descending, a third ascending again", () => {
    const first = nextSort({ column: "phase", direction: "asc" }, "title");
    expect(first).toEqual({ column: "title", direction: "asc" });
    const second = nextSort(first, "title");
    expect(second).toEqual({ column: "title", direction: "desc" });
    expect(nextSort(second, "title")).toEqual({ column: "title", direction: "asc" });
  });

  it("lists every owner once, in name order", () => {
    expect(ownerNames(ITEMS)).toEqual(["Ana", "ben", "Chen"]);
  });
});
