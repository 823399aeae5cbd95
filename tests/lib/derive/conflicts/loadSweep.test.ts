import { describe, expect, it } from "vitest";
import { makeCalendar } from "../../../../lib/derive/calendar";
import { findOverloads, Loads } from "../../../../lib/derive/conflicts/loadSweep";
import { date, fromDayNumber, toDayNumber } from "../../../../lib/model/dates";

const cal = makeCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: [date("2027-03-10")] });
const day = (s: string) => toDayNumber(date(s));
interface Share {
  itemId: string;
  start: string;
  finish: string;
  rate: number;
}
const entry = (itemId: string, start: string, finish: string, rate = 1): Share => ({ itemId, start, finish, rate });
/** Runs the sweep on named shares of one group (added in the order given) and reads the runs back as dates and names. */
function runs(shares: Share[], limit: number) {
  const loads = new Loads(shares.length);
  shares.forEach((s, i) => loads.add(0, i, day(s.start), day(s.finish), s.rate));
  return findOverloads(cal, loads, () => limit).map((o) => ({
    start: fromDayNumber(o.start),
    finish: fromDayNumber(o.finish),
    peak: o.peak,
    itemIds: o.items.map((i) => shares[i]!.itemId),
  }));
}

describe("findOverloads: maximal runs of working days over a limit, by a sweep over sorted events", () => {
  it("no entries, no overloads", () => {
    expect(runs([], 1)).toEqual([]);
  });

  it("an overload ending on a Friday and one starting the Monday after are one run (the weekend does not count)", () => {
    expect(runs([entry("a", "2027-03-01", "2027-03-12"), entry("b", "2027-03-04", "2027-03-05"), entry("c", "2027-03-08", "2027-03-09")], 1)).toEqual([
      { start: "2027-03-04", finish: "2027-03-09", peak: 2, itemIds: ["a", "b", "c"] },
    ]);
  });

  it("a holiday inside a run does not split it either", () => {
    expect(runs([entry("a", "2027-03-09", "2027-03-09"), entry("b", "2027-03-09", "2027-03-11"), entry("c", "2027-03-11", "2027-03-11")], 1)).toEqual([
      { start: "2027-03-09", finish: "2027-03-11", peak: 2, itemIds: ["a", "b", "c"] },
    ]);
  });

  it("a run's finish is its last working day, not the weekend after it", () => {
    expect(runs([entry("a", "2027-03-01", "2027-03-07"), entry("b", "2027-03-01", "2027-03-07")], 1)).toEqual([
      { start: "2027-03-01", finish: "2027-03-05", peak: 2, itemIds: ["a", "b"] },
    ]);
  });

  it("an overload only on a weekend is no overload", () => {
    expect(runs([entry("a", "2027-03-06", "2027-03-07"), entry("b", "2027-03-06", "2027-03-07")], 1)).toEqual([]);
  });

  it("0.2 + 0.4 + 0.3 + 0.1 in that order is 1.0000000000000002 in floats, and still not over a limit of 1", () => {
    const rates = [0.2, 0.4, 0.3, 0.1];
    expect(rates.reduce((a, b) => a + b)).toBeGreaterThan(1);
    expect(runs(rates.map((r, i) => entry(`i${i}`, "2027-03-01", "2027-03-01", r)), 1)).toEqual([]);
  });

  it("items that end before a run opens are not named in it", () => {
    expect(runs([entry("early", "2027-03-01", "2027-03-02"), entry("a", "2027-03-03", "2027-03-04"), entry("b", "2027-03-04", "2027-03-05")], 1)).toEqual([
      { start: "2027-03-04", finish: "2027-03-04", peak: 2, itemIds: ["a", "b"] },
    ]);
  });

  it("long items cost no more than short ones (no per-day loop): a century-long overload is found at once", () => {
    const started = performance.now();
    const found = runs([entry("a", "2027-01-04", "2126-12-31"), entry("b", "2027-01-04", "2126-12-31")], 1);
    expect(found).toEqual([{ start: "2027-01-04", finish: "2126-12-31", peak: 2, itemIds: ["a", "b"] }]);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("groups are swept apart: the same days in two groups do not add up", () => {
    const loads = new Loads(4);
    loads.add(0, 0, day("2027-03-01"), day("2027-03-05"), 1);
    loads.add(1, 1, day("2027-03-01"), day("2027-03-05"), 1);
    loads.add(1, 2, day("2027-03-03"), day("2027-03-03"), 1);
    loads.add(2, 3, day("2027-03-01"), day("2027-03-05"), 5);
    const found = findOverloads(cal, loads, (g) => [1, 1, 10][g]!);
    expect(found.map((o) => ({ group: o.group, start: fromDayNumber(o.start), finish: fromDayNumber(o.finish), items: o.items }))).toEqual([
      { group: 1, start: "2027-03-03", finish: "2027-03-03", items: [1, 2] },
    ]);
  });

  it("dates thousands of years apart (junk) still sort correctly, through the exact fallback", () => {
    const loads = new Loads(3);
    loads.add(0, 0, day("0100-01-04"), day("0100-01-08"), 1);
    loads.add(0, 1, day("0100-01-04"), day("0100-01-04"), 1);
    loads.add(0, 2, day("9999-01-04"), day("9999-01-04"), 1);
    expect(findOverloads(cal, loads, () => 1).map((o) => fromDayNumber(o.start))).toEqual(["0100-01-04"]);
  });
});
