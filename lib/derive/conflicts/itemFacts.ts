import type { Item, Lane, Milestone, Phase } from "../../model/schemas";
import type { BoardSnapshot } from "../../model/snapshot";
import { clampWorkingDays, isWorkingDay, type WorkCalendar } from "../calendar";
import { parseDay } from "../dayStrings";
import { People } from "./people";

/**
 * What the rules read of each item record, as typed arrays by item index: computed in one walk
 * over the records rather than once per rule (on a 10,000-item board, walking the records is
 * what the rules cost), and, for a ConflictFinder, carried over from its previous call for every
 * record that kept its identity (LiveSnapshot keeps unchanged records identical), so a one-item
 * edit reads one record.
 */
export interface ItemFacts {
  /** What these were computed from: a later call redoes only records that changed. */
  readonly items: readonly Item[];
  readonly lanesIn: readonly Lane[];
  readonly phasesIn: readonly Phase[];
  readonly milestonesIn: readonly Milestone[];
  readonly cal: WorkCalendar;
  /** Lanes, phases and milestones by id (the last of equal ids), and their positions in these lists. */
  readonly lanes: readonly Lane[];
  readonly phases: readonly Phase[];
  readonly milestones: readonly Milestone[];
  /** Per milestone, its date as a day number; per phase, the milestone it ends in (-1: none or missing). */
  readonly milestoneDay: Float64Array;
  readonly phaseMilestone: Int32Array;
  /** Per lane, 1 when its name says it does readiness work (see releaseNotReady). */
  readonly readyLane: Uint8Array;
  /** The release milestones, by date and id, with their positions in `milestones`. */
  readonly releases: readonly { m: Milestone; k: number; day: number }[];
  /** Bits per item: see SETTLED, WONT, TAGGED_READY, SHORT, OFF_DAY. */
  readonly flags: Uint8Array;
  /** The item's daily load when scheduled: effort over its working days, or 1 without effort. */
  readonly rate: Float64Array;
  /** Positions in `lanes`, `phases`, `milestones` (the deadline); -1 when none or missing. */
  readonly lane: Int32Array;
  readonly phase: Int32Array;
  readonly deadline: Int32Array;
  /**
   * The owners (see People): how many names the item gives (`owners`), the first as a spelling
   * and as a person (-1 for a blank name), and for items naming several, all of them (`more`).
   */
  readonly owners: Uint8Array;
  readonly spelling: Int32Array;
  readonly person: Int32Array;
  readonly more: (MoreOwners | undefined)[];
  readonly people: People;
}

/** The owners of an item naming several: every spelling, and the distinct people, in the order named. */
export interface MoreOwners {
  spellings: number[];
  people: number[];
}

/** Done, or decided against (won't have): no load and no deadline (see isSettled). */
export const SETTLED = 1;
export const WONT = 2;
/** Tagged as testing, communication or go-to-market work (see releaseNotReady). */
export const TAGGED_READY = 4;
/** Duration under 1 working day. */
export const SHORT = 8;
/** Pinned to start on a day that is not worked. */
export const OFF_DAY = 16;

/**
 * Any finite effort is a valid field, but two near Number.MAX_VALUE add up to Infinity, and
 * Infinity - Infinity is NaN, which would poison a load sweep. No real item needs more than a
 * million people a day, so daily loads are capped there and sums stay finite.
 */
const MAX_DAILY_LOAD = 1_000_000;

/** Lists records by id (the last of equal ids wins, at the position of the first). */
function byId<T extends { id: string }>(records: readonly T[]): { list: T[]; slot: Map<string, number> } {
  const slot = new Map<string, number>();
  const list: T[] = [];
  for (const record of records) {
    const at = slot.get(record.id);
    if (at === undefined) {
      slot.set(record.id, list.length);
      list.push(record);
    } else list[at] = record;
  }
  return { list, slot };
}

/**
 * The facts of `items` (in the order given). `prev`, when given, may hold facts of the same
 * item ids at the same positions: it is reused when the lanes, phases, milestones and calendar
 * are the very same, and then only records that are not identical are read again; `only`, when
 * given, lists every position whose record may differ from prev's (see changedItems).
 */
export function itemFacts(
  items: readonly Item[],
  snapshot: BoardSnapshot,
  cal: WorkCalendar,
  ready: (text: string) => boolean,
  prev: ItemFacts | undefined,
  only: readonly number[] | null = null,
): ItemFacts {
  const n = items.length;
  const reuse =
    prev !== undefined &&
    prev.items.length === n &&
    prev.lanesIn === snapshot.lanes &&
    prev.phasesIn === snapshot.phases &&
    prev.milestonesIn === snapshot.milestones &&
    prev.cal === cal;
  const lanes = reuse ? { list: prev.lanes as Lane[], slot: null } : byId(snapshot.lanes);
  const phases = reuse ? { list: prev.phases as Phase[], slot: null } : byId(snapshot.phases);
  const milestones = reuse ? { list: prev.milestones as Milestone[], slot: null } : byId(snapshot.milestones);
  const people = prev?.people ?? new People();
  const tables = reuse ? prev : boardTables(lanes.list, phases.list, milestones.list, milestones.slot!, ready);
  const facts: ItemFacts = {
    items,
    lanesIn: snapshot.lanes,
    phasesIn: snapshot.phases,
    milestonesIn: snapshot.milestones,
    cal,
    lanes: lanes.list,
    phases: phases.list,
    milestones: milestones.list,
    milestoneDay: tables.milestoneDay,
    phaseMilestone: tables.phaseMilestone,
    readyLane: tables.readyLane,
    releases: tables.releases,
    flags: reuse ? prev.flags.slice() : new Uint8Array(n),
    rate: reuse ? prev.rate.slice() : new Float64Array(n),
    lane: reuse ? prev.lane.slice() : new Int32Array(n),
    phase: reuse ? prev.phase.slice() : new Int32Array(n),
    deadline: reuse ? prev.deadline.slice() : new Int32Array(n),
    owners: reuse ? prev.owners.slice() : new Uint8Array(n),
    spelling: reuse ? prev.spelling.slice() : new Int32Array(n),
    person: reuse ? prev.person.slice() : new Int32Array(n),
    more: reuse ? prev.more.slice() : new Array<MoreOwners | undefined>(n),
    people,
  };
  // Slots are only needed to read records again; when reusing, build them on first use.
  let slots: { lane: Map<string, number>; phase: Map<string, number>; milestone: Map<string, number> } | undefined = reuse
    ? undefined
    : { lane: lanes.slot!, phase: phases.slot!, milestone: milestones.slot! };
  const count = reuse && only ? only.length : n;
  for (let k = 0; k < count; k++) {
    const v = reuse && only ? only[k]! : k;
    const item = items[v]!;
    if (reuse && prev.items[v] === item) continue;
    slots ??= { lane: byId(facts.lanes).slot, phase: byId(facts.phases).slot, milestone: byId(facts.milestones).slot };
    let flags = 0;
    if (item.status === "done" || item.priority === "wont") flags |= SETTLED;
    if (item.priority === "wont") flags |= WONT;
    if (item.tags.length && item.tags.some(ready)) flags |= TAGGED_READY;
    if (item.duration < 1) flags |= SHORT;
    if (item.start !== null && !isWorkingDay(cal, parseDay(item.start))) flags |= OFF_DAY;
    facts.flags[v] = flags;
    const effort = item.effort;
    facts.rate[v] = effort > 0 ? Math.min(MAX_DAILY_LOAD, effort / Math.max(1, clampWorkingDays(item.duration))) : 1;
    facts.lane[v] = item.laneId === null ? -1 : (slots.lane.get(item.laneId) ?? -1);
    facts.phase[v] = item.phaseId === null ? -1 : (slots.phase.get(item.phaseId) ?? -1);
    facts.deadline[v] = item.deadlineMilestoneId === null ? -1 : (slots.milestone.get(item.deadlineMilestoneId) ?? -1);
    const owners = item.owners;
    facts.owners[v] = owners.length;
    facts.more[v] = undefined;
    if (owners.length === 0) continue;
    const s = people.spellingOf(owners[0]!);
    facts.spelling[v] = s;
    facts.person[v] = people.person[s]!;
    if (owners.length > 1) facts.more[v] = people.more(owners);
  }
  return facts;
}

/** What the rules look up per lane, phase and milestone; made again only when those change. */
function boardTables(lanes: readonly Lane[], phases: readonly Phase[], milestones: readonly Milestone[], slot: Map<string, number>, ready: (text: string) => boolean) {
  const milestoneDay = Float64Array.from(milestones, (m) => parseDay(m.date));
  return {
    milestoneDay,
    phaseMilestone: Int32Array.from(phases, (p) => (p.milestoneId === null ? -1 : (slot.get(p.milestoneId) ?? -1))),
    readyLane: Uint8Array.from(lanes, (lane) => (ready(lane.name) ? 1 : 0)),
    releases: milestones
      .map((m, k) => ({ m, k, day: milestoneDay[k]! }))
      .filter(({ m }) => m.kind === "release")
      .sort((a, b) => a.day - b.day || (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0)),
  };
}
