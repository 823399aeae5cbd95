import type { VersionRecord } from "../storage/versionStore";

const DAY_MS = 86_400_000;
/** Every automatic version of the last week is kept, and the recorded history between them. */
export const KEEP_ALL_DAYS = 7;
/** Then one a day (the newest of each day) up to this age, then one a week. */
export const KEEP_DAILY_DAYS = 56;

/**
 * Which automatic versions to delete as they age (docs/history.md): all of the last 7 days are
 * kept, then the newest of each day until 8 weeks, then the newest of each ISO week. Named
 * versions, the baseline, workshops' and scenarios' versions are always kept. Pure: `now` is passed in.
 */
export function versionsToThin(versions: readonly VersionRecord[], now: Date, baselineId: string | null): string[] {
  const kept = new Set<string>();
  const out: string[] = [];
  // Newest first, so the first seen of a day or week is the one kept.
  const newestFirst = [...versions].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  for (const v of newestFirst) {
    // A workshop's start and end versions are what its record compares: kept with the workshop.
    // A scenario's fork is the base its three-way compare and adopt read (docs/teams.md).
    if (v.name !== null || v.id === baselineId || v.reason === "workshop" || v.reason === "scenario") continue;
    const created = Date.parse(v.createdAt);
    const age = now.getTime() - created;
    if (!(age > KEEP_ALL_DAYS * DAY_MS)) continue;
    const bucket = age <= KEEP_DAILY_DAYS * DAY_MS ? `d${Math.floor(created / DAY_MS)}` : `w${isoWeek(created)}`;
    if (kept.has(bucket)) out.push(v.id);
    else kept.add(bucket);
  }
  return out;
}

/** Weeks since 1970-01-05, a Monday: one number per ISO week. */
function isoWeek(ms: number): number {
  return Math.floor((ms - 4 * DAY_MS) / (7 * DAY_MS));
}
