import { describe, expect, it } from "vitest";
import { makeCalendar } from "../../../lib/derive/calendar";
import { durationForFinish } from "../../../lib/derive/durationFromFinish";
import { describeDuration } from "../../../lib/derive/durationWords";
import { date } from "../../../lib/model/dates";

const weekdays = makeCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: [date("2027-01-06")] });

describe("durationForFinish: setting an item's finish sets its duration in working days", () => {
  it.each([
    ["the same day", "2027-01-04", "2027-01-04", 1],
    ["to Friday, across the holiday on Wednesday", "2027-01-04", "2027-01-08", 4],
    ["to a Sunday, which ends the item on the Friday before", "2027-01-04", "2027-01-10", 4],
    ["from a Saturday start, counted from the Monday", "2027-01-09", "2027-01-15", 5],
    ["over a year", "2027-01-04", "2027-12-31", 259],
  ])("%s", (_what, start, finish, days) => {
    expect(durationForFinish(weekdays, date(start), date(finish))).toBe(days);
  });

  it("is null when the finish is before the item's first working day", () => {
    expect(durationForFinish(weekdays, date("2027-01-04"), date("2027-01-03"))).toBeNull();
    expect(durationForFinish(weekdays, date("2027-01-09"), date("2027-01-10"))).toBeNull();
  });
});

describe("describeDuration: long durations also read in months or years", () => {
  it.each([
    [1, "1 working day"],
    [15, "15 working days"],
    [30, "30 working days"],
    [40, "40 working days (≈ 2 months)"],
    [65, "65 working days (≈ 3 months)"],
    [261, "261 working days (≈ 1 year)"],
    [1000, "1,000 working days (≈ 3.8 years)"],
    [10000, "10,000 working days (≈ 38 years)"],
  ])("%d working days on a 5-day week", (days, words) => {
    expect(describeDuration(days, weekdays)).toBe(words);
  });

  it("counts by the board's working week", () => {
    expect(describeDuration(1000, makeCalendar({ workingDays: [1, 2, 3, 4], holidays: [] }))).toBe("1,000 working days (≈ 4.8 years)");
  });
});
