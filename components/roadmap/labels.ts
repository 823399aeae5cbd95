import type { ItemStatus, MilestoneKind, Priority } from "../../lib/model/schemas";

/** Words people read for the enum values the document stores. */
export const STATUS_LABELS: Record<ItemStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  at_risk: "At risk",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  must: "Must have",
  should: "Should have",
  could: "Could have",
  wont: "Won't have",
};

export const MILESTONE_KIND_LABELS: Record<MilestoneKind, string> = {
  release: "Release",
  deadline: "Deadline",
  pilot_start: "Pilot start",
  go_live: "Go-live",
  launch_event: "Launch event",
};

/** Phase chips cycle through calm tints; full class names so Tailwind keeps them. */
export const PHASE_TINTS = [
  "bg-indigo-100 text-indigo-800 dark:bg-indigo-500/20 dark:text-indigo-200",
  "bg-sky-100 text-sky-800 dark:bg-sky-500/20 dark:text-sky-200",
  "bg-teal-100 text-teal-800 dark:bg-teal-500/20 dark:text-teal-200",
  "bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-200",
  "bg-rose-100 text-rose-800 dark:bg-rose-500/20 dark:text-rose-200",
  "bg-violet-100 text-violet-800 dark:bg-violet-500/20 dark:text-violet-200",
] as const;

export const phaseTint = (index: number) => PHASE_TINTS[index % PHASE_TINTS.length]!;

const SHORT_DATE = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const LONG_DATE = new Intl.DateTimeFormat("en", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/**
 * Dates are calendar dates without a zone: format them in UTC so no zone shifts the day. Short
 * dates label every bar's tooltip on every redraw, and Intl formatting is slow next to a map
 * lookup, so each date is formatted once (a board spans a few hundred distinct days).
 */
const shortDates = new Map<string, string>();
export function formatShortDate(date: string): string {
  let text = shortDates.get(date);
  if (text === undefined) {
    text = SHORT_DATE.format(new Date(`${date}T00:00:00Z`));
    if (shortDates.size > 20_000) shortDates.clear();
    shortDates.set(date, text);
  }
  return text;
}
export const formatLongDate = (date: string) => LONG_DATE.format(new Date(`${date}T00:00:00Z`));
