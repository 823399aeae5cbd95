import type * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { collection, newRecordMap, recordMap } from "../../../lib/model/docLayout";
import type { MilestoneId, PhaseId } from "../../../lib/model/ids";
import { addMilestone } from "../../../lib/model/milestoneCommands";
import { addPhase, removePhase, reorderPhase, updatePhase } from "../../../lib/model/phaseCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { alice, expectError, expectNoChange, expectOneTransaction, newDoc, unwrap } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";

/** Phases A, B, C, ... with keys 0, 1, 2, ... and fixed ids "pA", "pB", ... (ties break by id). */
function phasesBoard(names: string[]) {
  const doc = newDoc();
  const id: Record<string, PhaseId> = {};
  doc.transact(() => {
    names.forEach((name, order) => {
      id[name] = `p${name}` as PhaseId;
      collection(doc, "phases").set(`p${name}`, newRecordMap({ name, order, milestoneId: null }));
    });
  }, setup);
  return { doc, id };
}
const phaseNames = (doc: Y.Doc) => readSnapshot(doc).phases.map((p) => p.name);

describe("addPhase", () => {
  it("appends a phase after the last one, untied, in one transaction with the caller's origin", () => {
    const { doc } = templateBoard();
    const id = unwrap(expectOneTransaction(doc, alice, () => addPhase(doc, alice, { name: "Sunset" })));
    expect(readSnapshot(doc).phases.at(-1)).toEqual({ id, name: "Sunset", order: 5, milestoneId: null });
  });

  it("refuses a blank name and changes nothing", () => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => addPhase(doc, alice, { name: " " })), /phase name is required/);
  });
});

describe("updatePhase", () => {
  it("renames and ties the phase to a release milestone in one transaction", () => {
    const { doc, ids } = templateBoard();
    const release = unwrap(addMilestone(doc, setup, { title: "Beta", date: "2027-06-01", kind: "release" }));
    const patch = { name: "Public beta", milestoneId: release };
    expect(expectOneTransaction(doc, alice, () => updatePhase(doc, alice, ids.phases.Beta, patch)).ok).toBe(true);
    expect(readSnapshot(doc).phases.find((p) => p.id === ids.phases.Beta)).toMatchObject(patch);
  });

  it.each<[string, PhaseId | null, unknown, RegExp]>([
    ["an unknown phase", "pGone" as PhaseId, { name: "x" }, /does not exist/],
    ["a blank name", null, { name: "" }, /name is required/],
    ["a junk milestone id", null, { milestoneId: "a b" }, /letters, digits/],
    ["a milestone that does not exist", null, { milestoneId: "mGone" }, /milestone/],
  ])("refuses %s and changes nothing", (_what, phase, patch, message) => {
    const { doc, ids } = templateBoard();
    const id = phase ?? ids.phases.MVP;
    expectError(expectNoChange(doc, () => updatePhase(doc, alice, id, patch as { milestoneId: MilestoneId })), message);
  });
});

describe("reorderPhase produces the intended order", () => {
  it.each<[string, string, string | null, string]>([
    ["first to the end", "A", null, "BCDA"],
    ["last to the front", "D", "A", "DABC"],
    ["down one", "B", "D", "ACBD"],
    ["up one", "C", "B", "ACBD"],
  ])("moves %s", (_what, phase, before, expected) => {
    const { doc, id } = phasesBoard(["A", "B", "C", "D"]);
    expect(expectOneTransaction(doc, alice, () => reorderPhase(doc, alice, id[phase]!, before === null ? null : id[before]!)).ok).toBe(true);
    expect(phaseNames(doc).join("")).toBe(expected);
  });

  it("still lands between two phases whose keys tied after concurrent drops", () => {
    const { doc, id } = phasesBoard(["A", "B", "C", "D"]);
    recordMap(doc, "phases", id.C!)!.set("order", 1);
    expect(phaseNames(doc).join("")).toBe("ABCD");
    unwrap(reorderPhase(doc, alice, id.D!, id.C!));
    expect(phaseNames(doc).join("")).toBe("ABDC");
  });

  it("refuses an unknown phase or an unknown before-phase and changes nothing", () => {
    const { doc, id } = phasesBoard(["A", "B"]);
    expectError(expectNoChange(doc, () => reorderPhase(doc, alice, "pGone" as PhaseId, null)), /does not exist/);
    expectError(expectNoChange(doc, () => reorderPhase(doc, alice, id.A!, "pGone" as PhaseId)), /does not exist/);
  });
});

describe("removePhase", () => {
  it("removes the phase and leaves its items phase-less, in one transaction", () => {
    const { doc, ids } = templateBoard();
    const inBeta = addItem(doc, { phaseId: ids.phases.Beta });
    const inMvp = addItem(doc, { phaseId: ids.phases.MVP });
    expect(expectOneTransaction(doc, alice, () => removePhase(doc, alice, ids.phases.Beta)).ok).toBe(true);
    const snap = readSnapshot(doc);
    expect(snap.phases.map((p) => p.name)).toEqual(["MVP", "Pilot", "Roll-out", "Enhancements"]);
    expect(snap.items.find((i) => i.id === inBeta)?.phaseId).toBeNull();
    expect(snap.items.find((i) => i.id === inMvp)?.phaseId).toBe(ids.phases.MVP);
    expect(snap.problems).toEqual([]);
  });

  it("refuses an unknown phase and changes nothing", () => {
    const { doc } = templateBoard();
    expectError(expectNoChange(doc, () => removePhase(doc, alice, "pGone" as PhaseId)), /does not exist/);
  });
});
