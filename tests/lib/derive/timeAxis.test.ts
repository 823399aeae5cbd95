import { describe, expect, it } from "vitest";
import { timeAxis, type TimeAxis } from "../../../lib/derive/timeAxis";
import { date, fromDayNumber, isoWeekday, toDayNumber } from "../../../lib/model/dates";

const day = (s: string) => toDayNumber(date(s));
const horizon = { horizonStart: date("2027-01-04"), horizonEnd: date("2027-03-31") };
const starts = (ticks: TimeAxis["minor"]) => ticks.map((t) => fromDayNumber(t.startDay));

describe("timeAxis", () => {
  it("at weeks, minor ticks are Mondays labelled by date, majors are months with their year", () => {
    const axis = timeAxis({ ...horizon, days: [] }, "weeks");
    expect(axis.minor.every((t) => isoWeekday(t.startDay) === 1)).toBe(true);
    expect(axis.minor.find((t) => t.startDay === day("2027-01-04"))?.label).toBe("Jan 4");
    expect(axis.major.map((t) => t.label)).toContain("February 2027");
  });

  it("at months, minor ticks are months and majors are quarters", () => {
    const axis = timeAxis({ ...horizon, days: [] }, "months");
    expect(starts(axis.minor)).toEqual(["2026-12-01", "2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01"]);
    expect(axis.minor.map((t) => t.label)).toEqual(["Dec", "Jan", "Feb", "Mar", "Apr"]);
    expect(axis.major.map((t) => t.label)).toEqual(["Q4 2026", "Q1 2027", "Q2 2027"]);
  });

  it("at quarters, minor ticks are quarters and majors are years", () => {
    const axis = timeAxis({ ...horizon, days: [] }, "quarters");
    expect(axis.minor.map((t) => t.label)).toEqual(["Q4", "Q1", "Q2"]);
    expect(axis.major.map((t) => t.label)).toEqual(["2026", "2027"]);
  });

  it("covers the horizon with one whole unit of margin on each side", () => {
    const axis = timeAxis({ ...horizon, days: [] }, "months");
    expect(fromDayNumber(axis.startDay)).toBe("2026-12-01");
    expect(fromDayNumber(axis.endDay)).toBe("2027-05-01");
  });

  it("widens to every dated thing outside the horizon, so nothing is drawn off the axis", () => {
    const axis = timeAxis({ ...horizon, days: [day("2026-10-20"), day("2027-07-02")] }, "months");
    expect(axis.startDay).toBeLessThanOrEqual(day("2026-10-20"));
    expect(axis.endDay).toBeGreaterThan(day("2027-07-02"));
  });

  it("ticks tile the axis exactly: no gaps, no overlaps, clamped at both ends", () => {
    for (const scale of ["weeks", "months", "quarters"] as const) {
      const axis = timeAxis({ ...horizon, days: [day("2027-06-15")] }, scale);
      for (const tier of [axis.minor, axis.major]) {
        expect(tier[0]!.startDay).toBe(axis.startDay);
        expect(tier[tier.length - 1]!.endDay).toBe(axis.endDay);
        for (let i = 1; i < tier.length; i++) expect(tier[i]!.startDay).toBe(tier[i - 1]!.endDay);
      }
    }
  });

  it("accepts a horizon that ends before it starts (a state concurrent edits can reach)", () => {
    const axis = timeAxis({ horizonStart: date("2027-03-31"), horizonEnd: date("2027-01-04"), days: [] }, "months");
    expect(axis.startDay).toBeLessThan(day("2027-01-04"));
    expect(axis.endDay).toBeGreaterThan(day("2027-03-31"));
  });
});
