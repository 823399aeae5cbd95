import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { phaseColumns } from "../../../lib/derive/phaseColumns";
import { moveCard } from "../../../lib/model/cardCommands";
import { recordMap } from "../../../lib/model/docLayout";
import { duplicateItem, updateItem } from "../../../lib/model/itemCommands";
import type { ItemId, PhaseId } from "../../../lib/model/ids";
import { removePhase } from "../../../lib/model/phaseCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { alice, bob, expectError, expectNoChange, expectOneTransaction, syncDocs, unwrap } from "../helpers/docs";
import { addItem, templateBoard, type TemplateBoard } from "../helpers/fixtures";
import { rng } from "../helpers/prng";

/** Titles of each column of the phase board, e.g. "MVP: a b | Pilot: | … | No phase: c". */
function board(doc: Y.Doc): string {
  return phaseColumns(readSnapshot(doc))
    .map((c) => `${c.phase?.name ?? "No phase"}: ${c.items.map((i) => i.title).join(" ")}`.trim())
    .join(" | ");
}
const column = (doc: Y.Doc, name: string) => board(doc).split(" | ").find((c) => c.startsWith(`${name}:`));

/** MVP holds a, b, c placed in that order; Pilot holds p; d has no phase. */
function workshop(clientID?: number): TemplateBoard & { id: Record<string, ItemId> } {
  const t = templateBoard(clientID);
  const id: Record<string, ItemId> = {};
  for (const title of ["c", "a", "b"]) id[title] = addItem(t.doc, { title, phaseId: t.ids.phases.MVP });
  id.p = addItem(t.doc, { title: "p", phaseId: t.ids.phases.Pilot });
  id.d = addItem(t.doc, { title: "d" });
  for (const title of ["a", "b", "c"]) unwrap(moveCard(t.doc, alice, id[title]!, { phaseId: t.ids.phases.MVP, beforeId: null }));
  return { ...t, id };
}

describe("moveCard moves a card to a phase and a position in one named command", () => {
  it("moves a card into another phase above a card, in one transaction with the caller's origin", () => {
    const { doc, ids, id } = workshop();
    expectOneTransaction(doc, alice, () => unwrap(moveCard(doc, alice, id.b!, { phaseId: ids.phases.Pilot, beforeId: id.p! })));
    expect(column(doc, "MVP")).toBe("MVP: a c");
    expect(column(doc, "Pilot")).toBe("Pilot: b p");
    expect(readSnapshot(doc).items.find((i) => i.id === id.b)?.phaseId).toBe(ids.phases.Pilot);
  });

  it.each<[string, string, string | null, string]>([
    ["first to the end", "a", null, "MVP: b c a"],
    ["last to the top", "c", "a", "MVP: c a b"],
    ["down one", "a", "c", "MVP: b a c"],
    ["up one", "c", "b", "MVP: a c b"],
  ])("reorders within a column: %s", (_what, moved, before, expected) => {
    const { doc, ids, id } = workshop();
    expectOneTransaction(doc, alice, () => unwrap(moveCard(doc, alice, id[moved]!, { phaseId: ids.phases.MVP, beforeId: before === null ? null : id[before]! })));
    expect(column(doc, "MVP")).toBe(expected);
  });

  it("moves a card to the No phase column, clearing its phase", () => {
    const { doc, id } = workshop();
    unwrap(moveCard(doc, alice, id.a!, { phaseId: null, beforeId: id.d! }));
    expect(column(doc, "No phase")).toBe("No phase: a d");
    expect(readSnapshot(doc).items.find((i) => i.id === id.a)?.phaseId).toBeNull();
  });

  it("writes nothing when a card is dropped where it already is", () => {
    const { doc, ids, id } = workshop();
    expectNoChange(doc, () => unwrap(moveCard(doc, alice, id.b!, { phaseId: ids.phases.MVP, beforeId: id.c! })));
    expectNoChange(doc, () => unwrap(moveCard(doc, alice, id.c!, { phaseId: ids.phases.MVP, beforeId: null })));
    expectNoChange(doc, () => unwrap(moveCard(doc, alice, id.b!, { phaseId: ids.phases.MVP, beforeId: id.b! })));
  });

  it("gives unplaced cards above the drop point positions, so the card lands where it was dropped", () => {
    const { doc, ids } = templateBoard();
    const [u, v, w, x] = ["u", "v", "w", "x"].map((title) => addItem(doc, { title, phaseId: ids.phases.Beta }));
    expect(column(doc, "Beta")).toBe("Beta: u v w x");
    expectOneTransaction(doc, alice, () => unwrap(moveCard(doc, alice, u!, { phaseId: ids.phases.Beta, beforeId: x! })));
    expect(column(doc, "Beta")).toBe("Beta: v w u x");
    // The card below the drop point stays unplaced; the others are placed.
    expect(readSnapshot(doc).items.filter((i) => i.order === undefined).map((i) => i.title)).toEqual(["x"]);
    void w;
    void v;
  });

  it("treats an item whose phase was deleted as a No phase card, and re-homes it there", () => {
    const { doc, ids, id } = workshop();
    unwrap(removePhase(doc, alice, ids.phases.Pilot));
    const orphan = addItem(doc, { title: "o", phaseId: ids.phases.Beta });
    unwrap(removePhase(doc, alice, ids.phases.Beta));
    recordMap(doc, "items", orphan)!.set("phaseId", ids.phases.Beta); // a concurrent edit re-pointed it
    expect(column(doc, "No phase")).toBe("No phase: d o p");
    unwrap(moveCard(doc, alice, orphan, { phaseId: null, beforeId: id.d! }));
    expect(column(doc, "No phase")).toBe("No phase: o d p");
    expect(readSnapshot(doc).items.find((i) => i.id === orphan)?.phaseId).toBeNull();
  });

  it.each<[string, (b: ReturnType<typeof workshop>) => [ItemId, { phaseId: PhaseId | null; beforeId: ItemId | null }], RegExp]>([
    ["an unknown item", (b) => ["iGone" as ItemId, { phaseId: b.ids.phases.MVP, beforeId: null }], /does not exist/],
    ["an unknown phase", (b) => [b.id.a!, { phaseId: "pGone" as PhaseId, beforeId: null }], /phase pGone does not exist/],
    ["a junk phase id", (b) => [b.id.a!, { phaseId: "not an id" as PhaseId, beforeId: null }], /invalid phase id/],
    ["a card to land above that is in another column", (b) => [b.id.a!, { phaseId: b.ids.phases.MVP, beforeId: b.id.p! }], /has left that column meanwhile: drop it again/],
    ["landing above itself in another column", (b) => [b.id.a!, { phaseId: b.ids.phases.Pilot, beforeId: b.id.a! }], /above itself/],
  ])("refuses %s and changes nothing", (_what, args, message) => {
    const b = workshop();
    const [id, to] = args(b);
    expectError(expectNoChange(b.doc, () => moveCard(b.doc, alice, id, to)), message);
  });

  it("keeps positions out of updateItem, and a duplicate starts unplaced at the end of its column", () => {
    const { doc, ids, id } = workshop();
    expectError(updateItem(doc, alice, id.a!, { order: 5 } as never), /order/);
    const copy = unwrap(duplicateItem(doc, alice, id.a!));
    expect(readSnapshot(doc).items.find((i) => i.id === copy)?.order).toBeUndefined();
    expect(column(doc, "MVP")).toBe("MVP: a b c a (copy)");
    void ids;
  });

  it("reads a junk position as unplaced, keeps the item readable and flags the field", () => {
    const { doc, id } = workshop();
    recordMap(doc, "items", id.a!)!.set("order", "first");
    const snap = readSnapshot(doc);
    expect(snap.items.find((i) => i.id === id.a)?.order).toBeUndefined();
    expect(snap.problems).toContainEqual(expect.objectContaining({ kind: "invalid-field", id: id.a, field: "order" }));
    expect(column(doc, "MVP")).toBe("MVP: b c a");
    unwrap(moveCard(doc, alice, id.a!, { phaseId: readSnapshot(doc).phases[0]!.id, beforeId: id.b! }));
    expect(column(doc, "MVP")).toBe("MVP: a b c");
  });
});

describe("concurrent card moves give the same board on every replica", () => {
  /** Two replicas of one workshop board, in sync. */
  function pair() {
    const a = workshop(1);
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    return { a, b };
  }

  it("two people dropping different cards onto the same spot: both land there, tie broken by id", () => {
    const { a, b } = pair();
    unwrap(moveCard(a.doc, alice, a.id.p!, { phaseId: a.ids.phases.MVP, beforeId: a.id.b! }));
    unwrap(moveCard(b, bob, a.id.d!, { phaseId: a.ids.phases.MVP, beforeId: a.id.b! }));
    syncDocs(a.doc, b);
    expect(board(a.doc)).toBe(board(b));
    const [first, second] = a.id.p! < a.id.d! ? ["p", "d"] : ["d", "p"];
    expect(column(b, "MVP")).toBe(`MVP: a ${first} ${second} b c`);
  });

  it("two people moving the same card to different places: one place wins everywhere", () => {
    const { a, b } = pair();
    unwrap(moveCard(a.doc, alice, a.id.a!, { phaseId: a.ids.phases.Pilot, beforeId: null }));
    unwrap(moveCard(b, bob, a.id.a!, { phaseId: a.ids.phases.MVP, beforeId: null }));
    syncDocs(a.doc, b);
    expect(board(a.doc)).toBe(board(b));
    expect(readSnapshot(b).items.filter((i) => i.title === "a")).toHaveLength(1);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: random concurrent moves by three people converge to one board", (seed) => {
    const r = rng(seed);
    const base = workshop(10);
    for (let i = 0; i < 6; i++) addItem(base.doc, { title: `n${i}`, phaseId: r.chance(0.5) ? base.ids.phases.Beta : null });
    const docs = [base.doc, new Y.Doc(), new Y.Doc()];
    docs.forEach((doc, k) => {
      if (k > 0) {
        doc.clientID = 10 + k;
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(base.doc));
      }
    });
    const phases = [...Object.values(base.ids.phases), null];
    for (let round = 0; round < 5; round++) {
      for (const doc of docs) {
        for (let k = 0; k < 3; k++) {
          const snap = readSnapshot(doc);
          const moved = r.pick(snap.items).id;
          const target = r.pick(phases);
          const inTarget = phaseColumns(snap).find((c) => (c.phase?.id ?? null) === target)!.items.filter((i) => i.id !== moved);
          const beforeId = inTarget.length && r.chance(0.7) ? r.pick(inTarget).id : null;
          unwrap(moveCard(doc, alice, moved, { phaseId: target, beforeId }));
        }
      }
      if (r.chance(0.6)) {
        syncDocs(docs[0]!, docs[1]!);
        syncDocs(docs[1]!, docs[2]!);
        syncDocs(docs[0]!, docs[1]!);
      }
    }
    syncDocs(docs[0]!, docs[1]!);
    syncDocs(docs[1]!, docs[2]!);
    syncDocs(docs[0]!, docs[1]!);
    const boards = docs.map(board);
    expect(boards[1]).toBe(boards[0]);
    expect(boards[2]).toBe(boards[0]);
    // Every item is on the board exactly once.
    const shown = phaseColumns(readSnapshot(docs[0]!)).flatMap((c) => c.items.map((i) => i.id));
    expect(new Set(shown).size).toBe(readSnapshot(docs[0]!).items.length);
    expect(shown).toHaveLength(readSnapshot(docs[0]!).items.length);
  });
});
