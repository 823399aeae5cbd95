import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { findConflicts } from "../../../../lib/derive/conflicts/index";
import { computeSchedule, Scheduler } from "../../../../lib/derive/schedule";
import { scheduleIndexOf } from "../../../../lib/derive/scheduleIndex";
import type { Schedule } from "../../../../lib/derive/types";
import { date } from "../../../../lib/model/dates";
import { buildDemoBoard } from "../../../../lib/model/demoBoard";
import { LiveSnapshot } from "../../../../lib/model/liveSnapshot";
import { alice } from "../../helpers/docs";
import { setup } from "../../helpers/fixtures";
import { rng } from "../../helpers/prng";
import { runRandomCommand } from "../../helpers/randomCommands";
import { TODAY } from "./helpers/conflictBoard";
import { snapshotArb } from "./helpers/randomSnapshot";

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The same schedule without the scheduler's index: what a fixture or a parsed copy is. */
const plain = (schedule: Schedule): Schedule => JSON.parse(JSON.stringify(schedule)) as Schedule;

describe("conflicts from the scheduler's index equal conflicts from lookups built here", () => {
  it.each([1, 2, 3])("after every edit of a live session, the index the Scheduler reuses gives the same conflicts (seed %i)", (seed) => {
    const doc = new Y.Doc();
    buildDemoBoard(doc, setup, date("2027-01-04"));
    const live = new LiveSnapshot(doc);
    const scheduler = new Scheduler();
    const r = rng(seed);
    for (let step = 0; step < 100; step++) {
      runRandomCommand(doc, alice, r);
      const snapshot = live.snapshot;
      const { schedule } = scheduler.run(snapshot);
      expect(scheduleIndexOf(schedule)).toBeDefined();
      expect(JSON.stringify(findConflicts(snapshot, schedule, { today: TODAY })), `step ${step}`).toBe(
        JSON.stringify(findConflicts(snapshot, plain(schedule), { today: TODAY })),
      );
    }
    live.destroy();
  });

  it("on random snapshots (dangling ids, cycles, junk durations)", () => {
    fc.assert(
      fc.property(snapshotArb, (random) => {
        // Sorted by id, as readSnapshot returns them: the index is only used for the arrays it was built from.
        const snapshot = { ...random, items: [...random.items].sort(byId), dependencies: [...random.dependencies].sort(byId) };
        const schedule = computeSchedule(snapshot);
        expect(scheduleIndexOf(schedule)?.items).toBe(snapshot.items);
        expect(JSON.stringify(findConflicts(snapshot, schedule, { today: TODAY }))).toBe(JSON.stringify(findConflicts(snapshot, plain(schedule), { today: TODAY })));
      }),
      { numRuns: 300 },
    );
  });
});
