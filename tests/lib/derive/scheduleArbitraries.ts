import fc from "fast-check";
import { addCalendarDays, date, type DateString } from "../../../lib/model/dates";
import { BOARD_DEFAULTS, ITEM_DEFAULTS } from "../../../lib/model/defaults";
import type { DependencyId, ItemId, LaneId, MilestoneId, PhaseId } from "../../../lib/model/ids";
import type { Dependency, Item } from "../../../lib/model/schemas";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { Rng } from "../helpers/prng";

/** Random boards for scheduling properties: plain snapshots, no Y.Doc. */
const BASE = date("2027-01-04");
export const HORIZON_START = BASE;
const day = (offset: number): DateString => addCalendarDays(BASE, offset);
const itemId = (k: number) => `i${String(k).padStart(3, "0")}` as ItemId;

const idOrder = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function snapshotOf(items: Item[], dependencies: Dependency[], extra: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return {
    board: { ...BOARD_DEFAULTS, horizonStart: HORIZON_START },
    lanes: [],
    phases: [],
    milestones: [],
    problems: [],
    ...extra,
    items: idOrder(items),
    dependencies: idOrder(dependencies),
  };
}

/**
 * Anything a CRDT can hold: pinned and unpinned items, junk durations, links in any direction
 * (cycles, self-links), links to items that do not exist, huge lags, odd calendars, deadlines
 * and phases that may or may not exist.
 */
export const anyBoardArb: fc.Arbitrary<BoardSnapshot> = fc
  .record({
    n: fc.integer({ min: 0, max: 25 }),
    items: fc.array(
      fc.record({
        start: fc.option(fc.integer({ min: -40, max: 200 }), { freq: 2 }),
        duration: fc.oneof(fc.integer({ min: 1, max: 15 }), fc.integer({ min: -3, max: 0 }), fc.constantFrom(1e9, -1e9, 100_001)),
        phase: fc.constantFrom(null, "pA", "pB", "pGone"),
        deadline: fc.constantFrom(null, "mA", "mB", "mGone"),
      }),
      { maxLength: 25 },
    ),
    links: fc.array(
      fc.record({ from: fc.integer({ min: 0, max: 27 }), to: fc.integer({ min: 0, max: 27 }), lag: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(1e9, -1e9)) }),
      { maxLength: 40 },
    ),
    workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    holidays: fc.array(fc.integer({ min: -10, max: 120 }), { maxLength: 12 }),
    milestones: fc.tuple(fc.integer({ min: -10, max: 200 }), fc.integer({ min: -10, max: 200 })),
    horizon: fc.integer({ min: -20, max: 40 }),
  })
  .map(({ items, links, workingDays, holidays, milestones, horizon }) => {
    const snapshot = snapshotOf(
      items.map((spec, k) => ({
        ...ITEM_DEFAULTS,
        id: itemId(k),
        title: `Item ${k}`,
        start: spec.start === null ? null : day(spec.start),
        duration: spec.duration,
        phaseId: spec.phase as PhaseId | null,
        deadlineMilestoneId: spec.deadline as MilestoneId | null,
      })),
      // Item indices up to 27 while there are at most 25 items: some links dangle.
      links.map((l, k) => ({ id: `d${String(k).padStart(3, "0")}` as DependencyId, fromId: itemId(l.from), toId: itemId(l.to), lag: l.lag })),
      {
        milestones: [
          { id: "mA" as MilestoneId, title: "A", date: day(milestones[0]), kind: "deadline" },
          { id: "mB" as MilestoneId, title: "B", date: day(milestones[1]), kind: "release" },
        ],
        phases: [
          { id: "pA" as PhaseId, name: "A", order: 1, milestoneId: "mB" as MilestoneId },
          { id: "pB" as PhaseId, name: "B", order: 0, milestoneId: null },
        ],
        lanes: [{ id: "lA" as LaneId, name: "A", color: "#123456", order: 0, capacity: 1 }],
      },
    );
    snapshot.board = { ...snapshot.board, workingDays, holidays: holidays.map(day), horizonStart: day(horizon) };
    return snapshot;
  });

/**
 * A classic critical-path network: a DAG (links only from lower to higher item numbers),
 * the items without predecessors pinned on the board's start, every other item unpinned,
 * lags ≥ 0, no deadlines.
 */
export const networkArb: fc.Arbitrary<BoardSnapshot> = fc
  .record({
    durations: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 30 }),
    links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), lag: fc.integer({ min: 0, max: 3 }) }), { maxLength: 60 }),
    holidays: fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 8 }),
  })
  .map(({ durations, links, holidays }) => {
    const n = durations.length;
    const deps: Dependency[] = [];
    links.forEach(({ a, b, lag }, k) => {
      const [from, to] = [a % n, b % n];
      if (from < to) deps.push({ id: `d${String(k).padStart(3, "0")}` as DependencyId, fromId: itemId(from), toId: itemId(to), lag });
    });
    const hasPredecessor = new Set(deps.map((dep) => dep.toId as string));
    const items = durations.map((duration, k) => ({
      ...ITEM_DEFAULTS,
      id: itemId(k),
      duration,
      start: hasPredecessor.has(itemId(k)) ? null : HORIZON_START,
    }));
    const snapshot = snapshotOf(items, deps);
    snapshot.board = { ...snapshot.board, holidays: holidays.map(day) };
    return snapshot;
  });

/** The same records, every array in a random order (what another replica's iteration might give). */
export function shuffled(snapshot: BoardSnapshot, r: Rng): BoardSnapshot {
  const shuffle = <T>(list: readonly T[]) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return {
    ...snapshot,
    lanes: shuffle(snapshot.lanes),
    phases: shuffle(snapshot.phases),
    items: shuffle(snapshot.items),
    dependencies: shuffle(snapshot.dependencies),
    milestones: shuffle(snapshot.milestones),
    problems: shuffle(snapshot.problems),
  };
}
