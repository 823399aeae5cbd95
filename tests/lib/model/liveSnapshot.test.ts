import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { boardMap, collection, itemDescription, newRecordMap, recordMap } from "../../../lib/model/docLayout";
import type { LaneId } from "../../../lib/model/ids";
import { moveItem, updateItem } from "../../../lib/model/itemCommands";
import { LiveSnapshot } from "../../../lib/model/liveSnapshot";
import { createOrigin } from "../../../lib/model/origin";
import { alice, newDoc, snapshotJson, syncDocs, unwrap } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";
import { rng } from "../helpers/prng";
import { runRandomCommand } from "../helpers/randomCommands";

/** The live snapshot must always be what a full read gives, byte for byte. */
const expectCurrent = (live: LiveSnapshot, doc: Y.Doc, label: string) =>
  expect(JSON.stringify(live.snapshot), label).toBe(snapshotJson(doc));

function demoDoc(clientID: number) {
  const doc = newDoc(clientID);
  buildDemoBoard(doc, setup, date("2027-01-04"));
  return doc;
}

describe("LiveSnapshot equals readSnapshot after any sequence of edits", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("random commands and junk writes on one replica (seed %i)", (seed) => {
    const doc = demoDoc(1);
    const live = new LiveSnapshot(doc);
    expectCurrent(live, doc, "initial");
    const r = rng(seed);
    const origin = createOrigin("local", "fuzz");
    for (let step = 0; step < 150; step++) {
      const { name } = runRandomCommand(doc, origin, rng(r.int(2 ** 31)));
      // Read only now and then, so several transactions pile up between flushes too.
      if (r.chance(0.5)) expectCurrent(live, doc, `seed ${seed}, step ${step} (${name})`);
    }
    expectCurrent(live, doc, `seed ${seed}, end`);
    live.destroy();
  });

  it.each([11, 12, 13, 14])("concurrent edits arriving as remote updates, in batches (seed %i)", (seed) => {
    const a = demoDoc(1);
    const b = newDoc(2);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const [liveA, liveB] = [new LiveSnapshot(a), new LiveSnapshot(b)];
    const r = rng(seed);
    const origin = createOrigin("local", "fuzz");
    for (let round = 0; round < 25; round++) {
      for (let k = 0; k < 6; k++) runRandomCommand(r.chance(0.5) ? a : b, origin, rng(r.int(2 ** 31)));
      if (r.chance(0.6)) syncDocs(a, b);
      expectCurrent(liveA, a, `seed ${seed}, round ${round}, replica a`);
      expectCurrent(liveB, b, `seed ${seed}, round ${round}, replica b`);
    }
    syncDocs(a, b);
    expect(JSON.stringify(liveA.snapshot)).toBe(JSON.stringify(liveB.snapshot));
  });

  it("junk written into the board's settings, then repaired", () => {
    const doc = demoDoc(1);
    const live = new LiveSnapshot(doc);
    const board = boardMap(doc);
    for (const [field, junk] of [["holidays", "soon"], ["workingDays", [9]], ["horizonStart", "2027-02-30"], ["title", 42]] as const) {
      board.set(field, junk);
      expectCurrent(live, doc, `junk in ${field}`);
    }
    doc.transact(() => {
      board.set("holidays", []);
      board.set("workingDays", [1, 2, 3]);
    });
    expectCurrent(live, doc, "after the repair");
  });

  it("a snapshot taken over a doc loaded from an update, then edited", () => {
    const source = demoDoc(1);
    const doc = newDoc(2);
    const live = new LiveSnapshot(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expectCurrent(live, doc, "after loading the whole board in one update");
  });

  // Its first read is taken whole (readSnapshot), the index of references only on the first
  // change: a board that already holds junk and dangling references must go on exactly.
  it.each([21, 22, 23, 24, 25, 26])("started over a board that already has problems, then edited (seed %i)", (seed) => {
    const doc = demoDoc(1);
    const r = rng(seed);
    const origin = createOrigin("local", "fuzz");
    for (let step = 0; step < 120; step++) runRandomCommand(doc, origin, rng(r.int(2 ** 31)));
    // And problems of every kind, on several records: junk fields, a record that is no map, a
    // reference to nothing, a lane deleted under its items, junk in the settings.
    doc.transact(() => {
      const items = [...collection(doc, "items").keys()];
      recordMap(doc, "items", items[0]!)?.set("duration", "long");
      recordMap(doc, "items", items[1]!)?.set("laneId", "lane-gone000000000");
      recordMap(doc, "items", items[1]!)?.set("status", 7);
      collection(doc, "milestones").set("ms-junk00000000000", "not a record" as never);
      collection(doc, "lanes").delete([...collection(doc, "lanes").keys()][0]!);
      boardMap(doc).set("workingDays", [9]);
    });
    const live = new LiveSnapshot(doc);
    expectCurrent(live, doc, `seed ${seed}, start`);
    // The missing lane appears: the item that pointed at nothing is no longer flagged.
    collection(doc, "lanes").set("lane-gone000000000", newRecordMap({ name: "Back", color: "#336699", order: 99, capacity: 0 }));
    expectCurrent(live, doc, `seed ${seed}, the lane created`);
    for (let step = 0; step < 120; step++) {
      const { name } = runRandomCommand(doc, origin, rng(r.int(2 ** 31)));
      if (r.chance(0.5)) expectCurrent(live, doc, `seed ${seed}, step ${step} (${name})`);
    }
    expectCurrent(live, doc, `seed ${seed}, end`);
    live.destroy();
  });
});

describe("LiveSnapshot keeps what did not change", () => {
  it("a one-item edit changes that record and the items array; every other record and array keeps its identity", () => {
    const { doc, ids } = templateBoard();
    const [x, y] = [addItem(doc, { title: "X" }), addItem(doc, { title: "Y" })];
    const live = new LiveSnapshot(doc);
    const before = live.snapshot;
    unwrap(updateItem(doc, alice, x, { duration: 7 }));
    const after = live.snapshot;
    expect(after).not.toBe(before);
    expect(after.items).not.toBe(before.items);
    expect(after.items.find((i) => i.id === x)?.duration).toBe(7);
    expect(after.items.find((i) => i.id === y)).toBe(before.items.find((i) => i.id === y));
    for (const key of ["board", "lanes", "phases", "dependencies", "milestones", "problems"] as const) expect(after[key]).toBe(before[key]);
    expect(after.lanes.map((l) => l.id)).toContain(ids.lanes.Development);
  });

  it("without a change, the same snapshot object; a rich-text edit is not a change", () => {
    const { doc } = templateBoard();
    const x = addItem(doc);
    const live = new LiveSnapshot(doc);
    let calls = 0;
    live.subscribe(() => calls++);
    const first = live.snapshot;
    doc.transact(() => itemDescription(doc, x)!.insert(0, [new Y.XmlText("note")]), alice);
    expect(live.snapshot).toBe(first);
    expect(calls).toBe(0);
    unwrap(moveItem(doc, alice, x, { start: "2027-02-01" }));
    expect(calls).toBe(1);
    expect(live.snapshot).not.toBe(first);
  });

  it("a field set to the value it had keeps the record's identity", () => {
    const { doc } = templateBoard();
    const x = addItem(doc, { duration: 3 });
    const live = new LiveSnapshot(doc);
    const record = live.snapshot.items[0];
    doc.transact(() => recordMap(doc, "items", x)!.set("duration", 3));
    expect(live.snapshot.items[0]).toBe(record);
  });
});

describe("LiveSnapshot re-checks references when their targets come and go", () => {
  it("a deleted lane, junk over a lane, then the lane restored: its items are flagged, then not", () => {
    const { doc, ids } = templateBoard();
    const x = addItem(doc, { laneId: ids.lanes.Testing });
    const y = addItem(doc, { laneId: ids.lanes.Operations });
    const live = new LiveSnapshot(doc);
    const flagged = () => live.snapshot.problems.filter((p) => p.kind === "missing-reference").map((p) => p.id);
    // As a concurrent delete would: the command refuses to delete a lane that holds items.
    collection(doc, "lanes").delete(ids.lanes.Operations);
    expectCurrent(live, doc, "after the lane went");
    expect(flagged()).toEqual([y]);
    const testing = recordMap(doc, "lanes", ids.lanes.Testing)!.toJSON();
    collection(doc, "lanes").set(ids.lanes.Testing, "junk" as never);
    expectCurrent(live, doc, "after junk replaced a lane");
    expect(flagged().sort()).toEqual([x, y].sort());
    doc.transact(() => collection(doc, "lanes").set(ids.lanes.Testing, newRecordMap(testing)));
    expectCurrent(live, doc, "after the lane came back");
    expect(flagged()).toEqual([y]);
    recordMap(doc, "items", y)!.set("laneId", "lNowhere" as LaneId);
    expectCurrent(live, doc, "after pointing at a lane that never existed");
  });
});
