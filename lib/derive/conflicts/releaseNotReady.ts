import type { Milestone } from "../../model/schemas";
import type { Conflict } from "../types";
import { dayOf, type ConflictContext } from "./context";
import { compareStrings, quote } from "./text";

/**
 * The work that makes a release ready besides building it, recognised by lane name or tag:
 * "Testing", "QA", "Quality"; "Communication", "Comms"; "Go-to-market", "GTM", "Marketing", "Sales".
 */
export const READINESS_PATTERNS: readonly RegExp[] = [
  /test|\bqa\b|quality/i,
  /communic|\bcomms?\b/i,
  /go[- ]?to[- ]?market|\bgtm\b|marketing|\bsales\b/i,
];

const matchesReadiness = (text: string) => READINESS_PATTERNS.some((p) => p.test(text));

/**
 * release-not-ready (warning): a release milestone with no testing, communication or
 * go-to-market activity finishing on or before its date. An activity counts for a release when
 * it finishes after the previous release (so the first release's test plan does not make every
 * later release "ready") or when it is tied to this release, directly or through its phase.
 * Won't-have items do not count. Binary search over sorted finish days: O(log n) per release.
 */
export function releaseNotReadyConflicts(ctx: ConflictContext): Conflict[] {
  const finishes: number[] = [];
  const tiedFinish = new Map<string, number>();
  // Lane names are few: test each once, not once per item.
  const readyLanes = new Set<string>();
  for (const lane of ctx.lanes.values()) if (matchesReadiness(lane.name)) readyLanes.add(lane.id);
  for (const v of ctx.order) {
    const item = ctx.items[v]!;
    if (!ctx.scheduled[v] || item.priority === "wont") continue;
    if (!(item.laneId !== null && readyLanes.has(item.laneId)) && !item.tags.some(matchesReadiness)) continue;
    const finish = ctx.finish[v]!;
    finishes.push(finish);
    const phase = item.phaseId === null ? undefined : ctx.phases.get(item.phaseId);
    for (const tie of [item.deadlineMilestoneId, phase?.milestoneId ?? null]) {
      if (tie !== null && finish < (tiedFinish.get(tie) ?? Infinity)) tiedFinish.set(tie, finish);
    }
  }
  finishes.sort((a, b) => a - b);

  const releases = [...ctx.milestones.values()]
    .filter((m) => m.kind === "release")
    .map((m) => ({ m, day: dayOf(m.date) }))
    .sort((a, b) => a.day - b.day || compareStrings(a.m.id, b.m.id));
  const out: Conflict[] = [];
  let previous: { m: Milestone; day: number } | undefined;
  for (let i = 0; i < releases.length; i++) {
    const release = releases[i]!;
    if (i > 0 && releases[i - 1]!.day < release.day) previous = releases[i - 1];
    const since = previous?.day ?? -Infinity;
    const first = firstAbove(finishes, since);
    if ((first !== undefined && first <= release.day) || (tiedFinish.get(release.m.id) ?? Infinity) <= release.day) continue;
    const sincePrevious = previous ? ` since the previous release ${quote(previous.m.title, "untitled")} on ${previous.m.date}` : "";
    out.push({
      id: `release-not-ready:${release.m.id}`,
      kind: "release-not-ready",
      severity: "warning",
      objectIds: [release.m.id],
      message:
        `Release ${quote(release.m.title, "untitled")} on ${release.m.date} may not be ready: no testing, communication or go-to-market ` +
        `activity finishes on or before it${sincePrevious}. Plan that work before the release, in the Testing, Communication ` +
        `or Go-to-market lane (or tag the items "testing", "communication" or "go-to-market").`,
      fix: null,
    });
  }
  return out;
}

/** The smallest value of a sorted array strictly above `bound`. */
function firstAbove(sorted: readonly number[], bound: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > bound) hi = mid;
    else lo = mid + 1;
  }
  return sorted[lo];
}
