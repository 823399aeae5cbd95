import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutBoard } from "../../../lib/derive/boardLayout";
import { makeCalendar, workIndex } from "../../../lib/derive/calendar";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { computeSchedule } from "../../../lib/derive/schedule";
import { LAST_SUPPORTED_DAY } from "../../../lib/model/dateRange";
import { toDayNumber, type DateString } from "../../../lib/model/dates";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { rng } from "../helpers/prng";
import { anyBoardArb, networkArb, shuffled } from "./scheduleArbitraries";

const TODAY = { today: "2027-03-01" as DateString };
const layoutJson = (s: BoardSnapshot) => {
  const layout = layoutBoard(s);
  return JSON.stringify({ ...layout, spans: [...layout.spans].sort(), laneRows: [...layout.laneRows].sort() });
};

describe("scheduling properties", () => {
  it("an unpinned successor never starts before its predecessor's finish + lag, nor before the board's start", () => {
    fc.assert(
      fc.property(anyBoardArb, (snapshot) => {
        const s = computeSchedule(snapshot);
        const cal = makeCalendar(snapshot.board);
        const at = (date: DateString) => workIndex(cal, toDayNumber(date));
        const entry = new Map(s.items.map((i) => [i.itemId as string, i]));
        const inCycle = new Set(s.cycles.flatMap((c) => c.dependencyIds as string[]));
        for (const dep of snapshot.dependencies) {
          const [pred, succ] = [entry.get(dep.fromId), entry.get(dep.toId)];
          if (!pred || !succ || succ.pinned || inCycle.has(dep.id) || Math.abs(dep.lag) > 1000) continue;
          // Past the last supported day (docs/dates.md) the schedule is clamped to it.
          const last = workIndex(cal, LAST_SUPPORTED_DAY + 1) - 1;
          expect(at(succ.start)).toBeGreaterThanOrEqual(Math.min(last, at(pred.finish) + 1 + dep.lag));
        }
        for (const item of s.items) if (!item.pinned) expect(at(item.start)).toBeGreaterThanOrEqual(at(snapshot.board.horizonStart));
      }),
      { seed: 30303, numRuns: 300 },
    );
  });

  it("slack is zero exactly on the critical paths of a classic network (no pinned items after the start, no deadlines)", () => {
    fc.assert(
      fc.property(networkArb, (snapshot) => {
        const s = computeSchedule(snapshot);
        // An independent longest-path computation in plain units: head[v] = longest time before v
        // can start, tail[v] = longest time after it finishes; v is critical iff it lies on a
        // longest path: head + duration + tail = project length.
        const ids = snapshot.items.map((i) => i.id as string);
        const dur = snapshot.items.map((i) => i.duration);
        const head = dur.map(() => 0);
        const tail = dur.map(() => 0);
        const links = snapshot.dependencies.map((d) => ({ from: ids.indexOf(d.fromId), to: ids.indexOf(d.toId), lag: d.lag }));
        for (let v = 0; v < ids.length; v++) for (const l of links) if (l.to === v) head[v] = Math.max(head[v]!, head[l.from]! + dur[l.from]! + l.lag);
        for (let v = ids.length - 1; v >= 0; v--) for (const l of links) if (l.from === v) tail[v] = Math.max(tail[v]!, l.lag + dur[l.to]! + tail[l.to]!);
        const length = Math.max(...ids.map((_, v) => head[v]! + dur[v]! + tail[v]!));
        const cal = makeCalendar(snapshot.board);
        const origin = workIndex(cal, toDayNumber(snapshot.board.horizonStart));
        s.items.forEach((item, v) => {
          expect(item.itemId).toBe(ids[v]);
          expect(workIndex(cal, toDayNumber(item.earlyStart)) - origin).toBe(head[v]);
          expect(item.totalSlack).toBe(length - head[v]! - dur[v]! - tail[v]!);
          expect(item.totalSlack === 0).toBe(head[v]! + dur[v]! + tail[v]! === length);
        });
        // The reported path is a chain of links through zero-slack items from the start to the end.
        const path = s.criticalPaths[0]!.itemIds;
        expect(s.criticalPaths[0]!.slack).toBe(0);
        for (const id of path) expect(s.items[ids.indexOf(id)]!.totalSlack).toBe(0);
        for (let k = 1; k < path.length; k++) expect(links.some((l) => ids[l.from] === path[k - 1] && ids[l.to] === path[k])).toBe(true);
        expect(head[ids.indexOf(path[0]!)]).toBe(0);
        expect(s.items[ids.indexOf(path.at(-1)!)]!.finish).toBe(s.boardFinish);
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it("shuffling the order of every array of the snapshot changes nothing, byte for byte", () => {
    fc.assert(
      fc.property(anyBoardArb, fc.integer(), (snapshot, seed) => {
        const other = shuffled(snapshot, rng(seed));
        expect(JSON.stringify(computeSchedule(other))).toBe(JSON.stringify(computeSchedule(snapshot)));
        expect(JSON.stringify(deriveBoard(other, TODAY))).toBe(JSON.stringify(deriveBoard(snapshot, TODAY)));
        expect(layoutJson(other)).toBe(layoutJson(snapshot));
      }),
      { seed: 777, numRuns: 200 },
    );
  });

  it("computeSchedule, deriveBoard and layoutBoard never throw on random boards (cycles, dangling ids, junk durations, odd calendars)", () => {
    fc.assert(
      fc.property(anyBoardArb, (snapshot) => {
        const derived = deriveBoard(snapshot, TODAY);
        layoutBoard(snapshot, derived.schedule, derived.phaseSpans);
        // Every item is either scheduled or unscheduled, once.
        const listed = [...derived.schedule.items.map((i) => i.itemId), ...derived.schedule.unscheduled].sort();
        expect(listed).toEqual(snapshot.items.map((i) => i.id).sort());
        for (const item of derived.schedule.items) {
          for (const date of [item.start, item.finish, item.lateStart, item.lateFinish]) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(item.finish >= item.start).toBe(true);
        }
      }),
      { seed: 99, numRuns: 400 },
    );
  });
});
