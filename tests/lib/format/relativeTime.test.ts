import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "../../../lib/format/relativeTime";

describe("when something happened, as a person reads it", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  it("says now, minutes and hours for the last few hours, in the reader's language", () => {
    expect(formatRelativeTime("2026-11-25T11:59:30Z", now, "en")).toBe("now");
    expect(formatRelativeTime("2026-11-25T11:59:00Z", now, "en")).toBe("1 minute ago");
    expect(formatRelativeTime("2026-11-25T11:15:00Z", now, "en")).toBe("45 minutes ago");
    expect(formatRelativeTime("2026-11-25T09:00:00Z", now, "en")).toBe("3 hours ago");
    expect(formatRelativeTime("2026-11-25T09:00:00Z", now, "de")).toBe("vor 3 Stunden");
  });
  it("never says a moment lies in the future when the reader's clock is behind", () => {
    expect(formatRelativeTime("2026-11-25T12:00:05Z", now, "en")).toBe("now");
  });
  it("names the weekday within six days", () => {
    const at = new Date("2026-11-23T14:05:00Z");
    expect(formatRelativeTime(at.toISOString(), now, "en")).toBe(at.toLocaleString("en", { weekday: "short", hour: "numeric", minute: "2-digit" }));
  });
  it("gives a date further back, with the year only when it is not this year", () => {
    expect(formatRelativeTime("2026-03-02T10:00:00Z", now, "en")).not.toMatch(/2026/);
    expect(formatRelativeTime("2025-03-02T10:00:00Z", now, "en")).toMatch(/2025/);
  });
  it("says nothing for a timestamp it cannot read", () => {
    expect(formatRelativeTime("not a date", now, "en")).toBe("");
  });
});
