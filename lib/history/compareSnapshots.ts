import type { BoardSnapshot } from "../model/snapshot";
import type { ScheduleResult } from "../derive/schedule";
import { compareItems } from "./compareItems";
import { compareMilestones, compareNamed } from "./compareRecords";
import { compareReleases } from "./releases";
import { ShiftCounter, sideOf } from "./side";
import type { BoardComparison } from "./types";

/** Schedules a caller already derived for either side (see ComparedSide); derived afresh when absent. */
export interface CompareOptions {
  beforeSchedule?: ScheduleResult;
  afterSchedule?: ScheduleResult;
}

/**
 * What changed between two snapshots of a board: items, milestones, lanes and phases added,
 * removed or changed, the board's finish and each release before and after. Pure and
 * deterministic (no clock, lists sorted by id), so the server and every browser give the
 * same answer. Shifts are counted in working days of the `after` board's calendar. What
 * counts as a change, and why: docs/history.md ("Compare").
 */
export function compareSnapshots(before: BoardSnapshot, after: BoardSnapshot, options: CompareOptions = {}): BoardComparison {
  const a = sideOf(before, options.beforeSchedule);
  const b = sideOf(after, options.afterSchedule);
  const shifts = new ShiftCounter(after.board);
  const [fa, fb] = [a.derived.schedule.boardFinish, b.derived.schedule.boardFinish];
  return {
    items: compareItems(a, b, shifts),
    milestones: compareMilestones(before.milestones, after.milestones, shifts),
    lanes: compareNamed(before.lanes, after.lanes),
    phases: compareNamed(before.phases, after.phases),
    boardFinish: { before: fa, after: fb, shift: shifts.maybe(fa, fb) },
    releases: compareReleases(a, b, shifts),
  };
}

/** True when nothing in the comparison changed (the finish and releases included). */
export function isEmptyComparison(c: BoardComparison): boolean {
  return (
    c.items.length === 0 &&
    c.milestones.length === 0 &&
    c.lanes.length === 0 &&
    c.phases.length === 0 &&
    c.boardFinish.before === c.boardFinish.after &&
    c.releases.every((r) => r.before === r.after && r.phaseFinish.before === r.phaseFinish.after)
  );
}
