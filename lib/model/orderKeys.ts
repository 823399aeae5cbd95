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

/**
 * The order keys to write so that `id` lands at `index` among `others` (sorted, without `id`).
 * Usually one key, the midpoint of the new neighbours. When the neighbours' keys are equal (two
 * people once dropped onto the same spot) or so close that no float lies between them, a
 * midpoint cannot separate them, so every record is renumbered 0, 1, 2, ... in the new order.
 */
export function planReorder(others: readonly { id: string; order: number }[], id: string, index: number): Map<string, number> {
  const before = others[index - 1]?.order;
  const after = others[index]?.order;
  const order = orderBetween(before, after);
  if ((before === undefined || order > before) && (after === undefined || order < after)) return new Map([[id, order]]);
  const sequence = [...others.slice(0, index).map((o) => o.id), id, ...others.slice(index).map((o) => o.id)];
  return new Map(sequence.map((recordId, i) => [recordId, i]));
}
