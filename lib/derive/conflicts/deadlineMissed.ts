import type { Milestone } from "../../model/schemas";
import { addWorkingDays, clampWorkingDays, previousWorkingDay, workingDaysBetween } from "../calendar";
import type { Conflict, SuggestedFix } from "../types";
import { dateOf, dayOf, isSettled, type ConflictContext } from "./context";
import { quote, workingDays } from "./text";

/**
 * deadline-missed (error): an item finishes after the date of a milestone it is tied to, either
 * directly (its deadline) or through its phase (the release the phase ends in); both are checked
 * when they differ. Done items and won't-have items are skipped: the first are delivered, the
 * second will not be. A release milestone reads "release missed". A pinned item gets a fix that
 * moves it to finish on the last working day on or before the milestone, unless that would start
 * it before the horizon or before its own dependencies allow (then no move helps: the message
 * asks to shorten the work or move the date). An unpinned item has no move: it already starts as
 * early as its dependencies allow.
 */
export function deadlineMissedConflicts(ctx: ConflictContext): Conflict[] {
  const out: Conflict[] = [];
  if (ctx.milestones.size === 0) return out;
  // Per phase, the milestone it ends in (if it exists), looked up once rather than per item.
  const phaseMilestone = new Map<string, Milestone>();
  for (const phase of ctx.phases.values()) {
    const milestone = phase.milestoneId === null ? undefined : ctx.milestones.get(phase.milestoneId);
    if (milestone) phaseMilestone.set(phase.id, milestone);
  }
  const dayOfMilestone = new Map<Milestone, number>();
  const missed = (v: number, milestone: Milestone) => {
    let day = dayOfMilestone.get(milestone);
    if (day === undefined) dayOfMilestone.set(milestone, (day = dayOf(milestone.date)));
    return ctx.finish[v]! > day;
  };
  for (const v of ctx.order) {
    const item = ctx.items[v]!;
    if (!ctx.scheduled[v]) continue;
    const viaPhase = item.phaseId === null ? undefined : phaseMilestone.get(item.phaseId);
    const direct = item.deadlineMilestoneId === null ? undefined : ctx.milestones.get(item.deadlineMilestoneId);
    if ((!viaPhase && !direct) || isSettled(item)) continue;
    if (direct && missed(v, direct)) out.push(conflict(ctx, v, direct, ""));
    if (viaPhase && viaPhase !== direct && missed(v, viaPhase)) {
      const word = viaPhase.kind === "release" ? "release" : "milestone";
      out.push(conflict(ctx, v, viaPhase, ` (the ${word} its phase ${quote(ctx.phases.get(item.phaseId!)?.name ?? "", "unnamed")} ends in)`));
    }
  }
  return out;
}

function conflict(ctx: ConflictContext, v: number, milestone: Milestone, through: string): Conflict {
  const item = ctx.items[v]!;
  const title = ctx.title(v);
  const release = milestone.kind === "release";
  const deadline = dayOf(milestone.date);
  const late = workingDaysBetween(ctx.cal, deadline + 1, ctx.finish[v]!);
  const start = fixStart(ctx, v, deadline);
  const fix: SuggestedFix | null = start === null ? null : { kind: "move-item", itemId: item.id, start: dateOf(start) };
  const what = release ? "release" : "deadline";
  const todo =
    start !== null
      ? `Move ${title} to start ${dateOf(start)} so it finishes on ${dateOf(previousWorkingDay(ctx.cal, deadline))}, shorten it, or move the ${what}.`
      : ctx.pinned[v]
        ? `It cannot finish in time from the earliest start its dependencies and the horizon allow: shorten it or the work before it, cut its scope, or move the ${what}.`
        : `Its dependencies place it this late: shorten or re-plan the work before it, cut its scope, or move the ${what}.`;
  return {
    id: `deadline-missed:${item.id}:${milestone.id}`,
    kind: "deadline-missed",
    severity: "error",
    objectIds: [item.id, milestone.id],
    message:
      `${release ? "Release" : "Deadline"} missed: ${title} finishes on ${ctx.entry[v]!.finish}, ${workingDays(late)} after ` +
      `the ${what} ${quote(milestone.title, "untitled")} on ${milestone.date}${through}. ${todo}`,
    fix,
  };
}

/** The start that makes a pinned item finish on the deadline's last working day, if allowed. */
function fixStart(ctx: ConflictContext, v: number, deadline: number): number | null {
  if (!ctx.pinned[v]) return null;
  const duration = clampWorkingDays(Math.max(1, ctx.items[v]!.duration));
  const start = addWorkingDays(ctx.cal, previousWorkingDay(ctx.cal, deadline), -(duration - 1));
  const floor = Math.max(dayOf(ctx.snapshot.board.horizonStart), ctx.requiredStart(v) ?? -Infinity);
  return start >= floor && start < ctx.start[v]! ? start : null;
}
