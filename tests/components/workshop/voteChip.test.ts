import { describe, expect, it } from "vitest";
import { itemVote, type VoteBinding } from "../../../components/workshop/voteContext";
import type { VotePublic } from "../../../lib/protocol/workshops";

const baseVote: VotePublic = {
  id: "v1",
  title: "MVP",
  scope: "board",
  itemIds: ["a", "b"],
  votesPerPerson: 3,
  stacking: false,
  visibility: "hidden",
  state: "open",
  counts: null,
  voters: 1,
  openedAt: "2026-12-07T10:00:00.000Z",
  revealedAt: null,
};

function binding(over: Partial<VoteBinding> = {}, vote: Partial<VotePublic> = {}): VoteBinding & { cast: (id: string, d: 1 | -1) => void; casts: [string, number][] } {
  const casts: [string, number][] = [];
  const v = { ...baseVote, ...vote };
  return { vote: v, items: new Set(v.itemIds), mine: { votes: { a: 1 }, remaining: 2 }, canVote: true, pending: false, cast: (id, d) => casts.push([id, d]), casts, ...over };
}

describe("an item's vote chip", () => {
  it("is absent for items outside the vote and without a vote", () => {
    expect(itemVote(binding(), "z")).toBeNull();
    expect(itemVote(null, "a")).toBeNull();
  });

  it("lets a voter add one vote per item without stacking, and take theirs back", () => {
    const b = binding();
    const a = itemVote(b, "a")!;
    expect([a.own, a.canAdd, a.canTakeBack]).toEqual([1, false, true]);
    const other = itemVote(b, "b")!;
    expect([other.own, other.canAdd, other.canTakeBack]).toEqual([0, true, false]);
    other.add();
    a.takeBack();
    expect(b.casts).toEqual([
      ["b", 1],
      ["a", -1],
    ]);
  });

  it("with stacking, adds more on one item until the budget is spent", () => {
    expect(itemVote(binding({}, { stacking: true }), "a")!.canAdd).toBe(true);
    expect(itemVote(binding({ mine: { votes: { a: 3 }, remaining: 0 } }, { stacking: true }), "a")!.canAdd).toBe(false);
  });

  it("gives viewers, closed votes, unknown budgets and pending ballots no controls", () => {
    for (const b of [binding({ canVote: false }), binding({}, { state: "closed" }), binding({}, { state: "revealed" }), binding({ pending: true })]) {
      const a = itemVote(b, "a")!;
      expect([a.canAdd, a.canTakeBack]).toEqual([false, false]);
    }
    expect(itemVote(binding({ mine: null }), "b")!.canAdd).toBe(false);
    expect(itemVote(binding({ canVote: false }), "a")!.canVote).toBe(false);
  });

  it("shows counts only when the server sent them (open or revealed), zero for items without votes", () => {
    expect(itemVote(binding(), "a")!.count).toBeNull();
    const revealed = binding({}, { state: "revealed", counts: { a: 4 } });
    expect(itemVote(revealed, "a")!.count).toBe(4);
    expect(itemVote(revealed, "b")!.count).toBe(0);
  });
});
