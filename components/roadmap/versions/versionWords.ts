import { formatDateTime } from "../../../lib/format/dates";
import { countOf } from "../../../lib/format/plural";
import { formatRelativeTime } from "../../../lib/format/relativeTime";
import type { VersionReason } from "../../../lib/protocol/versions";
import type { Version } from "../history/versionsApi";

/**
 * Why an automatic version exists, in the words people read in the versions list. The server's
 * rules (server/history/autoVersions.ts): after 30 minutes without an edit, at the first edit of
 * a (UTC) day, just before a restore or an import, when a scenario is forked from the board or
 * adopted into it (docs/teams.md). A version is the board as it was BEFORE that.
 */
export const AUTOMATIC_REASONS: Record<Exclude<VersionReason, "named">, string> = {
  quiet: "Automatic · after 30 min of quiet",
  daily: "Automatic · first edit of the day",
  restore: "Automatic · before a restore",
  import: "Automatic · before an import",
  workshop: "Automatic · workshop start or end",
  scenario: "Automatic · scenario forked or adopted",
};

/** The line a version is known by: its name, or why it was taken. */
export function versionTitle(version: Pick<Version, "name" | "reason">): string {
  if (version.name) return version.name;
  // A reason this page does not know yet (a newer server): still an automatic version.
  return AUTOMATIC_REASONS[version.reason as keyof typeof AUTOMATIC_REASONS] ?? "Automatic version";
}

/** "Ana Owner · 5 minutes ago": who saved it (or whose edit took it) and when. */
export function versionByline(version: Pick<Version, "authorName" | "createdAt">, now: Date): string {
  const when = formatRelativeTime(version.createdAt, now);
  return version.authorName ? `${version.authorName} · ${when}` : when;
}

/** The exact moment, for a tooltip and the replay banner: "Dec 7, 2:05 PM". */
export function versionMoment(version: Pick<Version, "createdAt">, now: Date): string {
  return formatDateTime(version.createdAt, { now });
}

/** What "Restore" does, said before it does it. */
export function restoreWarning(title: string, itemTitle?: string): string {
  const what = itemTitle ? `“${itemTitle}” goes back to how it was in “${title}”` : `The board goes back to how it was in “${title}”`;
  return `${what}. A version of the board as it is now is saved first, everyone sees the change at once, and you can undo it (Ctrl+Z or Undo).`;
}

/** The toast after a restore: what changed, and that Undo takes it back. */
export function restoredMessage(title: string, changed: number, itemTitle?: string): string {
  if (changed === 0) return itemTitle ? `“${itemTitle}” already matches “${title}”: nothing changed.` : `The board already matches “${title}”: nothing changed.`;
  const what = itemTitle ? `“${itemTitle}”` : "the board";
  return `Restored ${what} to “${title}” (${countOf(changed, "change")}).`;
}
