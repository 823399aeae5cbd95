import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { phaseColumns } from "../../../lib/derive/phaseColumns";
import { createUndoManager } from "../../../lib/model/undoScope";
import { deleteItem } from "../../../lib/model/itemCommands";
import type { ItemId, PhaseId } from "../../../lib/model/ids";
import { readSnapshot } from "../../../lib/model/snapshot";
import { applyVoteOutcome, MAX_OUTCOME_ITEMS } from "../../../lib/model/voteCommands";
import { rankVote, topVoted } from "../../../lib/model/voteRanking";
import { alice, bob, expectError, expectNoChange, expectOneTransaction, syncDocs, unwrap } from "../helpers/docs";
import { addItem, templateBoard } from "../helpers/fixtures";

const column = (doc: Y.Doc, name: string) =>
  phaseColumns(readSnapshot(doc))
    .find((c) => (c.phase?.name ?? "No phase") === name)!
    .items.map((i) => i.title)
    .join(" ");

function board() {
  const t = templateBoard(1);
  const id: Record<string, ItemId> = {};
  id.m = addItem(t.doc, { title: "m", phaseId: t.ids.phases.MVP });
  for (const title of ["a", "b", "c", "d"]) id[title] = addItem(t.doc, { title, phaseId: t.ids.phases.Pilot });
  id.x = addItem(t.doc, { title: "x" });
  return { ...t, id };
}

describe("rankVote and topVoted", () => {
  const titles: Record<string, string> = { i1: "Beta", i2: "Alpha", i3: "Gamma", i4: "Delta" };
  it("ranks by votes, then by title, and leaves items without votes out of the top", () => {
    const ranked = rankVote(["i1", "i2", "i3", "i4", "i1"], { i1: 2, i2: 2, i3: 5, i9: 7 }, (id) => titles[id]);
    expect(ranked.map((r) => `${r.title}:${r.votes}`)).toEqual(["Gamma:5", "Alpha:2", "Beta:2", "Delta:0"]);
    expect(topVoted(ranked, 3).map((r) => r.itemId)).toEqual(["i3", "i2", "i1"]);
    expect(topVoted(ranked, 10).map((r) => r.itemId)).toEqual(["i3", "i2", "i1"]);
    expect(topVoted(ranked, 0)).toEqual([]);
  });
  it("reads junk counts as no votes", () => {
    const ranked = rankVote(["i1", "i2"], { i1: -3, i2: Number.NaN }, () => "t");
    expect(ranked.every((r) => r.votes === 0)).toBe(true);
  });
});

describe("applyVoteOutcome: the top of a vote as one undoable change", () => {
  it("moves the items into the phase, in rank order after the cards already there, in one transaction", () => {
    const { doc, ids, id } = board();
    const result = expectOneTransaction(doc, alice, () => unwrap(applyVoteOutcome(doc, alice, [id.c!, id.a!, id.x!], { kind: "phase", phaseId: ids.phases.MVP })));
    expect(result).toEqual({ changed: 3, missing: 0 });
    expect(column(doc, "MVP")).toBe("m c a x");
    expect(column(doc, "Pilot")).toBe("b d");
  });

  it("is undone in one step by the facilitator's undo, leaving a colleague's edit alone", () => {
    const { doc, ids, id } = board();
    const undo = createUndoManager(doc, alice);
    unwrap(applyVoteOutcome(doc, alice, [id.a!, id.b!, id.c!], { kind: "phase", phaseId: ids.phases.MVP }));
    unwrap(applyVoteOutcome(doc, bob, [id.d!], { kind: "must-have" }));
    expect(column(doc, "MVP")).toBe("m a b c");
    undo.undo();
    expect(column(doc, "MVP")).toBe("m");
    expect(column(doc, "Pilot")).toBe("a b c d");
    expect(readSnapshot(doc).items.find((i) => i.id === id.d)?.priority).toBe("must");
    expect(undo.undoStack).toHaveLength(0);
  });

  it("marks items must-have in one transaction, and writes nothing when all already are", () => {
    const { doc, id } = board();
    expectOneTransaction(doc, alice, () => unwrap(applyVoteOutcome(doc, alice, [id.a!, id.b!], { kind: "must-have" })));
    const priorities = readSnapshot(doc).items.filter((i) => i.id === id.a || i.id === id.b).map((i) => i.priority);
    expect(priorities).toEqual(["must", "must"]);
    expect(expectNoChange(doc, () => unwrap(applyVoteOutcome(doc, alice, [id.a!, id.b!], { kind: "must-have" })))).toEqual({ changed: 0, missing: 0 });
  });

  it("skips items deleted meanwhile and items already in the phase, and says so", () => {
    const { doc, ids, id } = board();
    unwrap(deleteItem(doc, bob, id.b!));
    expect(unwrap(applyVoteOutcome(doc, alice, [id.m!, id.b!, id.a!], { kind: "phase", phaseId: ids.phases.MVP }))).toEqual({ changed: 1, missing: 1 });
    expect(column(doc, "MVP")).toBe("m a");
  });

  it("refuses a phase that is gone and an outcome too large, writing nothing", () => {
    const { doc, id } = board();
    expectNoChange(doc, () => expectError(applyVoteOutcome(doc, alice, [id.a!], { kind: "phase", phaseId: "p_gone" as PhaseId }), /does not exist/));
    const many = Array.from({ length: MAX_OUTCOME_ITEMS + 1 }, () => id.a!);
    expectNoChange(doc, () => expectError(applyVoteOutcome(doc, alice, many, { kind: "must-have" }), /at most/));
  });

  it("converges with a concurrent card move on another replica", () => {
    const { doc, ids, id } = board();
    const other = new Y.Doc();
    syncDocs(doc, other);
    unwrap(applyVoteOutcome(doc, alice, [id.a!, id.b!], { kind: "phase", phaseId: ids.phases.MVP }));
    unwrap(applyVoteOutcome(other, bob, [id.c!], { kind: "phase", phaseId: ids.phases.MVP }));
    syncDocs(doc, other);
    expect(column(doc, "MVP")).toBe(column(other, "MVP"));
    expect(column(doc, "MVP").split(" ").sort()).toEqual(["a", "b", "c", "m"]);
  });
});
