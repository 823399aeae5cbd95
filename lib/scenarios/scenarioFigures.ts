import type { DateString } from "../model/dates";
import type { BoardSnapshot } from "../model/snapshot";
import { makeCalendar } from "../derive/calendar";
import { findConflicts } from "../derive/conflicts/index";
import { laneLoads } from "../derive/laneLoad";
import { Scheduler, type ScheduleResult } from "../derive/schedule";
import type { ScenarioFigures } from "../protocol/scenarios";

/**
 * The figures the side-by-side compares (docs/teams.md "Scenarios"), all from lib/derive: the
 * board's finish, each release's date and when the phases ending in it finish, the critical
 * path to the board's end, the conflict count and each lane's peak daily load. `derived` is a
 * schedule the caller already has for this snapshot.
 */
export function scenarioFigures(snapshot: BoardSnapshot, today: DateString, derived?: ScheduleResult): ScenarioFigures {
  const { schedule, phaseSpans } = derived ?? new Scheduler().run(snapshot);
  const finishOf = new Map(phaseSpans.map((span) => [span.phaseId as string, span.finish]));
  const titleOf = new Map(snapshot.items.map((item) => [item.id as string, item.title || "Untitled"]));
  const loads = laneLoads(snapshot, schedule, makeCalendar(snapshot.board));
  const path = schedule.criticalPaths.find((p) => p.target.kind === "board-end");
  return {
    boardFinish: schedule.boardFinish,
    releases: snapshot.milestones
      .filter((m) => m.kind === "release")
      .map((m) => {
        const ends = snapshot.phases.filter((p) => p.milestoneId === m.id).flatMap((p) => finishOf.get(p.id) ?? []);
        return { milestoneId: m.id, title: m.title, date: m.date, ready: ends.length > 0 ? ends.reduce((a, b) => (b > a ? b : a)) : null };
      }),
    criticalPath: (path?.itemIds ?? []).map((id) => titleOf.get(id) ?? "?"),
    conflictCount: findConflicts(snapshot, schedule, { today }).length,
    laneLoad: snapshot.lanes.map((lane) => ({ laneId: lane.id, name: lane.name, load: loads.get(lane.id)?.peak ?? 0 })),
  };
}
