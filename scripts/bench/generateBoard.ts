import * as Y from "yjs";
import { addCalendarDays, date, type DateString } from "../../lib/model/dates";
import { boardMap, collection, DESCRIPTION_FIELD, newRecordMap } from "../../lib/model/docLayout";

/**
 * A big, realistic board for benchmarks, the same for a given seed: lanes of teams working
 * through chains of items (most chains start on a pinned date, the rest of the chain follows
 * its links), links across lanes from earlier work, releases every few weeks, owners and
 * efforts. Written straight into the Y.Doc in one transaction: the commands would check every
 * link for a cycle against all others, which is right for a person and too slow for 15,000.
 */
export interface BoardSize {
  items: number;
  dependencies: number;
  lanes: number;
  milestones: number;
}

/** Parallel workstreams per lane. */
const STREAMS = 6;

export const BENCH_SIZE: BoardSize = { items: 10_000, dependencies: 15_000, lanes: 12, milestones: 300 };

/** mulberry32: a tiny seeded PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
}

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
/** Ids shaped like the app's (a prefix and 16 base-36 characters), so id order is not creation order. */
function idMaker(r: ReturnType<typeof prng>) {
  return (prefix: string) => {
    let out = prefix;
    for (let i = 0; i < 16; i++) out += ALPHABET[r.int(36)];
    return out;
  };
}

export interface GeneratedBoard {
  doc: Y.Doc;
  itemIds: string[];
}

export function generateBoard(seed: number, size: BoardSize = BENCH_SIZE): GeneratedBoard {
  const r = prng(seed);
  const newId = idMaker(r);
  const doc = new Y.Doc();
  doc.clientID = 1;
  const start = date("2027-01-04");
  const day = (offset: number): DateString => addCalendarDays(start, offset);
  /** People pin work on weekdays (the timeline snaps to them): start is a Monday. */
  const weekday = (offset: number): DateString => day(offset % 7 >= 5 ? offset + 7 - (offset % 7) : offset);
  const holidays = Array.from({ length: 40 }, (_, i) => day(i * 45 + r.int(20)));
  const people = Array.from({ length: 400 }, (_, i) => `Person ${i}`);

  const laneIds = Array.from({ length: size.lanes }, () => newId("l"));
  const milestoneIds = Array.from({ length: size.milestones }, () => newId("m"));
  // Milestones spread over four years, ordered by date.
  const milestoneDay = milestoneIds.map((_, k) => Math.floor((k * 4 * 365) / size.milestones) + r.int(5));
  const phaseIds = Array.from({ length: 5 }, () => newId("p"));
  const itemIds: string[] = [];

  doc.transact(() => {
    const board = boardMap(doc);
    for (const [key, value] of Object.entries({
      title: "Benchmark roadmap",
      goal: "",
      horizonStart: start,
      horizonEnd: day(4 * 365),
      workingDays: [1, 2, 3, 4, 5],
      holidays,
      timeScale: "months",
    }))
      board.set(key, value);
    laneIds.forEach((id, i) =>
      collection(doc, "lanes").set(id, newRecordMap({ name: `Team ${i}`, color: "#3b82f6", order: i, capacity: 4 + r.int(5) })),
    );
    milestoneIds.forEach((id, k) =>
      collection(doc, "milestones").set(id, newRecordMap({ title: `Release ${k}`, date: day(milestoneDay[k]!), kind: k % 10 === 0 ? "release" : "deadline" })),
    );
    phaseIds.forEach((id, k) =>
      collection(doc, "phases").set(id, newRecordMap({ name: `Phase ${k}`, order: k, milestoneId: milestoneIds[Math.floor(((k + 1) * size.milestones) / 5) - 1]! })),
    );

    // Items in creation order = a topological order: links only go from earlier to later items.
    // Each lane runs a few parallel workstreams; an item continues one of them (linked to its
    // last item) or, now and then, starts a new piece of work on a pinned date.
    const laneOf: number[] = [];
    const lastInStream: number[][] = laneIds.map(() => Array.from({ length: STREAMS }, () => -1));
    let links = 0;
    const addLink = (from: number, to: number, lag: number) => {
      collection(doc, "dependencies").set(newId("d"), newRecordMap({ fromId: itemIds[from]!, toId: itemIds[to]!, lag }));
      links++;
    };
    for (let k = 0; k < size.items; k++) {
      const lane = r.int(size.lanes);
      const stream = r.int(STREAMS);
      const id = newId("i");
      itemIds.push(id);
      laneOf.push(lane);
      const progress = k / size.items; // later items sit later on the plan
      const previous = lastInStream[lane]![stream]!;
      const head = previous < 0 || r.chance(0.12);
      const phase = phaseIds[Math.min(4, Math.floor(progress * 5))]!;
      const item = newRecordMap({
        title: `Item ${k}`,
        laneId: laneIds[lane],
        phaseId: phase,
        start: head ? weekday(Math.floor(progress * 3.5 * 365) + r.int(10)) : null,
        duration: 1 + r.int(10),
        effort: [0, 0.5, 1, 1, 2][r.int(5)],
        owners: [people[r.int(people.length)]!, ...(r.chance(0.2) ? [people[r.int(people.length)]!] : [])],
        status: "planned",
        priority: "should",
        tags: [],
        links: [],
        deadlineMilestoneId: r.chance(0.05) ? milestoneIds[Math.min(size.milestones - 1, Math.floor(progress * size.milestones) + 3)]! : null,
      });
      item.set(DESCRIPTION_FIELD, new Y.XmlFragment());
      collection(doc, "items").set(id, item);
      if (!head) addLink(previous, k, r.chance(0.85) ? 0 : r.int(4) - 1);
      lastInStream[lane]![stream] = k;
    }
    // Cross-lane hand-overs from earlier work, until the link budget is spent.
    while (links < size.dependencies) {
      const to = 600 + r.int(size.items - 600);
      const from = to - 150 - r.int(450);
      if (laneOf[from] !== laneOf[to]) addLink(from, to, r.chance(0.85) ? 0 : r.int(4));
    }
  });
  return { doc, itemIds };
}
