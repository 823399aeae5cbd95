import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packRows, packRowsByIndex, repackRows, type Bar } from "../../../lib/derive/laneRows";

const bar = (id: string, start: number, finish: number): Bar => ({ id, start, finish });

/** The most bars that share one day: no packing can use fewer rows. */
function maxOverlap(bars: readonly Bar[]): number {
  let best = 0;
  for (const b of bars) best = Math.max(best, bars.filter((o) => o.start <= b.start && b.start <= o.finish).length);
  return best;
}

function overlapsInARow(bars: readonly Bar[], rowOf: Map<string, number>): string[] {
  const bad: string[] = [];
  for (const x of bars)
    for (const y of bars)
      if (x.id < y.id && rowOf.get(x.id) === rowOf.get(y.id) && x.start <= y.finish && y.start <= x.finish) bad.push(`${x.id}/${y.id}`);
  return bad;
}

describe("packRows", () => {
  it.each<[string, Bar[], number]>([
    ["no bars need no rows", [], 0],
    ["one bar needs one row", [bar("a", 0, 4)], 1],
    ["bars that follow each other share a row", [bar("a", 0, 4), bar("b", 5, 9), bar("c", 10, 10)], 1],
    ["a bar starting the day another finishes overlaps it", [bar("a", 0, 4), bar("b", 4, 9)], 2],
    ["three bars on one day need three rows", [bar("a", 3, 3), bar("b", 1, 5), bar("c", 3, 8)], 3],
    ["a gap in row 0 is reused", [bar("a", 0, 2), bar("b", 1, 9), bar("c", 3, 4)], 2],
  ])("%s", (_what, bars, rows) => {
    const { rowOf, rowCount } = packRows(bars);
    expect(rowCount).toBe(rows);
    expect([...rowOf.keys()].sort()).toEqual(bars.map((b) => b.id).sort());
    expect(overlapsInARow(bars, rowOf)).toEqual([]);
  });

  const bars = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 15 })), { maxLength: 25 })
    .map((list) => list.map(([start, len], i) => bar(`b${i}`, start, start + len)));

  it("uses the fewest rows possible and never overlaps two bars in a row", () => {
    fc.assert(
      fc.property(bars, (list) => {
        const { rowOf, rowCount } = packRows(list);
        expect(rowCount).toBe(maxOverlap(list));
        expect(overlapsInARow(list, rowOf)).toEqual([]);
        for (const row of rowOf.values()) expect(row).toBeLessThan(rowCount);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("gives the same rows whatever order the bars come in", () => {
    fc.assert(
      fc.property(bars.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))), ([list, shuffled]) => {
        expect(packRows(shuffled).rowOf).toEqual(packRows(list).rowOf);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe("packRowsByIndex", () => {
  it("packs exactly as packRows does when ids sort like indices", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 15 }) }), { maxLength: 60 }), (specs) => {
        const id = (v: number) => `b${String(v).padStart(3, "0")}`;
        const start = Float64Array.from(specs, (s) => s.start);
        const finish = Float64Array.from(specs, (s) => s.start + s.length);
        // Every other bar belongs to this lane, in a scrambled order.
        const members = specs.map((_, v) => v).filter((v) => v % 2 === 0).reverse();
        const rowOf = new Int32Array(specs.length).fill(-1);
        const rowCount = packRowsByIndex(members, start, finish, rowOf);
        const expected = packRows(members.map((v) => bar(id(v), start[v]!, finish[v]!)));
        expect(rowCount).toBe(expected.rowCount);
        for (const v of members) expect(rowOf[v]).toBe(expected.rowOf.get(id(v)));
      }),
      { seed: 1234, numRuns: 200 },
    );
  });
});

describe("repackRows: after a drop, bars keep their rows where they can", () => {
  /** The bars with the rows packRows gave them: what the lane looked like before. */
  const placed = (bars: Bar[]) => {
    const { rowOf } = packRows(bars);
    return new Map(bars.map((b) => [b.id, { ...b, row: rowOf.get(b.id)! }]));
  };
  const rowsOf = (bars: Bar[], rowOf: Map<string, number>) => bars.map((b) => rowOf.get(b.id));

  it("moving one bar out of the way leaves every other bar in its row (packing afresh would move three)", () => {
    // A 0–4 row 0, B 2–6 row 1, C 5–9 row 0, D 8–12 row 1; then A moves to 20–24.
    const before = [bar("a", 0, 4), bar("b", 2, 6), bar("c", 5, 9), bar("d", 8, 12)];
    expect(rowsOf(before, packRows(before).rowOf)).toEqual([0, 1, 0, 1]);
    const after = [bar("a", 20, 24), bar("b", 2, 6), bar("c", 5, 9), bar("d", 8, 12)];
    expect(rowsOf(after, packRows(after).rowOf)).toEqual([0, 0, 1, 0]);
    const stable = repackRows(after, placed(before));
    expect(rowsOf(after, stable.rowOf)).toEqual([0, 1, 0, 1]);
    expect(stable.rowCount).toBe(2);
  });

  it("a moved bar that no longer fits its row takes the lowest free one", () => {
    const before = [bar("a", 0, 4), bar("b", 2, 14), bar("c", 6, 9)];
    expect(rowsOf(before, packRows(before).rowOf)).toEqual([0, 1, 0]);
    // C moves onto A's days: row 0 is taken there, and so is row 1 (B): a third row.
    const after = [bar("a", 0, 4), bar("b", 2, 14), bar("c", 1, 3)];
    expect(rowsOf(after, repackRows(after, placed(before)).rowOf)).toEqual([0, 1, 2]);
  });

  it("never overlaps two bars in a row, keeps unmoved bars in the same order of rows, and leaves no row empty", () => {
    const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 15 })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(spans, fc.array(fc.tuple(fc.nat(29), fc.integer({ min: -20, max: 20 })), { maxLength: 5 }), (list, drops) => {
        const before = list.map(([s, len], i) => bar(`b${i}`, s, s + len));
        const previous = placed(before);
        const after = before.map((b) => ({ ...b }));
        const moved = new Set<string>();
        for (const [i0, delta] of drops) {
          const b = after[i0 % after.length]!;
          b.start += delta;
          b.finish += delta;
          if (delta) moved.add(b.id);
        }
        const { rowOf, rowCount } = repackRows(after, previous);
        expect(overlapsInARow(after, rowOf)).toEqual([]);
        expect(new Set(rowOf.values()).size).toBe(rowCount);
        // (When most of the lane moved, it is packed afresh: nothing to keep.)
        if (moved.size * 2 > after.length) return;
        const still = after.filter((b) => !moved.has(b.id));
        for (const a of still) for (const b of still) if (previous.get(a.id)!.row < previous.get(b.id)!.row) expect(rowOf.get(a.id)!).toBeLessThan(rowOf.get(b.id)!);
        // When one bar moved and no row emptied, every other bar keeps exactly its row.
        if (moved.size === 1 && rowCount === new Set([...previous.values()].map((p) => p.row)).size) for (const b of still) expect(rowOf.get(b.id)).toBe(previous.get(b.id)!.row);
      }),
      { seed: 99, numRuns: 300 },
    );
  });
});
