import type { Dependency, Item, Lane, Milestone, Phase } from "../../model/schemas";
import type { BoardSnapshot } from "../../model/snapshot";
import { clampWorkingDays, dayOfWorkIndex, makeCalendar, workIndex, type WorkCalendar } from "../calendar";
import type { Conflict, Schedule, ScheduledItem } from "../types";
import type { GroupMemo } from "./groupMemo";
import { changedItems } from "./changes";
import { itemFacts, type ItemFacts } from "./itemFacts";
import { dayOf, itemLookups } from "./lookups";
import type { KindOrder } from "./order";
import { matchesReadiness } from "./readiness";
import { compareStrings, nameList, quote, UNTITLED_ITEM } from "./text";

export { dateOf, dayOf } from "./lookups";

/**
 * Lookups every rule shares, built once per findConflicts call in linear time.
 *
 * Items are addressed by their position in `items` (an "item index") and their dates kept in
 * typed arrays: on a 10,000-item board a Map or an object per item costs more than all the
 * rules' own work. Rules never rely on the order of the snapshot's arrays: they walk items in
 * id order (`order`), and everything else order-sensitive is sorted, so shuffled input gives
 * identical output.
 */
export interface ConflictContext {
  readonly snapshot: BoardSnapshot;
  readonly schedule: Schedule;
  readonly cal: WorkCalendar;
  /** The snapshot's items; a position in this array is an item index. */
  readonly items: readonly Item[];
  /** Item indices in id order. */
  readonly order: Int32Array;
  /** The item index of an id, or -1 when no such item exists. */
  indexOf(itemId: string): number;
  /** Per item index: 1 when the schedule placed it (then start, finish and entry are set). */
  readonly scheduled: Uint8Array;
  readonly pinned: Uint8Array;
  /** First and last day as day numbers; finish is never before start. */
  readonly start: Float64Array;
  readonly finish: Float64Array;
  readonly entry: readonly (ScheduledItem | undefined)[];
  /** The snapshot's dependencies, with their ends as item indices (-1: missing) in depFrom/depTo. */
  readonly dependencies: readonly Dependency[];
  readonly depFrom: Int32Array;
  readonly depTo: Int32Array;
  dependency(id: string): Dependency | undefined;
  readonly lanes: ReadonlyMap<string, Lane>;
  readonly phases: ReadonlyMap<string, Phase>;
  /** Position of each phase as drawn (order, then id). */
  readonly phaseRank: ReadonlyMap<string, number>;
  readonly milestones: ReadonlyMap<string, Milestone>;
  /** Links the scheduler ignored because they close a cycle (reported as dependency-cycle). */
  readonly cycleDependencyIds: ReadonlySet<string>;
  /** Horizon as day numbers, or null when it runs backwards (reported as invalid-dates). */
  readonly horizon: { start: number; end: number } | null;
  /** The item's title in quotes, "Untitled item" when it has none. */
  title(index: number): string;
  /** The same by id, for ids that may not exist. */
  titleOf(itemId: string): string;
  /**
   * The first day a successor may start after a predecessor finishing on `finish`: the
   * scheduler's own arithmetic (start = finish + 1 + lag, in working days), so a pinned item
   * the scheduler would have placed on day X is allowed on day X exactly.
   */
  startAfter(finish: number, lag: number): number;
  /**
   * The earliest start all of an item's incoming links allow, or null when no scheduled
   * predecessor constrains it. Links in cycles are ignored, as the scheduler ignores them.
   */
  requiredStart(index: number): number | null;
  /**
   * What the rules read of each item record, by item index (see itemFacts.ts). Among them, what
   * each scheduled item asks per working day (`rate`): its effort spread evenly over its working
   * days when it has an effort, else 1 (one person, roughly), shared by the lane and person rules.
   */
  readonly facts: ItemFacts;
  /**
   * For a ConflictFinder whose previous call had the same board, lanes, phases, milestones,
   * links, cycles and item ids: the items whose record, schedule entry or required start differ
   * from that call's (see changedItems). Null when everything must be looked at.
   */
  readonly changed: readonly number[] | null;
  /** The scheduler's earliest start through links (NaN: none), when the schedule came with it. */
  readonly requiredStartDay: Float64Array | null;
  /** What rules remember between calls of one ConflictFinder; null for a one-off call. */
  readonly memory: RuleMemory | null;
}

/** Results rules may reuse on the next call for the same board when their inputs are unchanged. */
export interface RuleMemory {
  lanes: GroupMemo;
  people: GroupMemo;
  /** The last call's context, item facts, calendar and sorted conflicts of each kind. */
  last?: ConflictContext;
  facts?: ItemFacts;
  calendar?: { board: BoardSnapshot["board"]; key: string; cal: WorkCalendar };
  order?: KindOrder;
  /**
   * The last call's conflicts of the per-item rules by item index, of the per-link rules by link
   * position, and which of those have any (in the order they are listed).
   */
  perItem?: { conflicts: (Conflict[] | undefined)[]; present: number[] };
  perLink?: { conflicts: (Conflict[] | undefined)[]; present: number[] };
  /** The links at each item (either end), for the link ends they were built from. */
  linksAt?: { depFrom: Int32Array; depTo: Int32Array; first: Int32Array; links: Int32Array };
  /** People in the order of their conflict ids (see personOverBooked.ts). */
  personOrder?: Int32Array;
  /** Each person's items (see personOverBooked.ts), for the facts they were made for. */
  personItems?: { facts: ItemFacts; lists: (number[] | undefined)[] };
  /** The last call's release-not-ready conflicts, by milestone id, with what they were made from. */
  releases?: Map<string, { release: Milestone; previous: Milestone | undefined; conflict: Conflict }>;
}

/** A ConflictFinder's memory before its first call. */
export const emptyMemory = (): RuleMemory => ({ lanes: new Map(), people: new Map() });

/** Up to `max` items by title, and how many more: “A”, “B”, “C” and 4 more. */
export function itemList(ctx: ConflictContext, indices: readonly number[], max = 3): string {
  const shown = indices.length <= max ? indices : indices.slice(0, max);
  return nameList(shown.map((v) => ctx.title(v)), indices.length);
}

function indexById<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of list) map.set(record.id, record);
  return map;
}

/** Builds the lookups every rule shares, once per findConflicts call. */
export function buildContext(snapshot: BoardSnapshot, schedule: Schedule, memory: RuleMemory | null = null): ConflictContext {
  const cal = calendarOf(snapshot.board, memory);
  const { items, order, indexOf, scheduled, pinned, start, finish, entry, depFrom, depTo, requiredStartDay } = itemLookups(snapshot, schedule);
  const changed = memory ? changedItems({ snapshot, schedule, cal, items, entry, requiredStartDay }, memory.last) : null;
  const facts = itemFacts(items, snapshot, cal, matchesReadiness, memory?.facts, changed);
  if (memory) memory.facts = facts;
  const n = items.length;
  const dependencies = snapshot.dependencies;

  const { lanes, phases, phaseRank, milestones, cycleDependencyIds } = boardLookups(snapshot, schedule, memory?.last);
  const horizonStart = dayOf(snapshot.board.horizonStart);
  const horizonEnd = dayOf(snapshot.board.horizonEnd);
  const startAfter = (f: number, lag: number) => dayOfWorkIndex(cal, workIndex(cal, f) + 1 + clampWorkingDays(lag));

  let byDepId: Map<string, Dependency> | undefined;
  let incoming: { first: Int32Array; deps: Int32Array } | undefined;
  const required = new Map<number, number | null>();

  return {
    snapshot,
    schedule,
    cal,
    items,
    order,
    indexOf,
    scheduled,
    pinned,
    start,
    finish,
    entry,
    dependencies,
    depFrom,
    depTo,
    // Only cycles and a few problems look links up by id: built on first use.
    dependency: (id) => (byDepId ??= indexById(dependencies)).get(id),
    lanes,
    phases,
    phaseRank,
    milestones,
    cycleDependencyIds,
    horizon: horizonEnd >= horizonStart ? { start: horizonStart, end: horizonEnd } : null,
    title: (v) => quote(items[v]?.title ?? UNTITLED_ITEM),
    titleOf: (id) => quote(items[indexOf(id)]?.title ?? UNTITLED_ITEM),
    startAfter,
    facts,
    changed,
    requiredStartDay,
    memory,
    requiredStart(v) {
      if (requiredStartDay) return requiredStartDay[v]! === requiredStartDay[v]! ? requiredStartDay[v]! : null;
      const known = required.get(v);
      if (known !== undefined) return known;
      incoming ??= incomingLinks(n, depTo);
      let latest: number | null = null;
      for (let k = incoming.first[v]!; k < incoming.first[v + 1]!; k++) {
        const d = incoming.deps[k]!;
        const from = depFrom[d]!;
        if (from < 0 || from === v || !scheduled[from] || cycleDependencyIds.has(dependencies[d]!.id)) continue;
        const earliest = startAfter(finish[from]!, dependencies[d]!.lag);
        if (latest === null || earliest > latest) latest = earliest;
      }
      required.set(v, latest);
      return latest;
    },
  };
}

/**
 * Lookups of lanes, phases, milestones and cycles: the last call's while those are the same.
 * (A function of its own: closures made in buildContext must not hold the last context, or
 * each context would keep every earlier one alive.)
 */
function boardLookups(snapshot: BoardSnapshot, schedule: Schedule, last: ConflictContext | undefined) {
  const was = last?.snapshot;
  let cycleDependencyIds = last?.schedule.cycles === schedule.cycles ? last.cycleDependencyIds : undefined;
  if (!cycleDependencyIds) {
    const ids = new Set<string>();
    for (const cycle of schedule.cycles) for (const id of cycle.dependencyIds) ids.add(id);
    cycleDependencyIds = ids;
  }
  let phaseRank = was?.phases === snapshot.phases ? last!.phaseRank : undefined;
  if (!phaseRank) {
    const rank = new Map<string, number>();
    [...snapshot.phases].sort((a, b) => a.order - b.order || compareStrings(a.id, b.id)).forEach((p, i) => rank.set(p.id, i));
    phaseRank = rank;
  }
  return {
    lanes: was?.lanes === snapshot.lanes ? last!.lanes : indexById(snapshot.lanes),
    phases: was?.phases === snapshot.phases ? last!.phases : indexById(snapshot.phases),
    milestones: was?.milestones === snapshot.milestones ? last!.milestones : indexById(snapshot.milestones),
    phaseRank,
    cycleDependencyIds,
  };
}

/** The board's calendar: the memory's while the working weekdays and holidays are the same. */
function calendarOf(board: BoardSnapshot["board"], memory: RuleMemory | null): WorkCalendar {
  if (!memory) return makeCalendar(board);
  if (memory.calendar?.board === board) return memory.calendar.cal;
  const key = JSON.stringify([board.workingDays, board.holidays]);
  memory.calendar = { board, key, cal: memory.calendar?.key === key ? memory.calendar.cal : makeCalendar(board) };
  return memory.calendar.cal;
}

/** Incoming links per item as compressed rows: deps[first[v] .. first[v + 1]) end at item v. */
function incomingLinks(n: number, depTo: Int32Array): { first: Int32Array; deps: Int32Array } {
  const first = new Int32Array(n + 1);
  for (const to of depTo) if (to >= 0) first[to + 1]!++;
  for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
  const fill = first.slice(0, n);
  const deps = new Int32Array(first[n]!);
  depTo.forEach((to, d) => {
    if (to >= 0) deps[fill[to]!++] = d;
  });
  return { first, deps };
}
