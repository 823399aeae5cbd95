import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { addDependency } from "../../../lib/model/dependencyCommands";
import { itemDescription, recordMap } from "../../../lib/model/docLayout";
import { ITEM_DEFAULTS } from "../../../lib/model/defaults";
import { isIdShaped, type ItemId } from "../../../lib/model/ids";
import {
  createItem,
  deleteItem,
  duplicateItem,
  moveItem,
  updateItem,
  type ItemPatch,
  type NewItem,
} from "../../../lib/model/itemCommands";
import { addMilestone } from "../../../lib/model/milestoneCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { alice, expectError, expectNoChange, expectOneTransaction, unwrap } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";

const itemIn = (doc: Y.Doc, id: string) => readSnapshot(doc).items.find((i) => i.id === id);

describe("createItem", () => {
  it("creates one item with defaults and an empty description, in one transaction with the caller's origin", () => {
    const { doc, ids } = templateBoard();
    const input: NewItem = { title: "Booking form", laneId: ids.lanes.Development, start: "2027-01-11", duration: 5 };
    const id = unwrap(expectOneTransaction(doc, alice, () => createItem(doc, alice, input)));
    expect(isIdShaped(id)).toBe(true);
    expect(itemIn(doc, id)).toEqual({ ...ITEM_DEFAULTS, ...input, id });
    expect(itemDescription(doc, id)).toBeInstanceOf(Y.XmlFragment);
    expect(readSnapshot(doc).problems).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["no title", {}, /title/],
    ["a blank title", { title: "  " }, /title is required/],
    ["duration 0", { title: "x", duration: 0 }, /duration/],
    ["a fractional duration", { title: "x", duration: 1.5 }, /duration/],
    ["an impossible start date", { title: "x", start: "2027-02-30" }, /start/],
    ["an unknown status", { title: "x", status: "blocked" }, /status/],
    ["negative effort", { title: "x", effort: -1 }, /effort/],
    ["a link that is not a URL", { title: "x", links: [{ url: "not a url", title: "t" }] }, /links/],
    ["an unknown field", { title: "x", colour: "red" }, /colour|unrecognized/i],
    ["a junk lane id", { title: "x", laneId: "../lanes" }, /laneId/],
    ["a lane that does not exist", { title: "x", laneId: "lNoSuchLane" }, /lane/],
    ["a phase that does not exist", { title: "x", phaseId: "pNoSuchPhase" }, /phase/],
    ["a milestone that does not exist", { title: "x", deadlineMilestoneId: "mNoSuchMilestone" }, /milestone/],
  ])("refuses %s and changes nothing", (_what, input, message) => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => createItem(doc, alice, input as NewItem)), message);
  });
});

describe("updateItem", () => {
  it("changes the named fields only, in one transaction with the caller's origin", () => {
    const { doc, ids } = templateBoard();
    const milestone = unwrap(addMilestone(doc, setup, { title: "Go", date: "2027-03-01", kind: "go_live" }));
    const id = addItem(doc, { title: "Old", owners: ["Ana"], tags: ["core"] });
    const patch: ItemPatch = {
      title: "New",
      status: "at_risk",
      phaseId: ids.phases.Beta,
      deadlineMilestoneId: milestone,
      links: [{ url: "https://example.com/spec", title: "Spec" }],
    };
    expect(expectOneTransaction(doc, alice, () => updateItem(doc, alice, id, patch)).ok).toBe(true);
    expect(itemIn(doc, id)).toEqual({ ...ITEM_DEFAULTS, owners: ["Ana"], tags: ["core"], ...patch, id });
  });

  it.each<[string, ItemPatch, RegExp]>([
    ["duration 0", { duration: 0 }, /duration/],
    ["a duration over 10 000 days", { duration: 10_001 }, /duration/],
    ["an impossible date", { start: "2027-13-01" }, /start/],
    ["a lane that does not exist", { laneId: "lGone" as never }, /lane/],
    ["a phase that does not exist", { phaseId: "pGone" as never }, /phase/],
  ])("refuses %s and changes nothing", (_what, patch, message) => {
    const { doc } = templateBoard();
    const id = addItem(doc);
    expectError(expectNoChange(doc, () => updateItem(doc, alice, id, patch)), message);
  });

  it("keeps an item orphaned by someone else editable: an unchanged dangling lane passes", () => {
    const { doc } = templateBoard();
    const id = addItem(doc);
    recordMap(doc, "items", id)!.set("laneId", "lDeletedMeanwhile");
    expect(updateItem(doc, alice, id, { laneId: "lDeletedMeanwhile" as never, title: "Renamed" }).ok).toBe(true);
    expect(itemIn(doc, id)).toMatchObject({ title: "Renamed", laneId: "lDeletedMeanwhile" });
  });

  it("refuses an unknown item and says it may have been deleted", () => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => updateItem(doc, alice, "iGone" as ItemId, { title: "x" })), /does not exist/);
  });
});

describe("moveItem", () => {
  it("moves in time and to another lane as one transaction", () => {
    const { doc, ids } = templateBoard();
    const id = addItem(doc, { laneId: ids.lanes.Development, start: "2027-01-04" });
    const to = { start: "2027-02-01", laneId: ids.lanes.Testing };
    expect(expectOneTransaction(doc, alice, () => moveItem(doc, alice, id, to)).ok).toBe(true);
    expect(itemIn(doc, id)).toMatchObject(to);
  });

  it("keeps the lane when only the start is given, and can unschedule", () => {
    const { doc, ids } = templateBoard();
    const id = addItem(doc, { laneId: ids.lanes.Development, start: "2027-01-04" });
    expect(moveItem(doc, alice, id, { start: null }).ok).toBe(true);
    expect(itemIn(doc, id)).toMatchObject({ start: null, laneId: ids.lanes.Development });
  });

  it("refuses a move to an impossible date and changes nothing", () => {
    const { doc } = templateBoard();
    const id = addItem(doc, { start: "2027-01-04" });
    expectError(expectNoChange(doc, () => moveItem(doc, alice, id, { start: "2027-02-30" })), /start/);
  });
});

describe("deleteItem removes the item and every dependency that touches it", () => {
  it("deletes incoming and outgoing dependencies, keeps unrelated ones, in one transaction", () => {
    const { doc } = templateBoard();
    const [a, b, c, d] = [addItem(doc), addItem(doc), addItem(doc), addItem(doc)];
    unwrap(addDependency(doc, setup, { fromId: a, toId: b }));
    unwrap(addDependency(doc, setup, { fromId: b, toId: c }));
    const unrelated = unwrap(addDependency(doc, setup, { fromId: c, toId: d }));
    expect(expectOneTransaction(doc, alice, () => deleteItem(doc, alice, b)).ok).toBe(true);
    const snap = readSnapshot(doc);
    expect(snap.items.map((i) => i.id).sort()).toEqual([a, c, d].sort());
    expect(snap.dependencies.map((dep) => dep.id)).toEqual([unrelated]);
    expect(snap.problems).toEqual([]);
  });

  it("refuses an unknown item and changes nothing", () => {
    const { doc } = templateBoard();
    addItem(doc);
    expectError(expectNoChange(doc, () => deleteItem(doc, alice, "iGone" as ItemId)), /does not exist/);
  });
});

describe("duplicateItem", () => {
  it("copies the fields to a new item titled '(copy)' without copying dependencies", () => {
    const { doc, ids } = templateBoard();
    const a = addItem(doc, { title: "Pilot", laneId: ids.lanes.Operations, start: "2027-03-01", duration: 7, owners: ["Gus"] });
    const b = addItem(doc);
    unwrap(addDependency(doc, setup, { fromId: a, toId: b }));
    const copy = unwrap(expectOneTransaction(doc, alice, () => duplicateItem(doc, alice, a)));
    expect(copy).not.toBe(a);
    const { id: _a, ...original } = itemIn(doc, a)!;
    expect(itemIn(doc, copy)).toEqual({ ...original, id: copy, title: "Pilot (copy)" });
    expect(readSnapshot(doc).dependencies).toHaveLength(1);
  });

  it("still copies an item whose title is at the 500-character limit", () => {
    const { doc } = templateBoard();
    const a = addItem(doc, { title: "x".repeat(500) });
    const copy = unwrap(duplicateItem(doc, alice, a));
    expect(itemIn(doc, copy)?.title).toMatch(/ \(copy\)$/);
    expect(itemIn(doc, copy)?.title.length).toBeLessThanOrEqual(500);
  });

  it("refuses an unknown item and changes nothing", () => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => duplicateItem(doc, alice, "iGone" as ItemId)), /does not exist/);
  });
});
