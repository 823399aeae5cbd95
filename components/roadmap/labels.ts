import { formatDate as longDate, formatDateRange, formatShortDate as shortDate, localToday } from "../../lib/format/dates";
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

/**
 * The board's dates as the whole app writes them (lib/format/dates.ts): "Jan 11" and
 * "Mon, Jan 11" in the reader's current year, with the year otherwise. The board is drawn in
 * the browser only, so the reader's today is known; it is read at most once a minute, since
 * bars are labelled on every redraw (the formatted strings themselves are cached there).
 */
let today = "";
let todayReadAt = -Infinity;
function readersToday(): string {
  const now = Date.now();
  if (now - todayReadAt > 60_000) {
    today = localToday(new Date(now));
    todayReadAt = now;
  }
  return today;
}

export const formatShortDate = (date: string): string => shortDate(date, { today: readersToday() });
export const formatLongDate = (date: string): string => longDate(date, { today: readersToday() });
/** "Jan 11 – Mar 5" (or with " to " for screen readers): one span, its year said once. */
export const formatDateSpan = (start: string, finish: string, joiner?: string): string =>
  formatDateRange(start, finish, { today: readersToday(), joiner });
