import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  finishDay,
  isWorkingDay,
  makeCalendar,
  MAX_WORKING_DAYS,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from "../../../lib/derive/calendar";
import { date, fromDayNumber, toDayNumber, type DateString } from "../../../lib/model/dates";

const day = (s: string) => toDayNumber(date(s));
const weekdays = makeCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: [] });
const finish = (cal: ReturnType<typeof makeCalendar>, start: string, duration: number) =>
  fromDayNumber(finishDay(cal, day(start), duration));

describe("finishDay on a Monday-to-Friday calendar", () => {
  it.each([
    ["a 1-day item starts and finishes the same day", "2027-01-06", 1, "2027-01-06"],
    ["a 5-day item from Monday finishes Friday", "2027-01-04", 5, "2027-01-08"],
    ["a 6-day item from Monday skips the weekend", "2027-01-04", 6, "2027-01-11"],
    ["a 3-day item from Thursday finishes Monday", "2027-01-07", 3, "2027-01-11"],
    ["a 10-day item spans exactly two weeks", "2027-01-04", 10, "2027-01-15"],
    ["an item pinned on Saturday starts Monday", "2027-01-09", 1, "2027-01-11"],
    ["a 0-day item is drawn as 1 day", "2027-01-04", 0, "2027-01-04"],
    ["a negative duration is drawn as 1 day", "2027-01-04", -5, "2027-01-04"],
    ["a 20-day item across a month end", "2027-01-25", 20, "2027-02-19"],
  ])("%s", (_what, start, duration, expected) => {
    expect(finish(weekdays, start, duration)).toBe(expected);
  });
});

describe("holidays and odd calendars", () => {
  const withHolidays = makeCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: [date("2027-01-06"), date("2027-01-11")] });

  it.each([
    ["a holiday inside the span pushes the finish by a day", "2027-01-04", 5, "2027-01-12"],
    ["a 1-day item on a holiday moves to the next working day", "2027-01-06", 1, "2027-01-07"],
    ["a holiday Monday after a weekend is skipped too", "2027-01-08", 2, "2027-01-12"],
  ])("%s", (_what, start, duration, expected) => {
    expect(finish(withHolidays, start, duration)).toBe(expected);
  });

  it("a four-day week (Monday to Thursday) skips Fridays", () => {
    const cal = makeCalendar({ workingDays: [1, 2, 3, 4], holidays: [] });
    expect(finish(cal, "2027-01-04", 5)).toBe("2027-01-11");
    expect(isWorkingDay(cal, day("2027-01-08"))).toBe(false);
  });

  it("a calendar with no working weekday falls back to every day instead of hanging", () => {
    const cal = makeCalendar({ workingDays: [], holidays: [] });
    expect(finish(cal, "2027-01-09", 3)).toBe("2027-01-11");
  });

  it("out-of-range weekdays count as none, so the calendar still falls back to every day", () => {
    const cal = makeCalendar({ workingDays: [0, 8, -1], holidays: [] });
    expect(finish(cal, "2027-01-04", 7)).toBe("2027-01-10");
  });

  it("returns, without hanging, when holidays cover every working day for years", () => {
    const mondays: DateString[] = [];
    for (let d = day("2027-01-04"); d < day("2027-01-04") + 7 * 2000; d += 7) mondays.push(fromDayNumber(d));
    const cal = makeCalendar({ workingDays: [1], holidays: mondays });
    const started = performance.now();
    const end = finishDay(cal, day("2027-01-04"), 2);
    expect(isWorkingDay(cal, end)).toBe(true);
    expect(end).toBeGreaterThan(toDayNumber(mondays.at(-1)!));
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  // Commands cap durations at 10 000 days, but the snapshot keeps any integer a peer wrote, and
  // every replica lays the board out: a huge value must not freeze them all.
  it("stays fast on an absurd duration written by a foreign peer", () => {
    const started = performance.now();
    const end = finishDay(weekdays, day("2027-01-04"), 100_000_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(() => fromDayNumber(end)).not.toThrow();
    expect(end).toBe(addWorkingDays(weekdays, day("2027-01-04"), MAX_WORKING_DAYS));
    expect(addWorkingDays(weekdays, day("2027-01-04"), -Number.MAX_SAFE_INTEGER)).toBe(
      addWorkingDays(weekdays, day("2027-01-04"), -MAX_WORKING_DAYS),
    );
  });
});

describe("working-day arithmetic", () => {
  it.each([
    ["forwards over a weekend", "2027-01-08", 1, "2027-01-11"],
    ["backwards over a weekend", "2027-01-11", -1, "2027-01-08"],
    ["zero days stays put", "2027-01-06", 0, "2027-01-06"],
    ["a whole working week", "2027-01-06", 5, "2027-01-13"],
  ])("addWorkingDays %s", (_what, from, n, expected) => {
    expect(fromDayNumber(addWorkingDays(weekdays, day(from), n))).toBe(expected);
  });

  it("next and previous working day from a Saturday", () => {
    expect(fromDayNumber(nextWorkingDay(weekdays, day("2027-01-09")))).toBe("2027-01-11");
    expect(fromDayNumber(previousWorkingDay(weekdays, day("2027-01-09")))).toBe("2027-01-08");
    expect(nextWorkingDay(weekdays, day("2027-01-06"))).toBe(day("2027-01-06"));
  });

  it("workingDaysBetween counts both ends and is 0 for a reversed range", () => {
    expect(workingDaysBetween(weekdays, day("2027-01-04"), day("2027-01-17"))).toBe(10);
    expect(workingDaysBetween(weekdays, day("2027-01-09"), day("2027-01-10"))).toBe(0);
    expect(workingDaysBetween(weekdays, day("2027-01-10"), day("2027-01-04"))).toBe(0);
  });

  it("finishDay and workingDaysBetween agree: an item lasts its duration in working days", () => {
    const cal = makeCalendar({ workingDays: [1, 2, 3, 5], holidays: [date("2027-02-01")] });
    for (let start = day("2027-01-04"); start < day("2027-01-04") + 60; start++) {
      for (const duration of [1, 2, 7, 13]) {
        const first = nextWorkingDay(cal, start);
        expect(workingDaysBetween(cal, first, finishDay(cal, start, duration))).toBe(duration);
      }
    }
  });
});
