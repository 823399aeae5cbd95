import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  date,
  dateStringSchema,
  fromDayNumber,
  isDateString,
  isoWeekday,
  toDayNumber,
} from "../../../lib/model/dates";

describe("isDateString accepts only real YYYY-MM-DD dates", () => {
  it.each(["2027-01-04", "2028-02-29", "2000-02-29", "1999-12-31", "2027-04-30", "1970-01-01"])("accepts %s", (s) => {
    expect(isDateString(s)).toBe(true);
  });

  it.each([
    ["2027-02-30", "February 30th"],
    ["2027-02-29", "Feb 29 in a non-leap year"],
    ["1900-02-29", "Feb 29 in a century non-leap year"],
    ["2027-04-31", "April 31st"],
    ["2027-13-01", "month 13"],
    ["2027-00-10", "month 0"],
    ["2027-01-00", "day 0"],
    ["2027-1-04", "a one-digit month"],
    ["27-01-04", "a two-digit year"],
    ["2027/01/04", "slashes"],
    ["2027-01-04T00:00:00Z", "a time part"],
    [" 2027-01-04", "leading space"],
    ["", "empty string"],
  ])("rejects %s (%s)", (s) => {
    expect(isDateString(s)).toBe(false);
    expect(dateStringSchema.safeParse(s).success).toBe(false);
  });

  it("the schema's message says what shape is expected", () => {
    const parsed = dateStringSchema.safeParse("2027-02-30");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
  });

  it("date() throws on a typo in a trusted literal", () => {
    expect(() => date("2027-02-30")).toThrow(/not a date/);
    expect(date("2027-03-01")).toBe("2027-03-01");
  });
});

describe("day numbers", () => {
  it.each([
    ["1970-01-01", 0],
    ["1970-01-02", 1],
    ["1969-12-31", -1],
    ["2000-01-01", 10957],
    ["2027-01-04", 20822],
    ["2028-02-29", 21243],
  ])("%s is day %i", (s, n) => {
    expect(toDayNumber(date(s))).toBe(n);
    expect(fromDayNumber(n)).toBe(s);
  });

  it("round-trips every day from 1950 to 2100 through its date string", () => {
    const broken: string[] = [];
    for (let day = toDayNumber(date("1950-01-01")); day <= toDayNumber(date("2100-12-31")); day++) {
      const s = fromDayNumber(day);
      if (!isDateString(s) || toDayNumber(s) !== day) broken.push(`${day} -> ${s}`);
    }
    expect(broken).toEqual([]);
  });

  it.each([
    ["2028-02-28", 1, "2028-02-29"],
    ["2027-02-28", 1, "2027-03-01"],
    ["2027-12-31", 1, "2028-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2027-01-04", 28, "2027-02-01"],
  ])("addCalendarDays(%s, %i) is %s", (from, n, to) => {
    expect(addCalendarDays(date(from), n)).toBe(to);
  });
});

describe("isoWeekday: 1 = Monday ... 7 = Sunday", () => {
  it.each([
    ["1970-01-01", 4, "Thursday"],
    ["2027-01-04", 1, "Monday"],
    ["2027-01-08", 5, "Friday"],
    ["2027-01-09", 6, "Saturday"],
    ["2027-01-10", 7, "Sunday"],
    ["2024-02-29", 4, "Thursday"],
    ["1969-12-28", 7, "Sunday before day 0 (negative day number)"],
    ["1969-12-29", 1, "Monday before day 0"],
  ])("%s is weekday %i (%s)", (s, weekday) => {
    expect(isoWeekday(toDayNumber(date(s)))).toBe(weekday);
  });

  it("agrees with the platform's weekday for every day across a decade", () => {
    const wrong: number[] = [];
    for (let day = -2000; day < 1650; day++) {
      const jsDay = new Date(day * 86_400_000).getUTCDay();
      if (isoWeekday(day) !== (jsDay === 0 ? 7 : jsDay)) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });
});
