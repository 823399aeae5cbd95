import { describe, expect, it } from "vitest";
import { formatDay, MAX_DAY, MIN_DAY, parseDay } from "../../../lib/derive/dayStrings";
import { date, fromDayNumber, toDayNumber } from "../../../lib/model/dates";

describe("day numbers and date strings without Date objects", () => {
  it("formatDay agrees with fromDayNumber on every day from 1900 to 2200 and around the cache edges", () => {
    for (let day = toDayNumber(date("1900-01-01")); day <= toDayNumber(date("2200-12-31")); day++) {
      if (formatDay(day) !== fromDayNumber(day)) expect(formatDay(day)).toBe(fromDayNumber(day));
    }
  });

  it("parseDay agrees with toDayNumber and inverts formatDay", () => {
    for (let day = toDayNumber(date("1900-01-01")); day <= toDayNumber(date("2200-12-31")); day += 7) {
      const text = fromDayNumber(day);
      if (parseDay(text) !== day) expect(parseDay(text)).toBe(toDayNumber(text));
    }
    expect(parseDay(date("2024-02-29"))).toBe(toDayNumber(date("2024-02-29")));
  });

  it("covers the whole range a DateString can hold and clamps beyond it", () => {
    expect(formatDay(MIN_DAY)).toBe("0100-01-01");
    expect(formatDay(MAX_DAY)).toBe("9999-12-31");
    expect(formatDay(MAX_DAY + 500)).toBe("9999-12-31");
    expect(formatDay(-1e12)).toBe("0100-01-01");
    expect(parseDay(date("0100-01-01"))).toBe(MIN_DAY);
    expect(parseDay(date("9999-12-31"))).toBe(MAX_DAY);
    expect(formatDay(parseDay(date("0400-02-29")))).toBe("0400-02-29");
  });
});
