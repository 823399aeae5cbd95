import { describe, expect, it } from "vitest";
import { addDependency, removeDependency, removeItemDependencies, setDependencyLag, type NewDependency } from "../../../lib/model/dependencyCommands";
import { collection } from "../../../lib/model/docLayout";
import type { DependencyId, ItemId } from "../../../lib/model/ids";
import { readSnapshot } from "../../../lib/model/snapshot";
import { alice, expectError, expectNoChange, expectOneTransaction, unwrap } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";

/** A board with items a..e and the links a→b, b→c, c→d (e stands alone). */
function chainBoard() {
  const { doc } = templateBoard();
  const [a, b, c, d, e] = [addItem(doc), addItem(doc), addItem(doc), addItem(doc), addItem(doc)];
  for (const [fromId, toId] of [[a, b], [b, c], [c, d]] as const) unwrap(addDependency(doc, setup, { fromId, toId }));
  return { doc, a, b, c, d, e };
}

describe("addDependency", () => {
  it("adds a finish-to-start link with its lag in one transaction with the caller's origin", () => {
    const { doc, a, e } = chainBoard();
    const id = unwrap(expectOneTransaction(doc, alice, () => addDependency(doc, alice, { fromId: a, toId: e, lag: -2 })));
    expect(readSnapshot(doc).dependencies.find((dep) => dep.id === id)).toEqual({ id, fromId: a, toId: e, lag: -2 });
  });

  it("defaults the lag to 0", () => {
    const { doc, d, e } = chainBoard();
    const id = unwrap(addDependency(doc, alice, { fromId: d, toId: e }));
    expect(readSnapshot(doc).dependencies.find((dep) => dep.id === id)?.lag).toBe(0);
  });

  it("accepts a diamond and a shortcut, which are not cycles", () => {
    const { doc, a, c, d, e } = chainBoard();
    expect(addDependency(doc, alice, { fromId: a, toId: d }).ok).toBe(true);
    expect(addDependency(doc, alice, { fromId: a, toId: e }).ok).toBe(true);
    expect(addDependency(doc, alice, { fromId: e, toId: c }).ok).toBe(true);
  });

  type Chain = ReturnType<typeof chainBoard>;
  it.each<[string, (ch: Chain) => NewDependency, RegExp]>([
    ["a self-link", ({ a }) => ({ fromId: a, toId: a }), /itself/],
    ["a duplicate", ({ a, b }) => ({ fromId: a, toId: b, lag: 3 }), /already linked/],
    ["the reverse of a link (a 2-cycle)", ({ a, b }) => ({ fromId: b, toId: a }), /cycle/],
    ["closing a longer cycle", ({ a, d }) => ({ fromId: d, toId: a }), /cycle/],
    ["closing a cycle through the middle", ({ b, d }) => ({ fromId: d, toId: b }), /cycle/],
    ["an unknown predecessor", ({ a }) => ({ fromId: "iGone" as ItemId, toId: a }), /iGone does not exist/],
    ["an unknown successor", ({ a }) => ({ fromId: a, toId: "iGone" as ItemId }), /iGone does not exist/],
    ["a junk id", ({ a }) => ({ fromId: a, toId: "no such/id" as ItemId }), /toId/],
    ["a fractional lag", ({ a, e }) => ({ fromId: a, toId: e, lag: 0.5 }), /lag/],
    ["an absurd lag", ({ a, e }) => ({ fromId: a, toId: e, lag: 1e6 }), /lag/],
  ])("refuses %s and changes nothing", (_what, input, message) => {
    const chain = chainBoard();
    expectError(expectNoChange(chain.doc, () => addDependency(chain.doc, alice, input(chain))), message);
  });
});

describe("setDependencyLag and removeDependency", () => {
  it("sets the lag in one transaction", () => {
    const { doc, a, e } = chainBoard();
    const id = unwrap(addDependency(doc, setup, { fromId: a, toId: e }));
    expect(expectOneTransaction(doc, alice, () => setDependencyLag(doc, alice, id, 4)).ok).toBe(true);
    expect(readSnapshot(doc).dependencies.find((dep) => dep.id === id)?.lag).toBe(4);
  });

  it.each([0.5, NaN, 10_001, -10_001])("refuses the lag %d and changes nothing", (lag) => {
    const { doc, a, e } = chainBoard();
    const id = unwrap(addDependency(doc, setup, { fromId: a, toId: e }));
    expectError(expectNoChange(doc, () => setDependencyLag(doc, alice, id, lag)), /whole number/);
  });

  it("removes a dependency in one transaction, after which the reverse link is allowed", () => {
    const { doc, a, b } = chainBoard();
    const ab = readSnapshot(doc).dependencies.find((dep) => dep.fromId === a && dep.toId === b)!;
    expect(expectOneTransaction(doc, alice, () => removeDependency(doc, alice, ab.id)).ok).toBe(true);
    expect(readSnapshot(doc).dependencies.map((dep) => dep.id)).not.toContain(ab.id);
    expect(addDependency(doc, alice, { fromId: b, toId: a }).ok).toBe(true);
  });

  it("refuses an unknown dependency and changes nothing", () => {
    const { doc } = chainBoard();
    expectError(expectNoChange(doc, () => removeDependency(doc, alice, "dGone" as DependencyId)), /does not exist/);
    expectError(expectNoChange(doc, () => setDependencyLag(doc, alice, "dGone" as DependencyId, 1)), /does not exist/);
  });
});

describe("removeItemDependencies (the bar menu's Remove dependencies)", () => {
  it("removes every link into and out of an item, and no other, in one transaction", () => {
    const { doc, a, b, c, d } = chainBoard();
    expect(unwrap(expectOneTransaction(doc, alice, () => removeItemDependencies(doc, alice, b)))).toBe(2);
    expect(readSnapshot(doc).dependencies.map((dep) => [dep.fromId, dep.toId])).toEqual([[c, d]]);
    expect(addDependency(doc, alice, { fromId: b, toId: a }).ok).toBe(true);
  });

  it("removes the links of an item deleted meanwhile, which would otherwise dangle", () => {
    const { doc, c, d } = chainBoard();
    collection(doc, "items").delete(d); // a raw delete, as a peer without the command would leave it
    expect(unwrap(removeItemDependencies(doc, alice, d))).toBe(1);
    expect(readSnapshot(doc).dependencies.some((dep) => dep.toId === d || dep.fromId === c)).toBe(false);
  });

  it("refuses an item without links and changes nothing", () => {
    const { doc, e } = chainBoard();
    expectError(expectNoChange(doc, () => removeItemDependencies(doc, alice, e)), /no dependencies/);
  });
});
