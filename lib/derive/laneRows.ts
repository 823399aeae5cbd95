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
