import { orderBetween, planReorder } from "./orderKeys";

/**
 * The order of cards in a column of the phase board. A card placed by someone has a numeric
 * key (`order`); cards nobody has placed yet (new items, items from before the board existed)
 * have none and follow the placed ones.
 */
export interface CardKey {
  readonly id: string;
  readonly title: string;
  readonly order?: number | undefined;
}

/**
 * The column an item's card is in: its phase, or "No phase" (null) when it has none or its
 * phase was deleted (concurrently, say). The phase board draws columns with the same rule.
 */
export function columnOf(phaseId: string | null, phases: ReadonlySet<string>): string | null {
  return phaseId !== null && phases.has(phaseId) ? phaseId : null;
}

// Plain code-unit comparisons: localeCompare depends on the browser's locale and ICU data, and
// every replica must put the same cards in the same order.
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Placed cards by key, equal keys (two people dropped onto the same spot at once) by id; then
 * unplaced cards by title (case-insensitive, then exact) and id. Total and replica-independent.
 */
export function compareCards(a: CardKey, b: CardKey): number {
  const ao = a.order;
  const bo = b.order;
  if (ao !== undefined && bo !== undefined) return ao - bo || compareStrings(a.id, b.id);
  if (ao !== undefined) return -1;
  if (bo !== undefined) return 1;
  return compareStrings(a.title.toLowerCase(), b.title.toLowerCase()) || compareStrings(a.title, b.title) || compareStrings(a.id, b.id);
}

/**
 * The keys to write so that card `id` lands at `index` of `column` (sorted by compareCards,
 * without `id`). Among placed cards this is usually the one midpoint key of planReorder. A drop
 * below unplaced cards gives those above the drop point keys too (after the last placed key),
 * since an unplaced card always sorts after a placed one; the unplaced cards below keep none.
 */
export function planCardMove(column: readonly CardKey[], id: string, index: number): Map<string, number> {
  const at = Math.max(0, Math.min(index, column.length));
  const placed = column.findIndex((card) => card.order === undefined);
  const placedCount = placed < 0 ? column.length : placed;
  const ordered = column.slice(0, placedCount).map((card) => ({ id: card.id, order: card.order! }));
  if (at <= placedCount) return planReorder(ordered, id, at);
  const writes = new Map<string, number>();
  let next = orderBetween(ordered.at(-1)?.order, undefined);
  for (const card of column.slice(placedCount, at)) writes.set(card.id, next++);
  writes.set(id, next);
  return writes;
}
