import { describe, expect, it } from "vitest";
import type { MilestoneId } from "../../../lib/model/ids";
import { updatePhase } from "../../../lib/model/phaseCommands";
import {
  addMilestone,
  deleteMilestone,
  updateMilestone,
  type MilestonePatch,
  type NewMilestone,
} from "../../../lib/model/milestoneCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { alice, expectError, expectNoChange, expectOneTransaction, unwrap } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";

const launch: NewMilestone = { title: "Launch", date: "2027-09-01", kind: "launch_event" };

describe("addMilestone", () => {
  it("adds a dated milestone in one transaction with the caller's origin", () => {
    const { doc } = templateBoard();
    const id = unwrap(expectOneTransaction(doc, alice, () => addMilestone(doc, alice, launch)));
    expect(readSnapshot(doc).milestones).toEqual([{ id, ...launch }]);
  });

  it.each<[string, unknown, RegExp]>([
    ["a missing date", { title: "x", kind: "release" }, /date/],
    ["an impossible date", { ...launch, date: "2027-02-30" }, /date/],
    ["an unknown kind", { ...launch, kind: "party" }, /kind/],
    ["a blank title", { ...launch, title: " " }, /title/],
    ["an unknown field", { ...launch, owner: "x" }, /owner|unrecognized/i],
  ])("refuses %s and changes nothing", (_what, input, message) => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => addMilestone(doc, alice, input as NewMilestone)), message);
  });
});

describe("updateMilestone", () => {
  it("changes the named fields in one transaction", () => {
    const { doc } = templateBoard();
    const id = unwrap(addMilestone(doc, setup, launch));
    const patch: MilestonePatch = { date: "2027-10-01", kind: "go_live" };
    expect(expectOneTransaction(doc, alice, () => updateMilestone(doc, alice, id, patch)).ok).toBe(true);
    expect(readSnapshot(doc).milestones).toEqual([{ id, ...launch, ...patch }]);
  });

  it("refuses an impossible date or an unknown milestone and changes nothing", () => {
    const { doc } = templateBoard();
    const id = unwrap(addMilestone(doc, setup, launch));
    expectError(expectNoChange(doc, () => updateMilestone(doc, alice, id, { date: "2027-02-29" })), /YYYY-MM-DD/);
    expectError(expectNoChange(doc, () => updateMilestone(doc, alice, "mGone" as MilestoneId, { title: "x" })), /does not exist/);
  });
});

describe("deleteMilestone", () => {
  it("deletes the milestone and unties the items and phases tied to it, in one transaction", () => {
    const { doc, ids } = templateBoard();
    const id = unwrap(addMilestone(doc, setup, launch));
    const other = unwrap(addMilestone(doc, setup, { ...launch, title: "Other" }));
    const tied = addItem(doc, { deadlineMilestoneId: id });
    const tiedElsewhere = addItem(doc, { deadlineMilestoneId: other });
    unwrap(updatePhase(doc, setup, ids.phases["Roll-out"], { milestoneId: id }));
    expect(expectOneTransaction(doc, alice, () => deleteMilestone(doc, alice, id)).ok).toBe(true);
    const snap = readSnapshot(doc);
    expect(snap.milestones.map((m) => m.id)).toEqual([other]);
    expect(snap.items.find((i) => i.id === tied)?.deadlineMilestoneId).toBeNull();
    expect(snap.items.find((i) => i.id === tiedElsewhere)?.deadlineMilestoneId).toBe(other);
    expect(snap.phases.find((p) => p.id === ids.phases["Roll-out"])?.milestoneId).toBeNull();
    expect(snap.problems).toEqual([]);
  });

  it("refuses an unknown milestone and changes nothing", () => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => deleteMilestone(doc, alice, "mGone" as MilestoneId)), /does not exist/);
  });
});
