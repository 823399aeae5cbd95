import type { Dependency, Item } from "../model/schemas";
import type { BoardSnapshot } from "../model/snapshot";
import { linksOf } from "../model/snapshotLinks";
import { makeCalendar, workIndex, type WorkCalendar } from "./calendar";
import { criticalPaths, type PathMemo } from "./criticalPaths";
import { FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY } from "../model/dateRange";
import { parseDay } from "./dayStrings";
import { buildGraph, sortedById, withItems, type ScheduleGraph } from "./scheduleGraph";
import { itemInputs, type ItemInputs } from "./scheduleInputs";
import { attachScheduleIndex, type ScheduleIndex } from "./scheduleIndex";
import { buildEntries, phaseSpansOf, updateEntries, type PreviousEntries } from "./scheduleOutput";
import { runPasses, type PassResult } from "./schedulePasses";
import { updatePasses, withReverse } from "./scheduleUpdate";
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
 * The rules in people's words: docs/derivations.md.
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
  private paths: PathMemo = {};

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
    this.paths = {};
    return this.cal;
  }

  run(snapshot: BoardSnapshot): ScheduleResult {
    const cal = this.calendar(snapshot.board);
    const days = this.days!;
    const { graph, reused } = this.graphFor(snapshot);
    const inputs = itemInputs(cal, graph.items, snapshot, reused ? this.inputs : undefined);
    // Results stay inside the supported range (docs/dates.md): lags and durations of up to
    // MAX_WORKING_DAYS per link could otherwise carry a chain far past any date a board holds.
    const min = workIndex(cal, FIRST_SUPPORTED_DAY);
    const max = workIndex(cal, LAST_SUPPORTED_DAY + 1) - 1;
    const horizon = Math.min(max, workIndex(cal, parseDay(snapshot.board.horizonStart)));
    this.graph = graph;
    this.inputs = inputs;
    const last = this.last?.horizon === horizon ? this.last : undefined;
    if (inputs.sameNumbers && last) {
      // Only fields the scheduler does not read changed (a title, an owner, a status): the same
      // schedule, under a new object whose index points at the new records.
      const schedule = { ...last.result.schedule };
      const index: ScheduleIndex = { ...last.index, schedule, items: graph.items, itemIndex: graph.itemIndex, dependencies: snapshot.dependencies };
      attachScheduleIndex(index);
      this.last = { result: { schedule, phaseSpans: last.result.phaseSpans }, index, horizon };
      return this.last.result;
    }
    const passInput = { graph, ...inputs, horizon, min, max };
    const dateOf = (index: number) => days.date(index);
    const previous = reused ? this.previous : undefined;
    let built: ReturnType<typeof buildEntries>;
    let passes: PassResult;
    let touched: number[] | null = null;
    if (previous && last && inputs.changed) {
      // A few items changed: the passes visit what they reach, and only moved entries are rebuilt.
      const update = updatePasses(passInput, previous.passes, inputs.changed);
      passes = update.passes;
      const rebuild = update.moved.concat(inputs.changed);
      days.cover(passes, rebuild);
      built = updateEntries(graph, passes, inputs, dateOf, previous, rebuild, update.flipped);
      touched = rebuild.concat(update.relinked);
    } else {
      passes = runPasses(passInput);
      days.cover(passes);
      built = buildEntries(graph, passes, inputs, dateOf, previous);
    }
    const { items, unscheduled, next } = built;
    this.previous = next;
    const schedule: Schedule = {
      items,
      unscheduled,
      cycles: graph.cycles,
      boardFinish: passes.boardEnd === null ? null : dateOf(passes.boardEnd),
      criticalPaths: criticalPaths({ ids: inputs.ids, passes, milestones: inputs.table.milestones, ownTie: inputs.ownTie, phaseTie: inputs.phaseTie, dateOf }, reused ? this.paths : (this.paths = {})),
    };
    const index = touched && last ? updatedIndex(last.index, schedule, graph, next, snapshot.dependencies, days, touched) : indexOf(schedule, cal, days, graph, next, snapshot.dependencies);
    attachScheduleIndex(index);
    const phaseSpans = samePhaseSpans(phaseSpansOf(inputs, passes, dateOf), last?.result.phaseSpans);
    this.last = { result: { schedule, phaseSpans }, index, horizon };
    return this.last.result;
  }

  /** The previous graph when the item ids (in order) and the link records are the same. */
  private graphFor(snapshot: BoardSnapshot): { graph: ScheduleGraph; reused: boolean } {
    const { items, dependencies: deps } = snapshot;
    const prev = this.graph;
    const previousItems = this.inputItems;
    const same = prev !== undefined && sameIds(items, previousItems) && sameRecords(deps, this.inputDeps);
    this.inputItems = items;
    this.inputDeps = deps;
    if (!same) return { graph: buildGraph(items, deps, linksOf(snapshot)), reused: false };
    // Same ids in the same input order give the same sorted order: only the records changed.
    // (Input that was sorted last time is sorted now: no need to check 10,000 ids again.)
    const wasSorted = prev.items === previousItems;
    return { graph: withReverse(prev, withItems(prev, wasSorted ? items : sortedById(items))), reused: true };
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
  const n = graph.items.length;
  const startDay = new Float64Array(n).fill(NaN);
  const finishDay = new Float64Array(n).fill(NaN);
  const requiredStartDay = new Float64Array(n).fill(NaN);
  for (let v = 0; v < n; v++) indexDays(built.passes, days, startDay, finishDay, requiredStartDay, v);
  return {
    schedule,
    calendar,
    items: graph.items,
    itemIndex: graph.itemIndex,
    scheduled: built.passes.scheduled,
    pinned: built.pinned,
    startDay,
    finishDay,
    requiredStartDay,
    entries: built.entries,
    dependencies,
    depFrom: graph.depFrom,
    depTo: graph.depTo,
  };
}

/** The previous index with the days of the `touched` items updated. */
function updatedIndex(
  prev: ScheduleIndex,
  schedule: Schedule,
  graph: ScheduleGraph,
  built: PreviousEntries,
  dependencies: BoardSnapshot["dependencies"],
  days: WorkDays,
  touched: readonly number[],
): ScheduleIndex {
  const startDay = prev.startDay.slice();
  const finishDay = prev.finishDay.slice();
  const requiredStartDay = prev.requiredStartDay.slice();
  for (const v of touched) indexDays(built.passes, days, startDay, finishDay, requiredStartDay, v);
  return {
    ...prev,
    schedule,
    items: graph.items,
    itemIndex: graph.itemIndex,
    scheduled: built.passes.scheduled,
    pinned: built.pinned,
    startDay,
    finishDay,
    requiredStartDay,
    entries: built.entries,
    dependencies,
  };
}

function indexDays(passes: PassResult, days: WorkDays, startDay: Float64Array, finishDay: Float64Array, requiredStartDay: Float64Array, v: number): void {
  if (!passes.scheduled[v]) {
    startDay[v] = finishDay[v] = requiredStartDay[v] = NaN;
    return;
  }
  startDay[v] = days.day(passes.earlyStart[v]!);
  finishDay[v] = days.day(passes.earlyFinish[v]!);
  const linkStart = passes.linkStart[v]!;
  requiredStartDay[v] = linkStart > -Infinity ? days.day(linkStart) : NaN;
}

/** The previous spans when equal, so an unchanged result keeps its identity. */
function samePhaseSpans(spans: PhaseSpan[], prev: PhaseSpan[] | undefined): PhaseSpan[] {
  if (!prev || prev.length !== spans.length) return spans;
  for (let k = 0; k < spans.length; k++) {
    const [a, b] = [spans[k]!, prev[k]!];
    if (a.phaseId !== b.phaseId || a.start !== b.start || a.finish !== b.finish) return spans;
  }
  return prev;
}
