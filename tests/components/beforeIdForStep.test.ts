import { describe, expect, it } from "vitest";
import { beforeIdForStep } from "../../components/roadmap/setup/setupParts";

describe("beforeIdForStep: where a lane or phase goes when moved one place", () => {
  const ids = ["a", "b", "c", "d"];
  it.each([
    [0, -1, undefined, "the first cannot go up"],
    [1, -1, "a", "up: before the one above it"],
    [3, -1, "c", "the last goes before the one above it"],
    [0, 1, "c", "down: before the one two below it"],
    [2, 1, null, "down into last place: to the end"],
    [3, 1, undefined, "the last cannot go down"],
  ] as const)("index %i, step %i → %s (%s)", (index, step, expected, _why) => {
    expect(beforeIdForStep(ids, index, step)).toBe(expected);
  });
});
