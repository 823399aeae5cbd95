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

/** A bar as it was last drawn: its extent then and the row it had. */
export interface PlacedBar extends Bar {
  row: number;
}

/**
 * Packs a lane again after some of its bars changed, keeping every bar in the row it had where
 * it can, so one drop does not reshuffle the lane (docs/scheduling.md): bars whose extent did not
 * change keep their rows (they did not overlap before, so they do not now); the others, by
 * start then id, take their previous row when it is free over their extent, else the lowest
 * free row. Rows left empty are closed up. The count may exceed packRows' minimum: a lane a
 * person is working in holds still rather than being optimal.
 *
 * `previous` holds the lane's bars as last packed, by id. When most of the lane changed (a new
 * zoom, a new calendar, a first layout), the old rows say little: it packs afresh with packRows.
 */
export function repackRows(bars: readonly Bar[], previous: ReadonlyMap<string, PlacedBar>): { rowOf: Map<string, number>; rowCount: number } {
  const moved = (bar: Bar) => {
    const was = previous.get(bar.id);
    return !was || was.start !== bar.start || was.finish !== bar.finish;
  };
  const rest = bars.filter(moved);
  if (rest.length * 2 > bars.length) return packRows(bars);
  // Each row's bars as [start, finish] pairs, flat; rows may start out sparse.
  const rows: number[][] = [];
  const rowOf = new Map<string, number>();
  const free = (r: number, bar: Bar) => {
    const taken = rows[r];
    if (!taken) return true;
    for (let k = 0; k < taken.length; k += 2) if (taken[k]! <= bar.finish && bar.start <= taken[k + 1]!) return false;
    return true;
  };
  const place = (bar: Bar, r: number) => {
    (rows[r] ??= []).push(bar.start, bar.finish);
    rowOf.set(bar.id, r);
  };
  for (const bar of bars) if (!moved(bar)) place(bar, previous.get(bar.id)!.row);
  rest.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const bar of rest) {
    const hint = previous.get(bar.id)?.row ?? -1;
    if (hint >= 0 && free(hint, bar)) place(bar, hint);
    else {
      let r = 0;
      while (!free(r, bar)) r++;
      place(bar, r);
    }
  }
  // Close up rows left empty (a bar moved away or down), keeping the others' order.
  const renumber: number[] = [];
  let rowCount = 0;
  for (let r = 0; r < rows.length; r++) renumber[r] = rows[r]?.length ? rowCount++ : -1;
  if (rowCount !== rows.length) for (const [id, r] of rowOf) rowOf.set(id, renumber[r]!);
  return { rowOf, rowCount };
}
