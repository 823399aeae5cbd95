import { describe, expect, it } from "vitest";
import { orderAtEnd, orderBetween, planReorder } from "../../../lib/model/orderKeys";

describe("order keys", () => {
  it.each<[number | undefined, number | undefined, number]>([
    [undefined, undefined, 0],
    [undefined, 3, 2],
    [3, undefined, 4],
    [1, 2, 1.5],
    [-1, 1, 0],
  ])("orderBetween(%s, %s) is %s", (before, after, expected) => {
    expect(orderBetween(before, after)).toBe(expected);
  });

  it("orderAtEnd is one past the largest key, or 0 for none", () => {
    expect(orderAtEnd([])).toBe(0);
    expect(orderAtEnd([3, -2, 7.5])).toBe(8.5);
  });
});

describe("planReorder", () => {
  const others = [
    { id: "a", order: 0 },
    { id: "b", order: 1 },
    { id: "c", order: 2 },
  ];

  it.each<[string, number, [string, number][]]>([
    ["to the front", 0, [["x", -1]]],
    ["between two keys", 2, [["x", 1.5]]],
    ["to the end", 3, [["x", 3]]],
  ])("writes one key when moving %s", (_what, index, expected) => {
    expect([...planReorder(others, "x", index)]).toEqual(expected);
  });

  it("renumbers everything in the new order when the neighbours' keys are equal", () => {
    const tied = [
      { id: "a", order: 0 },
      { id: "b", order: 1 },
      { id: "c", order: 1 },
    ];
    expect([...planReorder(tied, "x", 2)]).toEqual([["a", 0], ["b", 1], ["x", 2], ["c", 3]]);
  });

  it("renumbers when no float lies between the neighbours", () => {
    const close = [
      { id: "a", order: 1 },
      { id: "b", order: 1 + Number.EPSILON },
    ];
    expect([...planReorder(close, "x", 1)]).toEqual([["a", 0], ["x", 1], ["b", 2]]);
  });
});
