import type { DateString } from "../model/dates";
import type { MilestoneId } from "../model/ids";
import type { Milestone } from "../model/schemas";
import { byIdOrder, type ComparedSide, type ShiftCounter } from "./side";
import { mergeById } from "./mergeById";
import type { ReleaseComparison } from "./types";

/**
 * Every milestone that is a release on either side, with its date on each side and the end of
 * the phases that end in it (the latest finish of their spans). A release that lost its kind
 * is still listed, so a comparison never silently drops a date people agreed on.
 */
export function compareReleases(before: ComparedSide, after: ComparedSide, shifts: ShiftCounter): ReleaseComparison[] {
  const endsBefore = phaseEnds(before);
  const endsAfter = phaseEnds(after);
  const out: ReleaseComparison[] = [];
  mergeById(byIdOrder(before.snapshot.milestones), byIdOrder(after.snapshot.milestones), (x, y) => {
    if (!isRelease(x) && !isRelease(y)) return;
    const id = (y ?? x)!.id;
    const [a, b] = [x?.date ?? null, y?.date ?? null];
    const [pa, pb] = [endsBefore.get(id) ?? null, endsAfter.get(id) ?? null];
    out.push({
      milestoneId: id,
      title: (y ?? x)!.title,
      before: a,
      after: b,
      shift: shifts.maybe(a, b),
      phaseFinish: { before: pa, after: pb, shift: shifts.maybe(pa, pb) },
    });
  });
  return out;
}

const isRelease = (m: Milestone | undefined) => m?.kind === "release";

/** The latest finish of the phases ending in each milestone (phases with no span left out). */
function phaseEnds(side: ComparedSide): Map<MilestoneId, DateString> {
  const finishOf = new Map(side.derived.phaseSpans.map((span) => [span.phaseId as string, span.finish]));
  const out = new Map<MilestoneId, DateString>();
  for (const phase of side.snapshot.phases) {
    const finish = finishOf.get(phase.id);
    if (phase.milestoneId === null || finish === undefined) continue;
    const seen = out.get(phase.milestoneId);
    if (seen === undefined || finish > seen) out.set(phase.milestoneId, finish);
  }
  return out;
}
