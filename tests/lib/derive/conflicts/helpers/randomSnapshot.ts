import fc from "fast-check";
import { FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY } from "../../../../../lib/model/dateRange";
import { fromDayNumber, toDayNumber, date, type DateString } from "../../../../../lib/model/dates";
import type { DependencyId, ItemId, LaneId, MilestoneId, PhaseId } from "../../../../../lib/model/ids";
import { ITEM_STATUSES, MILESTONE_KINDS, PRIORITIES, TIME_SCALES, type Item } from "../../../../../lib/model/schemas";
import type { BoardSnapshot, SnapshotProblem } from "../../../../../lib/model/snapshot";
import type { PlacedSpec } from "./scheduleFixture";

/**
 * Random snapshots shaped like what readSnapshot can return after any mix of concurrent and
 * junk edits: references into small id pools (so many dangle), self-links and cycles, durations
 * and lags from -10^6 to 10^6, dates over the whole supported range (1900 to 2199, docs/dates.md), empty and odd calendars, and any
 * problems list. Records are valid per their schemas, because readSnapshot guarantees that.
 */
const POOL = ["a", "b", "c", "d", "e", "f", "g"];
const MIN = FIRST_SUPPORTED_DAY;
const MAX = LAST_SUPPORTED_DAY;
const NEAR = toDayNumber(date("2027-01-04"));

export const dateArb: fc.Arbitrary<DateString> = fc
  .oneof(
    { weight: 8, arbitrary: fc.integer({ min: NEAR - 400, max: NEAR + 800 }) },
    { weight: 1, arbitrary: fc.integer({ min: MIN, max: MAX }) },
    { weight: 1, arbitrary: fc.constantFrom(MIN, MAX, MIN + 1, MAX - 1) },
  )
  .map(fromDayNumber);

const idIn = <T extends string>(prefix: string) => fc.constantFrom(...POOL.map((p) => `${prefix}${p}` as T));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const workingDaysCount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 100_000, 100_001, -100_001, 2 ** 31 - 1, -(2 ** 31)) },
);

const itemArb: fc.Arbitrary<Omit<Item, "id">> = fc.record({
  title: fc.oneof(fc.constantFrom("", "  ", "Build", "Test plan", "Launch comms"), fc.string({ maxLength: 20 })),
  laneId: maybe(idIn<LaneId>("l")),
  phaseId: maybe(idIn<PhaseId>("p")),
  start: maybe(dateArb),
  duration: workingDaysCount,
  effort: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.constant(Number.MAX_VALUE)),
  owners: fc.array(fc.constantFrom("Ana", "ana ", "Ben", "", "  ", "Zoë: QA"), { maxLength: 3 }),
  status: fc.constantFrom(...ITEM_STATUSES),
  priority: fc.constantFrom(...PRIORITIES),
  tags: fc.array(fc.constantFrom("qa", "marketing", "comms", "x"), { maxLength: 2 }),
  links: fc.constant([]),
  deadlineMilestoneId: maybe(idIn<MilestoneId>("m")),
});

const problemArb: fc.Arbitrary<SnapshotProblem> = fc.oneof(
  fc.record({
    kind: fc.constant("invalid-field" as const),
    collection: fc.constantFrom("board" as const, "items" as const, "dependencies" as const, "lanes" as const, "phases" as const, "milestones" as const),
    id: fc.constantFrom("board", ...POOL.map((p) => `i${p}`), "dz"),
    field: fc.constantFrom("start", "duration", "lag", "laneId", "horizonStart", "workingDays", "title", "milestoneId", "capacity"),
    message: fc.constant("junk"),
  }),
  fc.record({
    kind: fc.constant("unreadable-record" as const),
    collection: fc.constantFrom("items" as const, "dependencies" as const, "milestones" as const),
    id: fc.constantFrom("ia", "dz", "mz"),
    message: fc.constantFrom("not a record", "date: must be a real date", "fromId: bad"),
  }),
  fc.record({
    kind: fc.constant("missing-reference" as const),
    collection: fc.constantFrom("items" as const, "dependencies" as const, "phases" as const),
    id: fc.constantFrom("ia", "ib", "da", "pa", "zz"),
    field: fc.constantFrom("laneId", "phaseId", "deadlineMilestoneId", "fromId", "toId", "milestoneId"),
    targetCollection: fc.constantFrom("lanes" as const, "items" as const, "milestones" as const, "phases" as const),
    targetId: fc.constantFrom("gone", "ia"),
  }),
);

const withIds = <T, I extends string>(prefix: string, arb: fc.Arbitrary<T>, max: number) =>
  fc.uniqueArray(fc.tuple(idIn<I>(prefix), arb), { maxLength: max, selector: ([id]) => id }).map((list) => list.map(([id, r]) => ({ ...r, id })));

export const snapshotArb: fc.Arbitrary<BoardSnapshot> = fc.record({
  board: fc.record({
    title: fc.constant("Fuzz"),
    goal: fc.constant(""),
    horizonStart: dateArb,
    horizonEnd: dateArb,
    workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    holidays: fc.array(dateArb, { maxLength: 5 }),
    timeScale: fc.constantFrom(...TIME_SCALES),
  }),
  lanes: withIds<{ name: string; color: string; order: number; capacity: number }, LaneId>(
    "l",
    fc.record({
      name: fc.constantFrom("Development", "Testing", "QA", "Communication", "Go-to-market", "", "Ops"),
      color: fc.constant("#123456"),
      order: fc.integer({ min: -3, max: 3 }),
      capacity: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })),
    }),
    5,
  ),
  phases: withIds<{ name: string; order: number; milestoneId: MilestoneId | null }, PhaseId>(
    "p",
    fc.record({ name: fc.constantFrom("MVP", "Beta", ""), order: fc.integer({ min: -3, max: 3 }), milestoneId: maybe(idIn<MilestoneId>("m")) }),
    4,
  ),
  items: withIds<Omit<Item, "id">, ItemId>("i", itemArb, 7),
  dependencies: withIds<{ fromId: ItemId; toId: ItemId; lag: number }, DependencyId>(
    "d",
    fc.record({ fromId: idIn<ItemId>("i"), toId: idIn<ItemId>("i"), lag: workingDaysCount }),
    7,
  ),
  milestones: withIds<{ title: string; date: DateString; kind: (typeof MILESTONE_KINDS)[number] }, MilestoneId>(
    "m",
    fc.record({ title: fc.constantFrom("Beta release", ""), date: dateArb, kind: fc.constantFrom(...MILESTONE_KINDS) }),
    4,
  ),
  problems: fc.array(problemArb, { maxLength: 6 }),
});

/** Schedule entries a broken scheduler might produce: unknown ids, finishes before starts, odd cycles. */
export const hostileScheduleArb = fc.record({
  placed: fc.array(
    fc.record({
      itemId: fc.constantFrom(...POOL.map((p) => `i${p}`), "nobody"),
      start: dateArb,
      days: fc.integer({ min: -30, max: 400 }),
      pinned: fc.boolean(),
    }) as fc.Arbitrary<PlacedSpec>,
    { maxLength: 9 },
  ),
  cycles: fc.array(
    fc.record({
      itemIds: fc.array(fc.constantFrom(...POOL.map((p) => `i${p}`), "nobody"), { maxLength: 4 }),
      dependencyIds: fc.array(fc.constantFrom(...POOL.map((p) => `d${p}`), "dnone"), { maxLength: 4 }),
    }),
    { maxLength: 2 },
  ),
});
