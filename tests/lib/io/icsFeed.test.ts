import { describe, expect, it } from "vitest";
import { escapeText, foldLine, milestonesToIcs } from "../../../lib/io/icsFeed";
import type { Milestone } from "../../../lib/model/schemas";

const ms = (id: string, title: string, date: string, kind: Milestone["kind"] = "release") => ({ id, title, date, kind }) as Milestone;
const now = new Date("2027-02-03T10:20:30.456Z");

/** Unfolds as a calendar app does (RFC 5545 §3.1): CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe("the iCalendar feed", () => {
  it("escapes backslashes, semicolons, commas and line breaks in text", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(escapeText("bell\u0007")).toBe("bell");
  });

  it("folds lines longer than 75 octets with CRLF and a space, never inside a UTF-8 character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const [i, part] of physical.entries()) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });

  it("has one all-day VEVENT per milestone with a stable UID, dates, summary and description", () => {
    const ics = milestonesToIcs({
      boardId: "b1",
      boardTitle: "Citizen portal; phase 2",
      milestones: [ms("m2", "Go-live, nationally", "2027-06-30", "go_live"), ms("m1", "Beta release", "2027-05-03")],
      now,
    });
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const text = unfold(ics);
    const events = text.split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(2);
    expect(events[0]).toContain("UID:m1@b1.waymark");
    expect(events[0]).toContain("DTSTART;VALUE=DATE:20270503\r\n");
    expect(events[0]).toContain("DTEND;VALUE=DATE:20270504\r\n");
    expect(events[0]).toContain("SUMMARY:Beta release\r\n");
    expect(events[0]).toContain('DESCRIPTION:Release on the roadmap "Citizen portal\\; phase 2"\r\n');
    expect(events[0]).toContain("DTSTAMP:20270203T102030Z\r\n");
    expect(events[1]).toContain("UID:m2@b1.waymark");
    expect(events[1]).toContain("SUMMARY:Go-live\\, nationally\r\n");
    expect(events[1]).toContain("Go-live on the roadmap");
  });

  it("keeps a milestone's UID when it moves, so subscribed calendars update the event", () => {
    const before = unfold(milestonesToIcs({ boardId: "b1", boardTitle: "T", milestones: [ms("m1", "Launch", "2027-05-03")], now }));
    const after = unfold(milestonesToIcs({ boardId: "b1", boardTitle: "T", milestones: [ms("m1", "Launch", "2027-05-17")], now }));
    const uid = (s: string) => /UID:(.*)\r\n/.exec(s)![1];
    expect(uid(after)).toBe(uid(before));
    expect(after).toContain("DTSTART;VALUE=DATE:20270517");
  });

  it("is a calendar with no events for a board without milestones", () => {
    const ics = milestonesToIcs({ boardId: "b1", boardTitle: "Empty", milestones: [], now });
    expect(ics).not.toContain("VEVENT");
    expect(ics).toContain("X-WR-CALNAME:Empty – milestones");
  });
});
