import type { DateString } from "../model/dates";
import type { ItemId, MilestoneId } from "../model/ids";
import type { Item, Milestone, MilestoneKind } from "../model/schemas";
import type { BoardSnapshot } from "../model/snapshot";
import type { ScheduleResult } from "../derive/schedule";
import { mergeById } from "./mergeById";
import { byIdOrder, entriesInItemOrder, ShiftCounter, sideOf, type ComparedSide } from "./side";
import type { ScheduledSpan } from "./types";

/** One item against the baseline: where it was planned, where it is now, and the slip. */
export interface ItemSlip {
  itemId: ItemId;
  /** Null when the item was not on the baseline board, or was unscheduled there. */
  baseline: ScheduledSpan | null;
  /** Null when the item is gone now, or unscheduled. */
  current: ScheduledSpan | null;
  /** Working days (current calendar) the start moved; +N = later; null without both spans. */
  startVariance: number | null;
  /** Working days the finish moved, the slip people read ("+3 wd"); null without both spans. */
  variance: number | null;
  /**
   * True when the slip makes the item miss a date agreed in the baseline: it finishes later
   * than planned and now after the baseline date of its deadline or its phase's release
   * (docs/history.md, "Baseline").
   */
  critical: boolean;
  /** The milestones whose agreed date the item now misses (non-empty exactly when critical), by id. */
  missed: MilestoneId[];
}

export interface MilestoneSlip {
  milestoneId: MilestoneId;
  title: string;
  kind: MilestoneKind;
  baseline: DateString | null;
  current: DateString | null;
  /** Working days (current calendar) the date moved; +N = later; null without both dates. */
  variance: number | null;
  /** Later than in the baseline, and a date work is held to (docs/history.md, "Baseline"). */
  critical: boolean;
}

export interface BaselineSlips {
  /** Every item on either board, by id. */
  items: ItemSlip[];
  /** Every milestone on either board, by id. */
  milestones: MilestoneSlip[];
}

export interface SlipOptions {
  baselineSchedule?: ScheduleResult;
  currentSchedule?: ScheduleResult;
}

/**
 * The board now against its baseline: per item and per milestone, the planned and current
 * dates and the variance in working days of the current calendar. Pure; the rule for a
 * critical slip is in docs/history.md ("Baseline").
 */
export function baselineSlips(baseline: BoardSnapshot, current: BoardSnapshot, options: SlipOptions = {}): BaselineSlips {
  const a = sideOf(baseline, options.baselineSchedule);
  const b = sideOf(current, options.currentSchedule);
  const shifts = new ShiftCounter(current.board);
  const agreed = agreedDates(baseline.milestones, current.milestones);
  const releaseOf = new Map(current.phases.map((p) => [p.id as string, p.milestoneId]));
  return { items: itemSlips(a, b, shifts, agreed, releaseOf), milestones: milestoneSlips(a, b, shifts) };
}

/** The date each milestone was agreed on: its baseline date, or its date now when it is new. */
function agreedDates(baseline: readonly Milestone[], current: readonly Milestone[]): Map<string, DateString> {
  const out = new Map<string, DateString>(current.map((m) => [m.id, m.date]));
  // Only milestones that still exist bind anything now; their baseline date wins.
  for (const m of baseline) if (out.has(m.id)) out.set(m.id, m.date);
  return out;
}

function itemSlips(a: ComparedSide, b: ComparedSide, shifts: ShiftCounter, agreed: Map<string, DateString>, releaseOf: Map<string, MilestoneId | null>): ItemSlip[] {
  const before = byIdOrder(a.snapshot.items);
  const after = byIdOrder(b.snapshot.items);
  const aEntries = entriesInItemOrder(before, a.derived.schedule.items);
  const bEntries = entriesInItemOrder(after, b.derived.schedule.items);
  const out: ItemSlip[] = [];
  let i = 0;
  let j = 0;
  mergeById(before, after, (x, y) => {
    const ea = x ? aEntries[i++] : undefined;
    const eb = y ? bEntries[j++] : undefined;
    const baselineSpan = ea ? { start: ea.start, finish: ea.finish } : null;
    const currentSpan = eb ? { start: eb.start, finish: eb.finish } : null;
    const startVariance = ea && eb ? shifts.shift(ea.start, eb.start) : null;
    const variance = ea && eb ? shifts.shift(ea.finish, eb.finish) : null;
    const missed = y && eb && variance !== null && variance > 0 ? missedDates(y, eb.finish, agreed, releaseOf) : [];
    out.push({ itemId: (y ?? x)!.id, baseline: baselineSpan, current: currentSpan, startVariance, variance, critical: missed.length > 0, missed });
  });
  return out;
}

/** The item's deadline and its phase's release whose agreed date it now finishes after, by id. */
function missedDates(item: Item, finish: DateString, agreed: Map<string, DateString>, releaseOf: Map<string, MilestoneId | null>): MilestoneId[] {
  const bound: MilestoneId[] = [];
  if (item.deadlineMilestoneId !== null) bound.push(item.deadlineMilestoneId);
  const release = item.phaseId === null ? null : (releaseOf.get(item.phaseId) ?? null);
  if (release !== null && release !== item.deadlineMilestoneId) bound.push(release);
  // "YYYY-MM-DD" strings compare in date order.
  return bound.filter((id) => {
    const date = agreed.get(id);
    return date !== undefined && finish > date;
  }).sort();
}

/** Kinds that hold work to a date: moving one later is a slip someone must answer for. */
const HOLDING_KINDS: ReadonlySet<MilestoneKind> = new Set<MilestoneKind>(["release", "deadline", "go_live"]);

function milestoneSlips(a: ComparedSide, b: ComparedSide, shifts: ShiftCounter): MilestoneSlip[] {
  // A milestone items or phases are held to is a deadline whatever its kind.
  const holding = new Set<string>();
  for (const item of b.snapshot.items) if (item.deadlineMilestoneId !== null) holding.add(item.deadlineMilestoneId);
  for (const phase of b.snapshot.phases) if (phase.milestoneId !== null) holding.add(phase.milestoneId);
  const out: MilestoneSlip[] = [];
  mergeById(byIdOrder(a.snapshot.milestones), byIdOrder(b.snapshot.milestones), (x, y) => {
    const m = (y ?? x)!;
    const variance = x && y ? shifts.shift(x.date, y.date) : null;
    const later = x !== undefined && y !== undefined && y.date > x.date;
    const critical = later && (HOLDING_KINDS.has(m.kind) || holding.has(m.id));
    out.push({ milestoneId: m.id, title: m.title, kind: m.kind, baseline: x?.date ?? null, current: y?.date ?? null, variance, critical });
  });
  return out;
}
