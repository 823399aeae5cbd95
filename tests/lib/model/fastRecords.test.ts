import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDependencyFast, readItemFast, type FastReader } from "../../../lib/model/fastRecords";
import { dependencySchema, itemSchema } from "../../../lib/model/schemas";

/**
 * The fast readers stand in for zod on plainly valid records (lib/model/fastRecords.ts): what
 * they accept, zod must accept too, and read to the very same object (keys, order, -0, arrays
 * copied). Fields are drawn around every edge the schemas have, so both answers occur often.
 */
/** Mostly a valid value, sometimes one at or past an edge: so whole records are often valid too. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, edge: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: edge, weight: 1 }) as fc.Arbitrary<T | U>;
const ids = mostly(
  fc.constantFrom("i-abc", "l1", "p_2", "m-3", "x".repeat(64)),
  fc.oneof(fc.constantFrom("", "has space", "x".repeat(65), "é", "a/b"), fc.integer()),
);
const idOrNull = mostly(fc.oneof(fc.constant(null), ids), fc.constant(undefined));
const numbers = mostly(
  fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(-0, 2 ** 53 - 1, -(2 ** 53) + 1)),
  fc.oneof(fc.double(), fc.constantFrom(0.5, 2 ** 53, -(2 ** 53), NaN, Infinity, -Infinity, "3", null, undefined, true)),
);
const strings = (max: number) =>
  mostly(fc.oneof(fc.string({ maxLength: 12 }), fc.constant("x".repeat(max))), fc.oneof(fc.string({ maxLength: max + 3 }), fc.constant("x".repeat(max + 1))));
const stringLists = (count: number, length: number) =>
  mostly(
    fc.oneof(fc.array(strings(length), { maxLength: 3 }), fc.constant(Array.from({ length: count }, () => "x"))),
    fc.oneof(
      fc.constant(Array.from({ length: count + 1 }, () => "x")),
      fc.array(fc.oneof(strings(length), fc.integer()), { maxLength: 3 }),
      fc.constantFrom("a", null, undefined, { 0: "a" }),
    ),
  );

const itemFields = fc.record({
  id: ids,
  title: mostly(strings(500), fc.constantFrom(7, undefined)),
  laneId: idOrNull,
  phaseId: idOrNull,
  start: mostly(
    fc.constantFrom(null, "2027-01-04", "2031-12-31"),
    fc.oneof(fc.constantFrom("2027-02-30", "1899-12-31", "2300-01-01", "9999-01-01", "2027-1-4", "soon", undefined), fc.integer()),
  ),
  duration: numbers,
  effort: mostly(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, -0)), numbers),
  owners: stringLists(50, 200),
  status: mostly(fc.constantFrom("planned", "in_progress", "done", "at_risk"), fc.constantFrom("junk", "", undefined, 1)),
  priority: mostly(fc.constantFrom("must", "should", "could", "wont"), fc.constantFrom("Must", undefined)),
  tags: stringLists(50, 50),
  links: mostly(fc.constant([]), fc.constantFrom([{ url: "https://example.org", title: "x" }], "links", undefined)),
  deadlineMilestoneId: idOrNull,
  order: mostly(fc.oneof(fc.constant(undefined), fc.double({ noNaN: true, noDefaultInfinity: true })), numbers),
});

const dependencyFields = fc.record({ id: ids, fromId: ids, toId: ids, lag: numbers });

function holdsToZod(reader: FastReader<object>, schema: typeof itemSchema | typeof dependencySchema, fields: Record<string, unknown>): boolean {
  const fast = reader(fields);
  if (fast === undefined) return false;
  const zod = schema.safeParse(fields);
  expect(zod.success, JSON.stringify(fields)).toBe(true);
  expect(Object.keys(fast)).toEqual(Object.keys(zod.data!));
  expect(fast).toStrictEqual(zod.data);
  for (const [key, value] of Object.entries(fast)) if (Array.isArray(value)) expect(value).not.toBe(fields[key]);
  return true;
}

describe("fast record readers read exactly what zod reads", () => {
  it("items: accepted only when zod accepts, and read the same", () => {
    let accepted = 0;
    fc.assert(
      fc.property(itemFields, (fields) => {
        if (holdsToZod(readItemFast, itemSchema, fields)) accepted++;
      }),
      { numRuns: 20_000, seed: 16 },
    );
    // Not a vacuous pass: a fair share of drawn records takes the fast path.
    expect(accepted).toBeGreaterThan(500);
  });

  it("dependencies: accepted only when zod accepts, and read the same", () => {
    let accepted = 0;
    fc.assert(
      fc.property(dependencyFields, (fields) => {
        if (holdsToZod(readDependencyFast, dependencySchema, fields)) accepted++;
      }),
      { numRuns: 20_000, seed: 16 },
    );
    expect(accepted).toBeGreaterThan(5_000);
  });

  it("a plain item and a plain link take the fast path; an item with a link is left to zod", () => {
    const item = {
      id: "i-1", title: "Build", laneId: null, phaseId: "p-1", start: "2027-01-04", duration: 5, effort: 1, owners: ["Ana"],
      status: "planned", priority: "must", tags: [], links: [], deadlineMilestoneId: null, order: undefined,
    };
    expect(readItemFast(item)).toStrictEqual(itemSchema.parse(item));
    expect(readItemFast({ ...item, links: [{ url: "https://example.org", title: "x" }] })).toBeUndefined();
    const dep = { id: "d-1", fromId: "i-1", toId: "i-2", lag: -2 };
    expect(readDependencyFast(dep)).toStrictEqual(dependencySchema.parse(dep));
  });
});
