import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { addDependency } from "../../../lib/model/dependencyCommands";
import { collection } from "../../../lib/model/docLayout";
import { deleteItem, moveItem, updateItem } from "../../../lib/model/itemCommands";
import { removeLane, reorderLane } from "../../../lib/model/laneCommands";
import { addMilestone, deleteMilestone } from "../../../lib/model/milestoneCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { layoutBoard, NO_LANE } from "../../../lib/derive/boardLayout";
import { alice, bob, snapshotJson, syncDocs, unwrap } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";

/** Two replicas of one template board, in sync, with distinct client ids. */
function twoReplicas() {
  const { doc: a, ids } = templateBoard(1);
  const b = new Y.Doc();
  b.clientID = 2;
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b, ids };
}

/** Both replicas, after merging, hold the same state and read into the same snapshot. */
function mergedSnapshot(a: Y.Doc, b: Y.Doc) {
  syncDocs(a, b);
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  expect(snapshotJson(a)).toBe(snapshotJson(b));
  return readSnapshot(a);
}

describe("odd states reached by really concurrent edits are kept and flagged", () => {
  it("A deletes an item while B adds a dependency on it: the dependency is kept, flagged missing-reference", () => {
    const { a, b } = twoReplicas();
    const [x, y] = [addItem(a, { title: "X" }), addItem(a, { title: "Y" })];
    syncDocs(a, b);
    unwrap(deleteItem(a, alice, x));
    const dep = unwrap(addDependency(b, bob, { fromId: x, toId: y }));
    const snap = mergedSnapshot(a, b);
    expect(snap.items.map((i) => i.id)).toEqual([y]);
    expect(snap.dependencies.map((d) => d.id)).toEqual([dep]);
    expect(snap.problems).toEqual([
      { kind: "missing-reference", collection: "dependencies", id: dep, field: "fromId", targetCollection: "items", targetId: x },
    ]);
  });

  it("A deletes a lane while B moves an item into it: the item is kept, flagged, and drawn in NO_LANE", () => {
    const { a, b, ids } = twoReplicas();
    const item = addItem(a, { laneId: ids.lanes.Development, start: "2027-02-01", duration: 3 });
    syncDocs(a, b);
    unwrap(removeLane(a, alice, ids.lanes.Operations));
    unwrap(moveItem(b, bob, item, { start: "2027-02-08", laneId: ids.lanes.Operations }));
    const snap = mergedSnapshot(a, b);
    expect(snap.lanes.map((l) => l.id)).not.toContain(ids.lanes.Operations);
    expect(snap.items).toEqual([expect.objectContaining({ id: item, laneId: ids.lanes.Operations, start: "2027-02-08" })]);
    expect(snap.problems).toEqual([
      { kind: "missing-reference", collection: "items", id: item, field: "laneId", targetCollection: "lanes", targetId: ids.lanes.Operations },
    ]);
    const layout = layoutBoard(snap);
    expect(layout.spans.get(item)?.finish).toBe("2027-02-10");
    expect(layout.laneRows.get(NO_LANE)).toBe(1);
  });

  it("A deletes a milestone while B ties an item to it: the item keeps the tie, flagged", () => {
    const { a, b } = twoReplicas();
    const ms = unwrap(addMilestone(a, setup, { title: "Go-live", date: "2027-05-03", kind: "go_live" }));
    const item = addItem(a);
    syncDocs(a, b);
    unwrap(deleteMilestone(a, alice, ms));
    unwrap(updateItem(b, bob, item, { deadlineMilestoneId: ms }));
    const snap = mergedSnapshot(a, b);
    expect(snap.milestones).toEqual([]);
    expect(snap.items.find((i) => i.id === item)?.deadlineMilestoneId).toBe(ms);
    expect(snap.problems).toEqual([
      { kind: "missing-reference", collection: "items", id: item, field: "deadlineMilestoneId", targetCollection: "milestones", targetId: ms },
    ]);
  });

  it("A and B add the two halves of a cycle: both dependencies are kept (the derive layer reports the cycle)", () => {
    const { a, b } = twoReplicas();
    const [x, y] = [addItem(a), addItem(a)];
    syncDocs(a, b);
    const ab = unwrap(addDependency(a, alice, { fromId: x, toId: y }));
    const ba = unwrap(addDependency(b, bob, { fromId: y, toId: x }));
    const snap = mergedSnapshot(a, b);
    expect(snap.dependencies.map((d) => d.id).sort()).toEqual([ab, ba].sort());
  });

  type LaneName = "Service design" | "Development" | "Testing" | "Communication" | "Go-to-market" | "Operations";
  it.each<[string, LaneName, LaneName, LaneName | null]>([
    ["to the front", "Operations", "Testing", "Service design"],
    ["into the middle", "Service design", "Operations", "Communication"],
    ["to the end", "Development", "Testing", null],
  ])("A and B move different lanes %s, onto the same spot: one order, equal on both replicas", (_w, moverA, moverB, target) => {
    const { a, b, ids } = twoReplicas();
    const before = target === null ? null : ids.lanes[target];
    unwrap(reorderLane(a, alice, ids.lanes[moverA], before));
    unwrap(reorderLane(b, bob, ids.lanes[moverB], before));
    const order = mergedSnapshot(a, b).lanes.map((l) => l.id);
    expect(new Set(order).size).toBe(6);
    // Both moved lanes sit right before the target (or last), their tie broken by id.
    const at = before === null ? 4 : order.indexOf(before) - 2;
    expect(order.slice(at, at + 2)).toEqual([ids.lanes[moverA], ids.lanes[moverB]].sort());
  });

  it("both users move the same lane to different spots: last writer wins, identically on both replicas", () => {
    const { a, b, ids } = twoReplicas();
    unwrap(reorderLane(a, alice, ids.lanes.Testing, null));
    unwrap(reorderLane(b, bob, ids.lanes.Testing, ids.lanes["Service design"]));
    const names = mergedSnapshot(a, b).lanes.map((l) => l.name);
    expect([names.at(-1), names[0]]).toContain("Testing");
  });
});

describe("the snapshot is deterministic", () => {
  /** Updates made on separate replicas, some of them junk a misbehaving peer wrote. */
  function divergentUpdates(): Uint8Array[] {
    const { a: base } = twoReplicas();
    const baseState = Y.encodeStateAsUpdate(base);
    const updates: Uint8Array[] = [baseState];
    // Several junk records per collection, so the order problems are found in could vary.
    const edits: ((doc: Y.Doc) => void)[] = [
      (doc) => collection(doc, "items").set("iJunkOne", 42 as never),
      (doc) => collection(doc, "items").set("iJunkTwo", "x" as never),
      (doc) => collection(doc, "items").set("bad key", new Y.Map()),
      (doc) => addItem(doc, { title: "two", start: "2027-03-01" }),
      (doc) => collection(doc, "milestones").set("mJunk", new Y.Map()),
      (doc) => collection(doc, "milestones").set("mJunkToo", new Y.Map()),
    ];
    edits.forEach((edit, i) => {
      const doc = new Y.Doc();
      doc.clientID = 10 + i;
      Y.applyUpdate(doc, baseState);
      const sv = Y.encodeStateVector(doc);
      doc.transact(() => edit(doc), setup);
      updates.push(Y.encodeStateAsUpdate(doc, sv));
    });
    return updates;
  }

  it("two replicas produce byte-identical snapshot JSON whatever order the updates arrived in", () => {
    const updates = divergentUpdates();
    const orders = [
      updates.map((_, i) => i),
      updates.map((_, i) => updates.length - 1 - i),
      [0, 3, 1, 5, 2, 6, 4],
      [6, 4, 2, 0, 5, 3, 1],
    ];
    const jsons = orders.map((order) => {
      const doc = new Y.Doc();
      for (const i of order) Y.applyUpdate(doc, updates[i]!);
      return snapshotJson(doc);
    });
    expect(JSON.parse(jsons[0]!).problems.length).toBeGreaterThanOrEqual(5);
    for (const json of jsons) expect(json).toBe(jsons[0]);
  });
});
