import { describe, expect, it } from "vitest";
import { columnOf, compareCards, planCardMove, type CardKey } from "../../../lib/model/cardOrder";

const card = (id: string, order?: number, title = id): CardKey => ({ id, title, order });
const ids = (cards: CardKey[]) => cards.map((c) => c.id).join(" ");

/** Applies planned writes to a column and sorts it again: where the moved card really lands. */
function landing(column: CardKey[], moved: CardKey, index: number): string {
  const writes = planCardMove(column, moved.id, index);
  const all = [...column, moved].map((c) => (writes.has(c.id) ? { ...c, order: writes.get(c.id) } : c));
  return ids(all.sort(compareCards));
}

describe("compareCards orders a column the same way on every replica", () => {
  it("puts placed cards first by key, equal keys by id", () => {
    const cards = [card("c", 2), card("b", 1), card("a", 2), card("d", -5)];
    expect(ids(cards.sort(compareCards))).toBe("d b a c");
  });

  it("puts cards nobody placed after the placed ones, by title ignoring case, then exact title, then id", () => {
    const cards = [card("i1", undefined, "beta"), card("i2", undefined, "Alpha"), card("i3", 100), card("i4", undefined, "alpha"), card("i0", undefined, "alpha")];
    expect(ids(cards.sort(compareCards))).toBe("i3 i2 i0 i4 i1");
  });

  it("does not depend on the order the cards arrive in", () => {
    const cards = [card("a", 1), card("b", 1), card("c"), card("d", undefined, "c"), card("e", 0.5)];
    const sorted = ids([...cards].sort(compareCards));
    expect(ids([...cards].reverse().sort(compareCards))).toBe(sorted);
  });
});

describe("planCardMove lands the card where it was dropped", () => {
  const placed = [card("a", 0), card("b", 1), card("c", 2)];
  it.each<[string, CardKey[], number, string, number]>([
    ["at the top of placed cards", placed, 0, "x a b c", 1],
    ["between two placed cards", placed, 2, "a b x c", 1],
    ["below the last placed card", placed, 3, "a b c x", 1],
    ["into an empty column", [], 0, "x", 1],
    ["above the first unplaced card", [card("a", 0), card("u"), card("v")], 1, "a x u v", 1],
    ["below unplaced cards (those above get keys too)", [card("a", 0), card("u"), card("v"), card("w")], 3, "a u v x w", 3],
    ["below unplaced cards in a column nobody placed", [card("u"), card("v")], 1, "u x v", 2],
    ["between two cards whose keys tied (renumbers the placed cards)", [card("a", 0), card("b", 1), card("c", 1)], 2, "a b x c", 4],
  ])("%s", (_what, column, index, expected, writes) => {
    expect(landing(column, card("x", 99), index)).toBe(expected);
    expect(planCardMove(column, "x", index).size).toBe(writes);
  });

  it("clamps an index past the end to the end", () => {
    expect(landing(placed, card("x"), 17)).toBe("a b c x");
  });
});

describe("columnOf", () => {
  it("is the item's phase when it exists, otherwise the No phase column", () => {
    const phases = new Set(["pA"]);
    expect(columnOf("pA", phases)).toBe("pA");
    expect(columnOf(null, phases)).toBeNull();
    expect(columnOf("pDeleted", phases)).toBeNull();
  });
});
