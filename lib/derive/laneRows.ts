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

/**
 * Packs a lane again after some of its bars changed, keeping every bar in the row it had where
 * it can, so one drop does not reshuffle the lane (docs/scheduling.md): bars whose days did not
 * change keep their rows (they did not overlap before, so they do not now); the others, by
 * start then index, take their previous row when it is free on their days, else the lowest
 * free row. Rows left empty are closed up. The count may exceed packRows' minimum: a lane a
 * person is working in holds still rather than being optimal.
 *
 * `previousRow(v)` is bar v's row in the lane's last layout (-1: it was not in the lane) and
 * `moved(v)` whether its days changed since. When most of the lane changed (a new calendar, a
 * new lane), the old rows say little: it packs afresh with packRowsByIndex.
 */
export function repackRowsByIndex(
  members: readonly number[],
  start: Float64Array,
  finish: Float64Array,
  rowOf: Int32Array,
  previousRow: (v: number) => number,
  moved: (v: number) => boolean,
): number {
  const rest = members.filter((v) => moved(v) || previousRow(v) < 0);
  if (rest.length * 2 > members.length) return packRowsByIndex(members, start, finish, rowOf);
  // Each row's bars as [start, finish] pairs, flat.
  const rows: number[][] = [];
  const rowAt = (r: number) => (rows[r] ??= []);
  const free = (r: number, v: number) => {
    const taken = rows[r];
    if (!taken) return true;
    for (let k = 0; k < taken.length; k += 2) if (taken[k]! <= finish[v]! && start[v]! <= taken[k + 1]!) return false;
    return true;
  };
  const place = (v: number, r: number) => {
    rowAt(r).push(start[v]!, finish[v]!);
    rowOf[v] = r;
  };
  for (const v of members) if (!moved(v) && previousRow(v) >= 0) place(v, previousRow(v));
  rest.sort((a, b) => start[a]! - start[b]! || a - b);
  for (const v of rest) {
    const hint = previousRow(v);
    if (hint >= 0 && free(hint, v)) place(v, hint);
    else {
      let r = 0;
      while (!free(r, v)) r++;
      place(v, r);
    }
  }
  // Close up rows left empty (a bar moved out of its lane or down), keeping the others' order.
  const renumber: number[] = [];
  let count = 0;
  for (let r = 0; r < rows.length; r++) renumber[r] = rows[r]?.length ? count++ : -1;
  if (count !== rows.length) for (const v of members) rowOf[v] = renumber[rowOf[v]!]!;
  return count;
}
