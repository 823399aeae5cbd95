import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayOfWorkIndex, isWorkingDay, makeCalendar, workIndex } from "../../../lib/derive/calendar";
import { formatDay, parseDay } from "../../../lib/derive/dayStrings";
import { computeSchedule } from "../../../lib/derive/schedule";
import type { ScheduledItem } from "../../../lib/derive/types";
import { compareSnapshots, isEmptyComparison } from "../../../lib/history/compareSnapshots";
import type { DateString } from "../../../lib/model/dates";
import type { Item } from "../../../lib/model/schemas";
import { readSnapshot, type BoardSnapshot } from "../../../lib/model/snapshot";
import { shuffled } from "../derive/scheduleArbitraries";
import { rng } from "../helpers/prng";
import { templateBoard } from "../helpers/fixtures";
import { boardPair, boardPairArb } from "./boardPairs";

const RUNS = { numRuns: 120 };

/** The item fields compare looks at, as the requirement lists them. */
const FIELDS = ["duration", "title", "lane", "phase", "status", "priority", "deadline", "owners"] as const;
const fieldOf: Record<(typeof FIELDS)[number], (i: Item) => unknown> = {
  duration: (i) => i.duration,
  title: (i) => i.title,
  lane: (i) => i.laneId,
  phase: (i) => i.phaseId,
  status: (i) => i.status,
  priority: (i) => i.priority,
  deadline: (i) => i.deadlineMilestoneId,
  // Owners are a set.
  owners: (i) => [...new Set(i.owners)].sort().join("\n"),
};

const scheduledById = (s: BoardSnapshot) => new Map<string, ScheduledItem>(computeSchedule(s).items.map((e) => [e.itemId, e]));

/** Moves `date` by `shift` working days of `cal`, as someone applying the comparison would. */
const applyShift = (cal: ReturnType<typeof makeCalendar>, date: DateString, shift: number) => formatDay(dayOfWorkIndex(cal, workIndex(cal, parseDay(date)) + shift));

describe("compareSnapshots: properties over random boards built with lib/model commands", () => {
  it("a snapshot compared with itself, or with another read of the same document, is empty", () => {
    fc.assert(
      fc.property(boardPairArb, ({ before, after }) => {
        expect(isEmptyComparison(compareSnapshots(before, before))).toBe(true);
        const again = JSON.parse(JSON.stringify(after)) as BoardSnapshot;
        const c = compareSnapshots(after, again);
        expect(c.items).toEqual([]);
        expect(c.milestones).toEqual([]);
        expect(c.lanes).toEqual([]);
        expect(c.phases).toEqual([]);
        expect(isEmptyComparison(c)).toBe(true);
      }),
      RUNS,
    );
  });

  it("reports every change exactly once: one entry per changed item, each field when and only when it differs", () => {
    fc.assert(
      fc.property(boardPairArb, ({ before, after }) => {
        const c = compareSnapshots(before, after);
        const ids = c.items.map((e) => e.itemId as string);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(ids);
        const was = new Map(before.items.map((i) => [i.id as string, i]));
        const now = new Map(after.items.map((i) => [i.id as string, i]));
        const [sa, sb] = [scheduledById(before), scheduledById(after)];
        const reported = new Map(c.items.map((e) => [e.itemId as string, e]));
        for (const id of new Set([...was.keys(), ...now.keys()])) {
          const [x, y] = [was.get(id), now.get(id)];
          const entry = reported.get(id);
          if (!x || !y) {
            expect(entry?.change).toBe(x ? "removed" : "added");
            continue;
          }
          const changedFields = FIELDS.filter((f) => fieldOf[f](x) !== fieldOf[f](y));
          const [ea, eb] = [sa.get(id), sb.get(id)];
          const moved = ea?.start !== eb?.start || ea?.finish !== eb?.finish;
          if (moved) changedFields.push("schedule" as never);
          if (changedFields.length === 0) {
            expect(entry).toBeUndefined();
            continue;
          }
          expect(entry?.change).toBe("changed");
          expect(Object.keys(entry!.fields).sort()).toEqual([...changedFields].sort());
          expect(entry!.lane).toBe(y.laneId);
        }
        // Milestones, lanes and phases: one entry per id, and only for real differences.
        for (const list of [c.milestones.map((m) => m.milestoneId as string), c.lanes.map((l) => l.id as string), c.phases.map((p) => p.id as string)]) {
          expect(new Set(list).size).toBe(list.length);
          expect([...list].sort()).toEqual(list);
        }
        for (const m of c.milestones.filter((m) => m.change === "changed")) expect(Object.keys(m.fields).length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it("applying the reported moves and duration changes to the older board gives the newer board's dates", () => {
    fc.assert(
      fc.property(boardPairArb, ({ before, after }) => {
        const c = compareSnapshots(before, after);
        const cal = makeCalendar(after.board);
        const predicted = new Map<string, { start: DateString; finish: DateString }>();
        const durations = new Map<string, number>(before.items.map((i) => [i.id, i.duration]));
        for (const e of computeSchedule(before).items) predicted.set(e.itemId, { start: e.start, finish: e.finish });
        for (const entry of c.items) {
          if (entry.change !== "changed") continue;
          const s = entry.fields.schedule;
          const was = predicted.get(entry.itemId);
          if (s && was && s.startShift !== null && s.finishShift !== null) {
            predicted.set(entry.itemId, { start: applyShift(cal, was.start, s.startShift), finish: applyShift(cal, was.finish, s.finishShift) });
          } else if (s) {
            // Scheduled on one side only: the comparison gives the dates themselves.
            if (s.start.after === null) predicted.delete(entry.itemId);
            else predicted.set(entry.itemId, { start: s.start.after, finish: s.finish.after! });
          }
          if (entry.fields.duration) durations.set(entry.itemId, durations.get(entry.itemId)! + entry.fields.duration.delta);
        }
        const added = new Set(c.items.filter((e) => e.change === "added").map((e) => e.itemId as string));
        for (const now of computeSchedule(after).items) {
          if (!added.has(now.itemId)) expect(predicted.get(now.itemId)).toEqual({ start: now.start, finish: now.finish });
        }
        for (const item of after.items) if (durations.has(item.id)) expect(durations.get(item.id)).toBe(item.duration);
        const f = c.boardFinish;
        if (f.before !== null && f.after !== null) expect(applyShift(cal, f.before, f.shift!)).toBe(f.after);
        // Milestone dates on working days come back exactly from their shift.
        for (const m of c.milestones) {
          const d = m.fields.date;
          if (d && isWorkingDay(cal, parseDay(d.after))) {
            expect(applyShift(cal, d.before, d.shift)).toBe(d.after);
          }
        }
      }),
      RUNS,
    );
  });

  it("reads the same both ways: what one direction adds, the other removes", () => {
    fc.assert(
      fc.property(boardPairArb, ({ before, after }) => {
        const forth = compareSnapshots(before, after);
        const back = compareSnapshots(after, before);
        const kinds = (list: { change: string }[], id: (e: never) => string) => list.map((e) => `${id(e as never)}:${e.change}`);
        const flip = (s: string) => s.replace(/:added$/, ":x").replace(/:removed$/, ":added").replace(/:x$/, ":removed");
        expect(kinds(back.items, (e: { itemId: string }) => e.itemId)).toEqual(kinds(forth.items, (e: { itemId: string }) => e.itemId).map(flip));
        expect(kinds(back.lanes, (e: { id: string }) => e.id)).toEqual(kinds(forth.lanes, (e: { id: string }) => e.id).map(flip));
        expect(back.boardFinish.before).toBe(forth.boardFinish.after);
      }),
      RUNS,
    );
  });

  it("does not depend on the order of the snapshots' arrays (every replica gives the same JSON)", () => {
    fc.assert(
      fc.property(boardPairArb, fc.integer(), ({ before, after }, seed) => {
        const r = rng(seed);
        expect(JSON.stringify(compareSnapshots(shuffled(before, r), shuffled(after, r)))).toBe(JSON.stringify(compareSnapshots(before, after)));
      }),
      { numRuns: 60 },
    );
  });

  it("pinned seeds: a board against itself after many edits, and an empty board against a full one", () => {
    const { before, after } = boardPair(20270104, 80, 40);
    const c = compareSnapshots(before, after);
    expect(c.items.length).toBeGreaterThan(0);
    const empty = readSnapshot(templateBoard(2).doc);
    const all = compareSnapshots(empty, after);
    expect(all.items.every((e) => e.change === "added")).toBe(true);
    expect(all.items.length).toBe(after.items.length);
  });
});
