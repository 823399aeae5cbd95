import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planChainMove, type ChainPlan } from "../../../lib/derive/chainPlan";
import { findConflicts } from "../../../lib/derive/conflicts/index";
import { computeSchedule } from "../../../lib/derive/schedule";
import { dayOfWorkIndex, makeCalendar, workIndex } from "../../../lib/derive/calendar";
import { addCalendarDays, date, fromDayNumber, toDayNumber, type DateString } from "../../../lib/model/dates";
import { BOARD_DEFAULTS, ITEM_DEFAULTS } from "../../../lib/model/defaults";
import type { DependencyId, ItemId } from "../../../lib/model/ids";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { updateBoard } from "../../../lib/model/boardCommands";
import { unwrap } from "../helpers/docs";
import { setup } from "../helpers/fixtures";
import { ConflictBoard, TODAY } from "./conflicts/helpers/conflictBoard";

/** The plan as "title +shift" lines (write or follow), the way the preview lists it. */
function lines(b: ConflictBoard, plan: ChainPlan | null): string[] {
  const titles = new Map(readTitles(b));
  return plan!.moves.map((m) => `${titles.get(m.itemId)} ${m.from}→${m.to} ${m.shift >= 0 ? "+" : ""}${m.shift}${m.write ? " pin " + m.write : " follows"}`);
}
const readTitles = (b: ConflictBoard) => b.derive().snapshot.items.map((i) => [i.id, i.title] as const);

function plan(b: ConflictBoard, title: string, start: string): ChainPlan | null {
  const { snapshot, schedule } = b.derive();
  return planChainMove(snapshot, schedule, b.id(title) as ItemId, date(start));
}

/** The snapshot with the plan's starts written, as the command writes them. */
function applied(snapshot: BoardSnapshot, p: ChainPlan): BoardSnapshot {
  const writes = new Map(p.moves.filter((m) => m.write).map((m) => [m.itemId as string, m.write!]));
  return { ...snapshot, items: snapshot.items.map((i) => (writes.has(i.id) ? { ...i, start: writes.get(i.id)! } : i)) };
}

describe("planChainMove: move an item and everything after it", () => {
  it("moves a chain of pinned items back to back, where moving one item at a time cascades (issue 15)", () => {
    // API → Frontend → Launch, all pinned back to back (Mon to Fri each).
    const b = new ConflictBoard();
    b.item("API", { start: "2027-01-04", duration: 5 });
    b.item("Frontend", { start: "2027-01-11", duration: 5 });
    b.item("Launch", { start: "2027-01-18", duration: 1 });
    b.link("API", "Frontend");
    b.link("Frontend", "Launch");
    // API slips three working days: Frontend now violates its link. Moving only Frontend (the
    // conflict's own fix) creates the next conflict, on Launch.
    b.raw("items", "API", "start", "2027-01-07");
    const [first] = b.conflicts("dependency-violated");
    expect(first!.fix).toEqual({ kind: "move-item", itemId: b.id("Frontend"), start: "2027-01-14" });
    const { snapshot, schedule } = b.derive();
    const single = { ...snapshot, items: snapshot.items.map((i) => (i.id === b.id("Frontend") ? { ...i, start: date("2027-01-14") } : i)) };
    expect(findConflicts(single, computeSchedule(single), { today: TODAY }).filter((c) => c.kind === "dependency-violated").map((c) => c.objectIds[0])).toEqual([
      b.id("Launch"),
    ]);
    // Moving Frontend and everything after it resolves the chain in one plan.
    const p = planChainMove(snapshot, schedule, b.id("Frontend") as ItemId, date("2027-01-14"))!;
    expect(lines(b, p)).toEqual(["Frontend 2027-01-11→2027-01-14 +3 pin 2027-01-14", "Launch 2027-01-18→2027-01-21 +3 pin 2027-01-21"]);
    const after = applied(snapshot, p);
    expect(findConflicts(after, computeSchedule(after), { today: TODAY }).filter((c) => c.kind === "dependency-violated")).toEqual([]);
  });

  it("lists auto-scheduled successors as following, without writing them, and stops pushing where there is slack", () => {
    const b = new ConflictBoard();
    b.item("Design", { start: "2027-01-04", duration: 5 });
    b.item("Build", { start: null, duration: 10 });
    b.item("Test", { start: "2027-02-01", duration: 5 }); // a week of slack after Build
    b.item("Go-live", { start: "2027-02-15", duration: 1 }); // a week of slack after Test
    b.link("Design", "Build");
    b.link("Build", "Test");
    b.link("Test", "Go-live");
    // Design two weeks later: Build follows (auto), Test is pushed by one week, Go-live keeps its pin.
    expect(lines(b, plan(b, "Design", "2027-01-18"))).toEqual([
      "Design 2027-01-04→2027-01-18 +10 pin 2027-01-18",
      "Build 2027-01-11→2027-01-25 +10 follows",
      "Test 2027-02-01→2027-02-08 +5 pin 2027-02-08",
    ]);
  });

  it("honours lags, leads, holidays and the working week", () => {
    const b = new ConflictBoard();
    // Monday 18 January is a holiday; links: A → B with a lag of 2, A → C with a lead of 1.
    unwrap(updateBoard(b.doc, setup, { holidays: [date("2027-01-18")] }));
    b.item("A", { start: "2027-01-04", duration: 5 });
    b.item("B", { start: "2027-01-13", duration: 3 });
    b.item("C", { start: "2027-01-11", duration: 2 });
    b.link("A", "B", 2);
    b.link("A", "C", -1);
    // A to Wed 6 Jan → finishes Tue 12 Jan. B may start 2 working days after: Fri 15 Jan.
    // C may start the day before A's finish + 1, i.e. Tue 12 Jan.
    expect(lines(b, plan(b, "A", "2027-01-06"))).toEqual([
      "A 2027-01-04→2027-01-06 +2 pin 2027-01-06",
      "C 2027-01-11→2027-01-12 +1 pin 2027-01-12",
      "B 2027-01-13→2027-01-15 +2 pin 2027-01-15",
    ]);
    // A to Fri 8 Jan → finishes Thu 14 Jan; B waits two working days (Fri 15, then Tue 19: the
    // weekend and the holiday do not count) and starts Wed 20 Jan, four working days later.
    expect(lines(b, plan(b, "A", "2027-01-08"))).toContain("B 2027-01-13→2027-01-20 +4 pin 2027-01-20");
  });

  it("moves nothing before the item, nor items beside the chain", () => {
    const b = new ConflictBoard();
    b.item("Before", { start: "2027-01-04", duration: 5 });
    b.item("X", { start: "2027-01-11", duration: 5 });
    b.item("After", { start: "2027-01-18", duration: 5 });
    b.item("Beside", { start: "2027-01-18", duration: 5 });
    b.link("Before", "X");
    b.link("X", "After");
    b.link("Before", "Beside");
    expect(lines(b, plan(b, "X", "2027-01-25"))).toEqual(["X 2027-01-11→2027-01-25 +10 pin 2027-01-25", "After 2027-01-18→2027-02-01 +10 pin 2027-02-01"]);
    // Moving X earlier pulls nothing along: pinned successors keep their place.
    expect(lines(b, plan(b, "X", "2027-01-06"))).toEqual(["X 2027-01-11→2027-01-06 -3 pin 2027-01-06"]);
  });

  it("is null for an item that does not exist", () => {
    const b = new ConflictBoard();
    const { snapshot, schedule } = b.derive();
    expect(planChainMove(snapshot, schedule, "iGone" as ItemId, date("2027-01-04"))).toBeNull();
  });
});

describe("planChainMove on random boards", () => {
  const BASE = date("2027-01-04");
  const day = (offset: number): DateString => addCalendarDays(BASE, offset);
  const id = (k: number) => `i${String(k).padStart(2, "0")}` as ItemId;
  /** Random DAGs (links only from lower to higher index), pinned and auto items, lags and leads, odd calendars. */
  const boardArb = fc
    .record({
      items: fc.array(fc.record({ start: fc.option(fc.integer({ min: -10, max: 80 }), { freq: 3 }), duration: fc.integer({ min: 1, max: 12 }) }), {
        minLength: 2,
        maxLength: 14,
      }),
      links: fc.array(fc.record({ a: fc.nat(13), b: fc.nat(13), lag: fc.integer({ min: -4, max: 6 }) }), { maxLength: 30 }),
      workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
      holidays: fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 8 }),
      root: fc.nat(13),
      target: fc.integer({ min: -15, max: 90 }),
    })
    .map(({ items, links, workingDays, holidays, root, target }) => {
      const n = items.length;
      const deps = links
        .map((l) => [l.a % n, l.b % n, l.lag] as const)
        .filter(([a, b]) => a !== b)
        .map(([a, b, lag], k) => ({ id: `d${String(k).padStart(2, "0")}` as DependencyId, fromId: id(Math.min(a, b)), toId: id(Math.max(a, b)), lag }));
      const snapshot: BoardSnapshot = {
        board: { ...BOARD_DEFAULTS, horizonStart: BASE, workingDays, holidays: [...new Set(holidays)].map(day) },
        lanes: [],
        phases: [],
        milestones: [],
        problems: [],
        items: items.map((spec, k) => ({ ...ITEM_DEFAULTS, id: id(k), title: `Item ${k}`, start: spec.start === null ? null : day(spec.start), duration: spec.duration })),
        dependencies: deps,
      };
      return { snapshot, root: id(root % n), target: day(target) };
    });

  /** The root and every item after it through links. */
  function chainOf(snapshot: BoardSnapshot, root: ItemId): Set<string> {
    const chain = new Set<string>([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const d of snapshot.dependencies) if (chain.has(d.fromId) && !chain.has(d.toId)) grew = chain.add(d.toId).size > 0;
    }
    return chain;
  }

  // The moved item goes where it is asked to (a conflict's fix asks for a start its links allow).
  it("after applying, no link into an item after the moved one is violated; nothing outside it moves; pinned successors only move later, to the earliest start their links allow", () => {
    fc.assert(
      fc.property(boardArb, ({ snapshot, root, target }) => {
        const schedule = computeSchedule(snapshot);
        const p = planChainMove(snapshot, schedule, root, target)!;
        const chain = chainOf(snapshot, root);
        const after = applied(snapshot, p);
        const afterSchedule = computeSchedule(after);
        const violated = findConflicts(after, afterSchedule, { today: TODAY }).filter((c) => c.kind === "dependency-violated" && c.objectIds[0] !== root && chain.has(c.objectIds[0]!));
        expect(violated).toEqual([]);
        // The plan says where each item lands: the scheduler agrees.
        const startOf = new Map(afterSchedule.items.map((e) => [e.itemId as string, e.start]));
        const before = new Map(schedule.items.map((e) => [e.itemId as string, e.start]));
        for (const move of p.moves) expect(startOf.get(move.itemId)).toBe(move.to);
        for (const [itemId, start] of before) {
          if (!chain.has(itemId)) expect(startOf.get(itemId)).toBe(start);
          else if (itemId !== root && !p.moves.some((m) => m.itemId === itemId)) expect(startOf.get(itemId)).toBe(start);
        }
        // Auto-scheduled followers go wherever the chain takes them; a pin is only ever pushed later.
        for (const move of p.moves) if (move.itemId !== root && move.write) expect(move.shift).toBeGreaterThan(0);
        // A re-pinned successor sits exactly where its links allow, not later.
        const required = new Map<string, boolean>();
        for (const move of p.moves) if (move.itemId !== root && move.write) required.set(move.itemId, true);
        const itemsAfter = new Map(after.items.map((i) => [i.id as string, i]));
        const cal = makeCalendar(snapshot.board);
        const workingDayBefore = (d: DateString) => fromDayNumber(dayOfWorkIndex(cal, workIndex(cal, toDayNumber(d)) - 1));
        for (const itemId of required.keys()) {
          const moved = { ...after, items: after.items.map((i) => (i.id === itemId ? { ...i, start: workingDayBefore(itemsAfter.get(itemId)!.start!) } : i)) };
          const earlier = findConflicts(moved, computeSchedule(moved), { today: TODAY }).filter((c) => c.kind === "dependency-violated" && c.objectIds[0] === itemId);
          expect(earlier.length).toBeGreaterThan(0);
        }
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
