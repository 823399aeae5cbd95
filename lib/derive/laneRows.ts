/**
 * Packs bars into the fewest rows without overlap (greedy interval partitioning, which is
 * optimal for intervals). Input order does not matter: bars are sorted by start, then id, so
 * the layout is the same on every replica and does not jump when nothing changed.
 */
export interface Bar {
  id: string;
  /** First and last day (inclusive) as day numbers. */
  start: number;
  finish: number;
}

export function packRows(bars: readonly Bar[]): { rowOf: Map<string, number>; rowCount: number } {
  const sorted = [...bars].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rowEnds: number[] = [];
  const rowOf = new Map<string, number>();
  for (const bar of sorted) {
    let row = rowEnds.findIndex((end) => end < bar.start);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(bar.finish);
    } else {
      rowEnds[row] = bar.finish;
    }
    rowOf.set(bar.id, row);
  }
  return { rowOf, rowCount: rowEnds.length };
}

/**
 * packRows for bars given as item indices into day-number arrays (the scheduler's own form),
 * without an object or a string per bar. Ties on start are broken by index, which is id
 * order, so it packs exactly as packRows does. Writes each member's row into `rowOf` (by item
 * index) and returns the number of rows.
 */
export function packRowsByIndex(members: readonly number[], start: Float64Array, finish: Float64Array, rowOf: Int32Array): number {
  const sorted = [...members].sort((a, b) => start[a]! - start[b]! || a - b);
  const rowEnds: number[] = [];
  for (const v of sorted) {
    let row = 0;
    while (row < rowEnds.length && !(rowEnds[row]! < start[v]!)) row++;
    rowEnds[row] = finish[v]!;
    rowOf[v] = row;
  }
  return rowEnds.length;
}
