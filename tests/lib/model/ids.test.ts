import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  boardIdSchema,
  dependencyIdSchema,
  isIdShaped,
  itemIdSchema,
  laneIdSchema,
  milestoneIdSchema,
  newBoardId,
  newDependencyId,
  newItemId,
  newLaneId,
  newMilestoneId,
  newPhaseId,
  phaseIdSchema,
} from "../../../lib/model/ids";

const kinds: [string, () => string, z.ZodType, string][] = [
  ["board", newBoardId, boardIdSchema, "b"],
  ["lane", newLaneId, laneIdSchema, "l"],
  ["phase", newPhaseId, phaseIdSchema, "p"],
  ["item", newItemId, itemIdSchema, "i"],
  ["dependency", newDependencyId, dependencyIdSchema, "d"],
  ["milestone", newMilestoneId, milestoneIdSchema, "m"],
];

describe("branded id creators produce id-shaped, distinct values", () => {
  it.each(kinds)("new %s ids are id-shaped, parse with their schema and carry their prefix", (_kind, create, schema, prefix) => {
    const ids = Array.from({ length: 500 }, create);
    for (const id of ids) {
      expect(isIdShaped(id)).toBe(true);
      expect(id.startsWith(prefix)).toBe(true);
      expect(schema.safeParse(id)).toEqual({ success: true, data: id });
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

const junk: [string, unknown][] = [
  ["empty string", ""],
  ["a space", "a b"],
  ["65 characters", "x".repeat(65)],
  ["a slash (path traversal)", "../etc"],
  ["a non-ASCII letter", "é"],
  ["a dot", "a.b"],
  ["a number", 42],
  ["null", null],
  ["undefined", undefined],
  ["an object", { id: "abc" }],
];

describe("id schemas reject junk", () => {
  for (const [kind, , schema] of kinds) {
    it.each(junk)(`${kind} id schema rejects %s`, (_label, value) => {
      expect(schema.safeParse(value).success).toBe(false);
    });
  }

  it.each(["a", "x".repeat(64), "A-z_09", "i0123456789abcdef"])("accepts the edge-of-shape id %s", (id) => {
    expect(isIdShaped(id)).toBe(true);
    expect(itemIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(["", "x".repeat(65), "a b", "a\nb", "bad key!"])("isIdShaped rejects %j", (id) => {
    expect(isIdShaped(id)).toBe(false);
  });
});
