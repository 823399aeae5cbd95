import type { Milestone } from "../../model/schemas";
import type { Conflict } from "../types";
import type { ConflictContext } from "./context";
import { TAGGED_READY, WONT } from "./itemFacts";
import { dateWords, quote } from "./text";

export { READINESS_PATTERNS } from "./readiness";

/**
 * release-not-ready (warning): a release milestone with no testing, communication or
 * go-to-market activity finishing on or before its date. An activity counts for a release when
 * it finishes after the previous release (so the first release's test plan does not make every
 * later release "ready") or when it is tied to this release, directly or through its phase.
 * Won't-have items do not count. Binary search over sorted finish days: O(log n) per release.
 */
export function releaseNotReadyConflicts(ctx: ConflictContext): Conflict[] {
  const { facts, scheduled, finish } = ctx;
  const { phaseMilestone, readyLane, releases } = facts;
  const finishes: number[] = [];
  // Per milestone (its position in facts.milestones), the earliest finish of the work tied to it.
  const tiedFinish = new Float64Array(facts.milestones.length).fill(Infinity);
  for (const v of ctx.order) {
    if (!scheduled[v] || facts.flags[v]! & WONT) continue;
    if (!(facts.lane[v]! >= 0 && readyLane[facts.lane[v]!]) && !(facts.flags[v]! & TAGGED_READY)) continue;
    const f = finish[v]!;
    finishes.push(f);
    const direct = facts.deadline[v]!;
    const viaPhase = facts.phase[v]! < 0 ? -1 : phaseMilestone[facts.phase[v]!]!;
    if (direct >= 0 && f < tiedFinish[direct]!) tiedFinish[direct] = f;
    if (viaPhase >= 0 && f < tiedFinish[viaPhase]!) tiedFinish[viaPhase] = f;
  }
  finishes.sort((a, b) => a - b);

  const out: Conflict[] = [];
  // A ConflictFinder hands back last call's conflict for the same release and previous release.
  const memory = ctx.memory;
  const made: NonNullable<typeof memory>["releases"] = new Map();
  let previous: { m: Milestone; day: number } | undefined;
  for (let i = 0; i < releases.length; i++) {
    const release = releases[i]!;
    if (i > 0 && releases[i - 1]!.day < release.day) previous = releases[i - 1];
    const since = previous?.day ?? -Infinity;
    const first = firstAbove(finishes, since);
    if ((first !== undefined && first <= release.day) || tiedFinish[release.k]! <= release.day) continue;
    const last = memory?.releases?.get(release.m.id);
    const conflict = last && last.release === release.m && last.previous === previous?.m ? last.conflict : notReady(release.m, previous?.m);
    made.set(release.m.id, { release: release.m, previous: previous?.m, conflict });
    out.push(conflict);
  }
  if (memory) memory.releases = made;
  return out;
}

function notReady(release: Milestone, previous: Milestone | undefined): Conflict {
  const sincePrevious = previous ? ` since the previous release ${quote(previous.title, "untitled")} on ${dateWords(previous.date)}` : "";
  return {
    id: `release-not-ready:${release.id}`,
    kind: "release-not-ready",
    severity: "warning",
    objectIds: [release.id],
    message:
      `Release ${quote(release.title, "untitled")} on ${dateWords(release.date)} may not be ready: no testing, communication or go-to-market ` +
      `activity finishes on or before it${sincePrevious}. Plan that work before the release, in the Testing, Communication ` +
      `or Go-to-market lane (or tag the items "testing", "communication" or "go-to-market").`,
    fix: null,
  };
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
