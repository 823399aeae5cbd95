import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDayOf, formatShortDate, localToday } from "../../../lib/format/dates";

describe("calendar dates: one format, the year only when it is not this year's", () => {
  it("writes a date with its weekday, and the year when today is in another year or unknown", () => {
    expect(formatDate("2027-01-11", { today: "2027-03-01" })).toBe("Mon, Jan 11");
    expect(formatDate("2027-01-11", { today: "2026-12-28" })).toBe("Mon, Jan 11, 2027");
    // Without a today (a conflict message, the same for every reader), always with the year.
    expect(formatDate("2026-12-28")).toBe("Mon, Dec 28, 2026");
    expect(formatShortDate("2026-12-28", { today: "2026-01-01" })).toBe("Dec 28");
    expect(formatShortDate("2026-12-28")).toBe("Dec 28, 2026");
  });

  it("is the same day in every time zone (a calendar date has none)", () => {
    // The runtime's zone does not matter: formatting is pinned to UTC for calendar dates.
    expect(formatDate("2026-03-29")).toBe("Sun, Mar 29, 2026");
    expect(formatDate("1900-01-01")).toBe("Mon, Jan 1, 1900");
    expect(formatDate("2199-12-31")).toBe("Tue, Dec 31, 2199");
  });

  it("follows the locale it is given", () => {
    expect(formatDate("2027-01-11", { locale: "de" })).toBe("Mo., 11. Jan. 2027");
    expect(formatShortDate("2027-01-11", { locale: "en-GB", today: "2027-05-05" })).toBe("11 Jan");
  });

  it("leaves what is not a date as it was rather than inventing one", () => {
    expect(formatDate("soon")).toBe("soon");
    expect(formatDate("2027-02-31")).toBe("2027-02-31");
  });
});

describe("moments", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  it("writes a moment with its time, and the year when not this year's", () => {
    expect(formatDateTime("2026-11-12T14:05:00Z", { now, timeZone: "UTC" })).toBe("Nov 12, 2:05 PM");
    expect(formatDateTime("2025-11-12T14:05:00Z", { now, timeZone: "UTC" })).toBe("Nov 12, 2025, 2:05 PM");
    expect(formatDateTime("2026-11-12T14:05:00Z", { timeZone: "UTC" })).toBe("Nov 12, 2026, 2:05 PM");
  });

  it("reads the moment in the zone it is given: the same instant is another day in Tokyo", () => {
    expect(formatDayOf("2026-12-31T20:00:00Z", { now, timeZone: "UTC" })).toBe("Thu, Dec 31");
    expect(formatDayOf("2026-12-31T20:00:00Z", { now, timeZone: "Asia/Tokyo" })).toBe("Fri, Jan 1, 2027");
  });

  it("says nothing for a moment that cannot be read", () => {
    expect(formatDateTime("not a time")).toBe("");
  });

  it("today in the runtime's zone as YYYY-MM-DD", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});
