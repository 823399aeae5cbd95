import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { ConflictFinder, findConflicts } from "../../../../lib/derive/conflicts/index";
import { Scheduler } from "../../../../lib/derive/schedule";
import { date } from "../../../../lib/model/dates";
import { buildDemoBoard } from "../../../../lib/model/demoBoard";
import { LiveSnapshot } from "../../../../lib/model/liveSnapshot";
import { alice } from "../../helpers/docs";
import { setup } from "../../helpers/fixtures";
import { rng } from "../../helpers/prng";
import { runRandomCommand } from "../../helpers/randomCommands";
import { TODAY } from "./helpers/conflictBoard";

describe("ConflictFinder: findConflicts with memory for a live board", () => {
  it.each([1, 2, 3, 4])("after every edit of a random session it finds exactly what findConflicts finds (seed %i)", (seed) => {
    const doc = new Y.Doc();
    buildDemoBoard(doc, setup, date("2027-01-04"));
    const live = new LiveSnapshot(doc);
    const scheduler = new Scheduler();
    const finder = new ConflictFinder();
    const r = rng(seed);
    for (let step = 0; step < 120; step++) {
      runRandomCommand(doc, alice, r);
      const snapshot = live.snapshot;
      const { schedule } = scheduler.run(snapshot);
      expect(JSON.stringify(finder.find(snapshot, schedule, { today: TODAY })), `step ${step}`).toBe(
        JSON.stringify(findConflicts(snapshot, schedule, { today: TODAY })),
      );
    }
    live.destroy();
  });

  it("a finder fed boards of different shapes in turn stays correct", () => {
    const finder = new ConflictFinder();
    const boards = [1, 2].map((i) => {
      const doc = new Y.Doc();
      buildDemoBoard(doc, setup, date(i === 1 ? "2027-01-04" : "2028-03-06"));
      const r = rng(i);
      for (let k = 0; k < 40; k++) runRandomCommand(doc, alice, r);
      const live = new LiveSnapshot(doc);
      return { snapshot: live.snapshot, schedule: new Scheduler().run(live.snapshot).schedule };
    });
    for (const { snapshot, schedule } of [...boards, ...boards, boards[0]!]) {
      expect(finder.find(snapshot, schedule, { today: TODAY })).toEqual(findConflicts(snapshot, schedule, { today: TODAY }));
    }
  });
});
