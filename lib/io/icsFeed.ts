import type { Milestone, MilestoneKind } from "../model/schemas";

/**
 * The iCalendar feed of a board's milestones (RFC 5545), for calendar apps that subscribe to a
 * URL: one all-day VEVENT per milestone. The UID is the milestone's id, so when a milestone
 * moves the calendar updates the event it has rather than adding another.
 */
const KIND_LABEL: Record<MilestoneKind, string> = {
  release: "Release",
  deadline: "Deadline",
  pilot_start: "Pilot start",
  go_live: "Go-live",
  launch_event: "Launch event",
};

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // Other control characters are not allowed in TEXT: drop them.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

const encoder = new TextEncoder();

/**
 * Lines longer than 75 octets are folded (§3.1): CRLF and one space, never inside a UTF-8
 * character (a code point is never split, so neither are its bytes).
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      parts.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const basicDate = (iso: string) => iso.replace(/-/g, "");
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export interface IcsInput {
  boardId: string;
  boardTitle: string;
  milestones: readonly Milestone[];
  /** DTSTAMP: when the feed was made. */
  now: Date;
  /** Where the board is, for each event's URL; omitted when unknown. */
  boardUrl?: string;
}

/** The whole VCALENDAR, CRLF line ends, every line folded. Milestones in date order, then id. */
export function milestonesToIcs({ boardId, boardTitle, milestones, now, boardUrl }: IcsInput): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Waymark//Roadmap milestones//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(`${boardTitle} – milestones`)}`,
  ];
  const sorted = [...milestones].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  for (const m of sorted) {
    const kind = KIND_LABEL[m.kind] ?? "Milestone";
    lines.push(
      "BEGIN:VEVENT",
      `UID:${m.id}@${boardId}.waymark`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${basicDate(m.date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(m.date))}`,
      `SUMMARY:${escapeText(m.title || kind)}`,
      `DESCRIPTION:${escapeText(`${kind} on the roadmap "${boardTitle}"`)}`,
      `CATEGORIES:${escapeText(kind)}`,
      "TRANSP:TRANSPARENT",
      ...(boardUrl ? [`URL:${boardUrl}`] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
