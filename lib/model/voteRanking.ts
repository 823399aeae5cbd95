/**
 * A dot vote's result as a ranking (docs/workshops.md): most votes first; ties by title, then id,
 * compared as code units so every screen ranks the same way whatever its locale. Items without a
 * vote are ranked after those with one, so "the top K" never picks an item nobody chose.
 */
export interface RankedEntry {
  itemId: string;
  title: string;
  votes: number;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function rankVote(itemIds: readonly string[], counts: Readonly<Record<string, number>>, titleOf: (itemId: string) => string | undefined): RankedEntry[] {
  const seen = new Set<string>();
  const entries: RankedEntry[] = [];
  for (const itemId of itemIds) {
    if (seen.has(itemId)) continue;
    seen.add(itemId);
    const raw = counts[itemId];
    const votes = typeof raw === "number" && Number.isFinite(raw) && raw > 0 ? Math.floor(raw) : 0;
    entries.push({ itemId, title: titleOf(itemId) ?? "", votes });
  }
  return entries.sort((a, b) => b.votes - a.votes || compareStrings(a.title, b.title) || compareStrings(a.itemId, b.itemId));
}

/** The first `k` ranked items that got at least one vote (deleted items are skipped by the caller's titleOf returning undefined). */
export function topVoted(ranked: readonly RankedEntry[], k: number): RankedEntry[] {
  return ranked.filter((entry) => entry.votes > 0).slice(0, Math.max(0, Math.floor(k)));
}
