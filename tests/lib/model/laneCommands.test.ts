import { describe, expect, it } from "vitest";
import { collection, newRecordMap, recordMap } from "../../../lib/model/docLayout";
import type { LaneId } from "../../../lib/model/ids";
import { addLane, removeLane, reorderLane, updateLane, type LanePatch } from "../../../lib/model/laneCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { alice, expectError, expectNoChange, expectOneTransaction, newDoc, unwrap } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";
import type * as Y from "yjs";

/**
 * Lanes named A, B, C, ... with keys 0, 1, 2, ... and ids "lA", "lB", ... (fixed, so that ties
 * broken by id are predictable) on an otherwise empty doc.
 */
function lanesBoard(names: string[]) {
  const doc = newDoc();
  const id: Record<string, LaneId> = {};
  doc.transact(() => {
    names.forEach((name, order) => {
      id[name] = `l${name}` as LaneId;
      collection(doc, "lanes").set(`l${name}`, newRecordMap({ name, order, color: "#000000", capacity: 0 }));
    });
  }, setup);
  return { doc, id };
}
const laneNames = (doc: Y.Doc) => readSnapshot(doc).lanes.map((l) => l.name);

describe("addLane", () => {
  it("appends a lane at the bottom in one transaction with the caller's origin", () => {
    const { doc } = templateBoard();
    const id = unwrap(expectOneTransaction(doc, alice, () => addLane(doc, alice, { name: "Legal", color: "#123abc", capacity: 2 })));
    const lanes = readSnapshot(doc).lanes;
    expect(lanes.at(-1)).toEqual({ id, name: "Legal", color: "#123abc", capacity: 2, order: lanes.length - 1 });
  });

  it("fills in colour and capacity defaults, even when they are passed as undefined", () => {
    const { doc } = templateBoard();
    unwrap(addLane(doc, alice, { name: "Ops", color: undefined, capacity: undefined }));
    const snap = readSnapshot(doc);
    expect(snap.problems).toEqual([]);
    expect(snap.lanes.at(-1)).toMatchObject({ name: "Ops", color: "#64748b", capacity: 0 });
  });

  it.each<[string, unknown, RegExp]>([
    ["a blank name", { name: "  " }, /name is required/],
    ["a colour that is not #rrggbb", { name: "x", color: "red" }, /colour/],
    ["a negative capacity", { name: "x", capacity: -1 }, /capacity/],
    ["an unknown field", { name: "x", order: 3 }, /order|unrecognized/i],
  ])("refuses %s and changes nothing", (_what, input, message) => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => addLane(doc, alice, input as { name: string })), message);
  });
});

describe("updateLane", () => {
  it("changes the named fields in one transaction", () => {
    const { doc, ids } = templateBoard();
    const patch: LanePatch = { name: "QA", capacity: 5 };
    expect(expectOneTransaction(doc, alice, () => updateLane(doc, alice, ids.lanes.Testing, patch)).ok).toBe(true);
    expect(readSnapshot(doc).lanes.find((l) => l.id === ids.lanes.Testing)).toMatchObject({ ...patch, color: "#f59e0b" });
  });

  it.each<[string, LanePatch, RegExp]>([
    ["a blank name", { name: "" }, /name is required/],
    ["an infinite capacity", { capacity: Infinity }, /capacity/],
  ])("refuses %s and changes nothing", (_what, patch, message) => {
    const { doc, ids } = templateBoard();
    expectError(expectNoChange(doc, () => updateLane(doc, alice, ids.lanes.Testing, patch)), message);
  });

  it("refuses an unknown lane", () => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => updateLane(doc, alice, "lGone" as LaneId, { name: "x" })), /does not exist/);
  });
});

describe("reorderLane produces the intended order", () => {
  it.each<[string, string, string | null, string]>([
    ["first to the end", "A", null, "BCDA"],
    ["last to the front", "D", "A", "DABC"],
    ["down one", "B", "D", "ACBD"],
    ["up one", "C", "B", "ACBD"],
    ["onto the spot it already has", "B", "C", "ABCD"],
  ])("moves %s", (_what, lane, before, expected) => {
    const { doc, id } = lanesBoard(["A", "B", "C", "D"]);
    const result = reorderLane(doc, alice, id[lane]!, before === null ? null : id[before]!);
    expect(result.ok).toBe(true);
    expect(laneNames(doc).join("")).toBe(expected);
  });

  it("writes one transaction with the caller's origin", () => {
    const { doc, id } = lanesBoard(["A", "B", "C"]);
    expectOneTransaction(doc, alice, () => reorderLane(doc, alice, id.C!, id.A!));
    expect(laneNames(doc).join("")).toBe("CAB");
  });

  it("still lands between two lanes whose keys tied after concurrent drops", () => {
    const { doc, id } = lanesBoard(["A", "B", "C", "D"]);
    // What two people dropping B and C onto the same spot leave behind: equal keys.
    recordMap(doc, "lanes", id.C!)!.set("order", 1);
    expect(laneNames(doc).join("")).toBe("ABCD");
    unwrap(reorderLane(doc, alice, id.D!, id.C!));
    expect(laneNames(doc).join("")).toBe("ABDC");
    unwrap(reorderLane(doc, alice, id.A!, id.D!));
    expect(laneNames(doc).join("")).toBe("BADC");
  });

  it("keeps the intended order after many moves into the same gap (no key exhaustion)", () => {
    // Keys away from 0, so halving the gap runs out of float precision after ~50 moves.
    const { doc, id } = lanesBoard(["Z", "A", "B", "C"]);
    let order = ["Z", "A", "B", "C"];
    for (let round = 0; round < 120; round++) {
      const last = order[3]!;
      unwrap(reorderLane(doc, alice, id[last]!, id[order[2]!]!));
      order = [order[0]!, order[1]!, last, order[2]!];
      expect(laneNames(doc)).toEqual(order);
    }
  });

  it.each<[string, string, RegExp]>([
    ["an unknown lane", "lGone", /does not exist/],
    ["a junk before-id", "../x", /invalid lane id/],
  ])("refuses to move before %s and changes nothing", (_what, before, message) => {
    const { doc, id } = lanesBoard(["A", "B"]);
    expectError(expectNoChange(doc, () => reorderLane(doc, alice, id.A!, before as LaneId)), message);
  });

  it("treats moving a lane before itself as staying put", () => {
    const { doc, id } = lanesBoard(["A", "B", "C"]);
    expect(expectNoChange(doc, () => reorderLane(doc, alice, id.B!, id.B!))).toEqual({ ok: true, value: undefined });
    expect(laneNames(doc).join("")).toBe("ABC");
  });

  it("refuses to move an unknown lane", () => {
    const { doc } = lanesBoard(["A", "B"]);
    expectError(expectNoChange(doc, () => reorderLane(doc, alice, "lGone" as LaneId, null)), /does not exist/);
  });
});

describe("removeLane", () => {
  it("refuses while the lane holds items, says how many, and changes nothing", () => {
    const { doc, ids } = templateBoard();
    addItem(doc, { laneId: ids.lanes.Testing });
    addItem(doc, { laneId: ids.lanes.Testing });
    expectError(expectNoChange(doc, () => removeLane(doc, alice, ids.lanes.Testing)), /2 item/);
  });

  it("moves the items to moveItemsTo and removes the lane in one transaction", () => {
    const { doc, ids } = templateBoard();
    const items = [addItem(doc, { laneId: ids.lanes.Testing }), addItem(doc, { laneId: ids.lanes.Testing })];
    const other = addItem(doc, { laneId: ids.lanes.Development });
    expect(expectOneTransaction(doc, alice, () => removeLane(doc, alice, ids.lanes.Testing, ids.lanes.Operations)).ok).toBe(true);
    const snap = readSnapshot(doc);
    expect(snap.lanes.map((l) => l.name)).not.toContain("Testing");
    for (const item of items) expect(snap.items.find((i) => i.id === item)?.laneId).toBe(ids.lanes.Operations);
    expect(snap.items.find((i) => i.id === other)?.laneId).toBe(ids.lanes.Development);
    expect(snap.problems).toEqual([]);
  });

  it("removes an empty lane without moveItemsTo", () => {
    const { doc, ids } = templateBoard();
    expectOneTransaction(doc, alice, () => removeLane(doc, alice, ids.lanes.Operations));
    expect(collection(doc, "lanes").has(ids.lanes.Operations)).toBe(false);
  });

  it.each<[string, (ids: Record<string, LaneId>) => [LaneId, LaneId | null], RegExp]>([
    ["an unknown lane", () => ["lGone" as LaneId, null], /does not exist/],
    ["moving items into the lane being removed", (l) => [l.Testing!, l.Testing!], /another existing lane/],
    ["moving items into an unknown lane", (l) => [l.Testing!, "lGone" as LaneId], /another existing lane/],
  ])("refuses %s and changes nothing", (_what, args, message) => {
    const { doc, ids } = templateBoard();
    addItem(doc, { laneId: ids.lanes.Testing });
    const [id, to] = args(ids.lanes);
    expectError(expectNoChange(doc, () => removeLane(doc, alice, id, to)), message);
  });
});
