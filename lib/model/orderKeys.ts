/**
 * Numeric sort keys for lanes and phases. Moving a record gives it the midpoint of its new
 * neighbours, so a reorder writes one field and concurrent reorders of different records merge.
 * Two people dropping onto the same spot get equal keys; readers break ties by id.
 */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

export function orderAtEnd(orders: number[]): number {
  return orders.length ? Math.max(...orders) + 1 : 0;
}
