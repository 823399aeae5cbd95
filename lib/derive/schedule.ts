import type { Dependency, Item } from "../model/schemas";
import type { BoardSnapshot } from "../model/snapshot";
import { makeCalendar, workIndex, type WorkCalendar } from "./calendar";
import { criticalPaths } from "./criticalPaths";
import { MAX_DAY, MIN_DAY, parseDay } from "./dayStrings";
import { buildGraph, sortedById, type ScheduleGraph } from "./scheduleGraph";
import { itemInputs, type ItemInputs } from "./scheduleInputs";
import { attachScheduleIndex, type ScheduleIndex } from "./scheduleIndex";
import { buildEntries, phaseSpansOf, type PreviousEntries } from "./scheduleOutput";
import { runPasses } from "./schedulePasses";
import type { PhaseSpan, Schedule } from "./types";
import { WorkDays } from "./workDays";

/**
 * Schedules a board: pinned items where the user put them (a pinned weekend start is drawn
 * from the next working day), unpinned items as early as their finish-to-start links and lags
 * allow but never before the board's start, unpinned items without a scheduled predecessor
 * listed as unscheduled. Links inside a cycle are ignored and the cycle reported; links to
 * missing items are ignored; durations under 1 count as 1 (conflicts report both). Then the
 * critical path method: late dates against the board's end and each item's deadlines, total
 * slack (negative when a deadline cannot be met, never clamped), and the critical paths.
 *
 * Deterministic: the output depends on the records, not on the order of the snapshot's arrays.
 */
export function computeSchedule(snapshot: BoardSnapshot): Schedule {
  return new Scheduler().run(snapshot).schedule;
}

/** What one scheduling run produces. */
export interface ScheduleResult {
  schedule: Schedule;
  /** Phase spans from the same computation (see computePhaseSpans). */
  phaseSpans: PhaseSpan[];
}

/**
 * computeSchedule with memory, for a live board: fed successive snapshots (as LiveSnapshot
 * produces them, unchanged records keeping their identity), it rebuilds the dependency graph
 * only when item ids or links change, recomputes per-item inputs only for changed records,
 * and hands back the previous ScheduledItem object for every item whose dates did not move.
 * Its output always equals computeSchedule's for the same snapshot.
 */
export class Scheduler {
  private board: BoardSnapshot["board"] | undefined;
  private cal: WorkCalendar | undefined;
  private days: WorkDays | undefined;
  private graph: ScheduleGraph | undefined;
  private inputItems: readonly Item[] = [];
  private inputDeps: readonly Dependency[] = [];
  private inputs: ItemInputs | undefined;
  private previous: PreviousEntries | undefined;
  private last: { result: ScheduleResult; index: ScheduleIndex; horizon: number } | undefined;

  /** The board's calendar (reused while the working weekdays and holidays stay the same). */
  calendar(board: BoardSnapshot["board"]): WorkCalendar {
    if (this.cal && this.board === board) return this.cal;
    const previous = this.board;
    this.board = board;
    // A new title or horizon leaves the calendar as it was, and every cache with it.
    if (this.cal && previous && sameCalendar(previous, board)) return this.cal;
    this.cal = makeCalendar(board);
    this.days = new WorkDays(this.cal);
    // Everything cached holds work indices or dates of the old calendar.
    this.inputs = undefined;
    this.previous = undefined;
    this.last = undefined;
    return this.cal;
  }

  run(snapshot: BoardSnapshot): ScheduleResult {
    const cal = this.calendar(snapshot.board);
    const days = this.days!;
    const { graph, reused } = this.graphFor(snapshot.items, snapshot.dependencies);
    const inputs = itemInputs(cal, graph.items, snapshot, reused ? this.inputs : undefined);
    const min = workIndex(cal, MIN_DAY);
    const max = workIndex(cal, MAX_DAY + 1) - 1;
    const horizon = Math.min(max, workIndex(cal, parseDay(snapshot.board.horizonStart)));
    this.graph = graph;
    this.inputs = inputs;
    if (inputs.sameNumbers && this.last && this.last.horizon === horizon) {
      // Only fields the scheduler does not read changed (a title, an owner, a status): the same
      // schedule, under a new object whose index points at the new records.
      const schedule = { ...this.last.result.schedule };
      const index: ScheduleIndex = { ...this.last.index, schedule, items: graph.items, dependencies: snapshot.dependencies };
      attachScheduleIndex(index);
      this.last = { result: { schedule, phaseSpans: this.last.result.phaseSpans }, index, horizon };
      return this.last.result;
    }
    const passes = runPasses({ graph, ...inputs, horizon, min, max });
    days.cover(passes);
    const dateOf = (index: number) => days.date(index);
    const { items, unscheduled, next } = buildEntries(graph, passes, inputs, dateOf, reused ? this.previous : undefined);
    this.previous = next;
    const schedule: Schedule = {
      items,
      unscheduled,
      cycles: graph.cycles,
      boardFinish: passes.boardEnd === null ? null : dateOf(passes.boardEnd),
      criticalPaths: criticalPaths({ graph, passes, milestones: inputs.table.milestones, ownTie: inputs.ownTie, phaseTie: inputs.phaseTie, dateOf }),
    };
    const index = indexOf(schedule, cal, days, graph, next, snapshot.dependencies);
    attachScheduleIndex(index);
    this.last = { result: { schedule, phaseSpans: phaseSpansOf(inputs, passes, dateOf) }, index, horizon };
    return this.last.result;
  }

  /** The previous graph when the item ids (in order) and the link records are the same. */
  private graphFor(items: readonly Item[], deps: readonly Dependency[]): { graph: ScheduleGraph; reused: boolean } {
    const prev = this.graph;
    const previousItems = this.inputItems;
    const same = prev !== undefined && sameIds(items, previousItems) && sameRecords(deps, this.inputDeps);
    this.inputItems = items;
    this.inputDeps = deps;
    if (!same) return { graph: buildGraph(items, deps), reused: false };
    // Same ids in the same input order give the same sorted order: only the records changed.
    // (Input that was sorted last time is sorted now: no need to check 10,000 ids again.)
    const wasSorted = prev.items === previousItems;
    return { graph: { ...prev, items: wasSorted ? items : sortedById(items) }, reused: true };
  }
}

function sameCalendar(a: BoardSnapshot["board"], b: BoardSnapshot["board"]): boolean {
  return JSON.stringify([a.workingDays, a.holidays]) === JSON.stringify([b.workingDays, b.holidays]);
}

function sameIds(a: readonly Item[], b: readonly Item[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i]!.id !== b[i]!.id) return false;
  return true;
}

function sameRecords<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function indexOf(
  schedule: Schedule,
  calendar: WorkCalendar,
  days: WorkDays,
  graph: ScheduleGraph,
  built: PreviousEntries,
  dependencies: BoardSnapshot["dependencies"],
): ScheduleIndex {
  const { passes, pinned, entries } = built;
  const n = graph.items.length;
  const startDay = new Float64Array(n).fill(NaN);
  const finishDay = new Float64Array(n).fill(NaN);
  const requiredStartDay = new Float64Array(n).fill(NaN);
  for (let v = 0; v < n; v++) {
    if (!passes.scheduled[v]) continue;
    startDay[v] = days.day(passes.earlyStart[v]!);
    finishDay[v] = days.day(passes.earlyFinish[v]!);
    const linkStart = passes.linkStart[v]!;
    if (linkStart > -Infinity) requiredStartDay[v] = days.day(linkStart);
  }
  return {
    schedule,
    calendar,
    items: graph.items,
    indexOf: graph.indexOf,
    scheduled: passes.scheduled,
    pinned,
    startDay,
    finishDay,
    requiredStartDay,
    entries,
    dependencies,
    depFrom: graph.depFrom,
    depTo: graph.depTo,
  };
}
