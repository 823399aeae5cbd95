import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { ConflictFinder, findConflicts } from "../../../../lib/derive/conflicts/index";
import { Scheduler } from "../../../../lib/derive/schedule";
import { date } from "../../../../lib/model/dates";
import { buildDemoBoard } from "../../../../lib/model/demoBoard";
import { updateItem } from "../../../../lib/model/itemCommands";
import { updateLane } from "../../../../lib/model/laneCommands";
import { LiveSnapshot } from "../../../../lib/model/liveSnapshot";
import { alice, unwrap } from "../../helpers/docs";
import { setup } from "../../helpers/fixtures";
import { rng } from "../../helpers/prng";
import { runRandomCommand } from "../../helpers/randomCommands";
import { ConflictBoard, TODAY } from "./helpers/conflictBoard";

/** A live board as the app derives it: LiveSnapshot → Scheduler → ConflictFinder. */
function liveBoard(doc: Y.Doc) {
  const live = new LiveSnapshot(doc);
  const scheduler = new Scheduler();
  const finder = new ConflictFinder();
  return {
    /** The finder's conflicts and the stateless ones for the same snapshot and schedule. */
    derive() {
      const snapshot = live.snapshot;
      const { schedule } = scheduler.run(snapshot);
      return { remembered: finder.find(snapshot, schedule, { today: TODAY }), fresh: findConflicts(snapshot, schedule, { today: TODAY }) };
    },
    destroy: () => live.destroy(),
  };
}

describe("ConflictFinder: findConflicts with memory for a live board", () => {
  it.each([1, 2, 3, 4])("after every edit of a random session it finds exactly what findConflicts finds (seed %i)", (seed) => {
    const doc = new Y.Doc();
    buildDemoBoard(doc, setup, date("2027-01-04"));
    const board = liveBoard(doc);
    const r = rng(seed);
    for (let step = 0; step < 150; step++) {
      runRandomCommand(doc, alice, r);
      const { remembered, fresh } = board.derive();
      expect(JSON.stringify(remembered), `step ${step}`).toBe(JSON.stringify(fresh));
    }
    board.destroy();
  });

  it.each([
    ["a lane is renamed", (b: ConflictBoard) => unwrap(updateLane(b.doc, alice, b.lanes.Development, { name: "Engineering" })), "Engineering"],
    ["an item is renamed", (b: ConflictBoard) => unwrap(updateItem(b.doc, alice, b.id("API") as never, { title: "Public API" })), "Public API"],
    ["the capacity changes", (b: ConflictBoard) => unwrap(updateLane(b.doc, alice, b.lanes.Development, { capacity: 1 })), "capacity of 1"],
    ["an owner's spelling changes", (b: ConflictBoard) => unwrap(updateItem(b.doc, alice, b.id("Web") as never, { owners: ["ANA"] })), "ANA is over-booked"],
  ])("remembered load conflicts are redone when %s", (_what, edit, expected) => {
    const b = new ConflictBoard();
    unwrap(updateLane(b.doc, alice, b.lanes.Development, { capacity: 2 }));
    for (const title of ["API", "Web", "App"]) b.item(title, { start: "2027-03-01", duration: 5, lane: "Development", owners: ["ana"] });
    const board = liveBoard(b.doc);
    board.derive();
    edit(b);
    const { remembered, fresh } = board.derive();
    expect(remembered).toEqual(fresh);
    expect(remembered.map((c) => c.message).join("\n")).toContain(expected);
    board.destroy();
  });

  it("remembered load conflicts are redone when an unchanged item is moved by its predecessor", () => {
    const b = new ConflictBoard();
    b.item("Spec", { start: "2027-03-01", duration: 5 });
    b.item("Build", { duration: 5, owners: ["Ana"] }); // unpinned: follows Spec
    b.item("Support", { start: "2027-03-08", duration: 10, owners: ["Ana"] });
    b.link("Spec", "Build");
    const board = liveBoard(b.doc);
    expect(board.derive().remembered.find((c) => c.kind === "person-over-booked")?.interval).toEqual({ start: "2027-03-08", finish: "2027-03-12" });
    unwrap(updateItem(b.doc, alice, b.id("Spec") as never, { start: "2027-03-03" }));
    const { remembered, fresh } = board.derive();
    expect(remembered).toEqual(fresh);
    expect(remembered.find((c) => c.kind === "person-over-booked")?.interval).toEqual({ start: "2027-03-10", finish: "2027-03-16" });
    board.destroy();
  });
});
