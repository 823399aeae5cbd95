import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { clampWorkingDays, dayOfWorkIndex, makeCalendar, workIndex } from "../../../lib/derive/calendar";
import { parseDay } from "../../../lib/derive/dayStrings";
import { computeSchedule, Scheduler } from "../../../lib/derive/schedule";
import { scheduleIndexOf, type ScheduleIndex } from "../../../lib/derive/scheduleIndex";
import type { Schedule } from "../../../lib/derive/types";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { LiveSnapshot } from "../../../lib/model/liveSnapshot";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot, type BoardSnapshot } from "../../../lib/model/snapshot";
import { newDoc } from "../helpers/docs";
import { setup } from "../helpers/fixtures";
import { rng } from "../helpers/prng";
import { runRandomCommand } from "../helpers/randomCommands";
import { anyBoardArb } from "./scheduleArbitraries";

/** Everything the index says, recomputed the slow way from the schedule's JSON and the snapshot. */
function expectIndexAgrees(snapshot: BoardSnapshot, schedule: Schedule, index: ScheduleIndex) {
  expect(index.schedule).toBe(schedule);
  // The snapshot's own records (not copies from an earlier snapshot), in id order.
  const sorted = [...snapshot.items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  expect(index.items.length).toBe(sorted.length);
  sorted.forEach((item, v) => expect(index.items[v]).toBe(item));
  const entryOf = new Map(schedule.items.map((e) => [e.itemId as string, e]));
  const cal = makeCalendar(snapshot.board);
  const inCycle = new Set(schedule.cycles.flatMap((c) => c.dependencyIds as string[]));
  const position = new Map(sorted.map((item, v) => [item.id as string, v]));
  index.items.forEach((item, v) => {
    expect(index.itemIndex(item.id)).toBe(v);
    const entry = entryOf.get(item.id);
    expect(index.entries[v]).toBe(entry);
    expect(index.scheduled[v]).toBe(entry ? 1 : 0);
    expect(index.pinned[v]).toBe(entry?.pinned ? 1 : 0);
    expect(index.startDay[v]).toEqual(entry ? parseDay(entry.start) : NaN);
    expect(index.finishDay[v]).toEqual(entry ? parseDay(entry.finish) : NaN);
    // The latest "finish + 1 + lag" over scheduled predecessors, links in cycles left out.
    let required = NaN;
    for (const dep of snapshot.dependencies) {
      const pred = entryOf.get(dep.fromId);
      if (dep.toId !== item.id || !pred || inCycle.has(dep.id) || !entry) continue;
      const start = dayOfWorkIndex(cal, workIndex(cal, parseDay(pred.finish)) + 1 + clampWorkingDays(dep.lag));
      if (!(start <= required)) required = start;
    }
    if (Math.abs(required) < 3e6) expect(index.requiredStartDay[v]).toEqual(required);
  });
  expect(index.dependencies).toBe(snapshot.dependencies);
  snapshot.dependencies.forEach((dep, k) => {
    expect(index.depFrom[k]).toBe(position.get(dep.fromId) ?? -1);
    expect(index.depTo[k]).toBe(position.get(dep.toId) ?? -1);
    expect(index.itemIndex(dep.fromId)).toBe(position.get(dep.fromId) ?? -1);
  });
}

describe("the schedule index agrees with the schedule it is attached to", () => {
  it("on random boards", () => {
    fc.assert(
      fc.property(anyBoardArb, (snapshot) => {
        const schedule = computeSchedule(snapshot);
        expectIndexAgrees(snapshot, schedule, scheduleIndexOf(schedule)!);
      }),
      { seed: 5150, numRuns: 200 },
    );
  });

  it("on schedules a Scheduler derived incrementally from a live board", () => {
    const doc = newDoc(1);
    buildDemoBoard(doc, setup, date("2027-01-04"));
    const live = new LiveSnapshot(doc);
    const scheduler = new Scheduler();
    const r = rng(8);
    const origin = createOrigin("local", "fuzz");
    for (let step = 0; step < 80; step++) {
      runRandomCommand(doc, origin, rng(r.int(2 ** 31)));
      const { schedule } = scheduler.run(live.snapshot);
      expectIndexAgrees(live.snapshot, schedule, scheduleIndexOf(schedule)!);
    }
    expect(JSON.stringify(scheduler.run(live.snapshot).schedule)).toBe(JSON.stringify(computeSchedule(readSnapshot(doc))));
  });

  it("a schedule that did not come from the scheduler has no index", () => {
    const copy = JSON.parse(JSON.stringify(computeSchedule(readSnapshot(new Y.Doc())))) as Schedule;
    expect(scheduleIndexOf(copy)).toBeUndefined();
  });
});
