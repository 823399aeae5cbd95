import { formatDateTime } from "../../../lib/format/dates";
import type { Version } from "./versionsApi";

/** Why an automatic version was taken, in words. */
const REASONS: Record<string, string> = {
  quiet: "editing resumed",
  daily: "first edit of the day",
  restore: "before a restore",
  import: "before an import",
  workshop: "workshop start or end",
  named: "saved",
};

/** "Workshop plan · Dec 7, 2:05 PM" or "Automatic (first edit of the day) · Dec 7, 9:00 AM". */
export function versionLabel(v: Version, now: Date = new Date()): string {
  const when = formatDateTime(v.createdAt, { now });
  const what = v.kind === "named" && v.name ? v.name : `Automatic (${REASONS[v.reason] ?? v.reason})`;
  return `${what} \u00b7 ${when}`;
}
