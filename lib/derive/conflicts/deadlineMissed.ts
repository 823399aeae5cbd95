import type { Milestone } from "../../model/schemas";
import { addWorkingDays, clampWorkingDays, previousWorkingDay, workingDaysBetween } from "../calendar";
import type { Conflict, SuggestedFix } from "../types";
import { dateOf, dayOf, type ConflictContext } from "./context";
import { SETTLED } from "./itemFacts";
import { dateWords, quote, workingDays } from "./text";

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
  const check = deadlineMissedCheck(ctx);
  if (check) for (const v of ctx.order) check(v, out);
  return out;
}

/** The rule for one item at a time (pushing its conflicts onto `out`); null when no milestone exists. */
export function deadlineMissedCheck(ctx: ConflictContext): ((v: number, out: Conflict[]) => void) | null {
  const { facts, scheduled, finish } = ctx;
  const { milestones, phases, phaseMilestone, milestoneDay: day } = facts;
  if (milestones.length === 0) return null;
  return (v, out) => {
    if (!scheduled[v]) return;
    const direct = facts.deadline[v]!;
    const viaPhase = facts.phase[v]! < 0 ? -1 : phaseMilestone[facts.phase[v]!]!;
    if ((direct < 0 && viaPhase < 0) || facts.flags[v]! & SETTLED) return;
    if (direct >= 0 && finish[v]! > day[direct]!) out.push(conflict(ctx, v, milestones[direct]!, ""));
    if (viaPhase >= 0 && viaPhase !== direct && finish[v]! > day[viaPhase]!) {
      const milestone = milestones[viaPhase]!;
      const word = milestone.kind === "release" ? "release" : "milestone";
      out.push(conflict(ctx, v, milestone, ` (the ${word} its phase ${quote(phases[facts.phase[v]!]!.name, "unnamed")} ends in)`));
    }
  };
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
      ? `Move ${title} to start ${dateWords(dateOf(start))} so it finishes on ${dateWords(dateOf(previousWorkingDay(ctx.cal, deadline)))}, shorten it, or move the ${what}.`
      : ctx.pinned[v]
        ? `It cannot finish in time from the earliest start its dependencies and the horizon allow: shorten it or the work before it, cut its scope, or move the ${what}.`
        : `Its dependencies place it this late: shorten or re-plan the work before it, cut its scope, or move the ${what}.`;
  return {
    id: `deadline-missed:${item.id}:${milestone.id}`,
    kind: "deadline-missed",
    severity: "error",
    objectIds: [item.id, milestone.id],
    message:
      `${release ? "Release" : "Deadline"} missed: ${title} finishes on ${dateWords(ctx.entry[v]!.finish)}, ${workingDays(late)} after ` +
      `the ${what} ${quote(milestone.title, "untitled")} on ${dateWords(milestone.date)}${through}. ${todo}`,
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
