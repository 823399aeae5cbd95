import type { BarBox, LaneBand } from "./geometry";

/** Bars of one lane out of sight on one side of the view, and the nearest of them. */
export interface EdgeMarker {
  bandId: string;
  side: "before" | "after";
  count: number;
  /** The bar closest to the view on that side: where the marker takes the person. */
  nearest: BarBox;
}

/**
 * Per lane, the bars entirely left of the visible part of the canvas (`from` to `to`, canvas
 * pixels) and entirely right of it, so an item that starts before the horizon, or far ahead,
 * stays findable instead of vanishing off the edge (docs/scheduling.md). Collapsed lanes have
 * no bars to point at; their summary row already shows where their work is.
 */
export function edgeMarkers(bands: readonly LaneBand[], bars: ReadonlyMap<string, BarBox>, from: number, to: number): EdgeMarker[] {
  const byBand = new Map<string, { before: BarBox[]; after: BarBox[] }>();
  for (const box of bars.values()) {
    const side = box.left + box.width < from ? "before" : box.left > to ? "after" : null;
    if (!side) continue;
    let lists = byBand.get(box.bandId);
    if (!lists) byBand.set(box.bandId, (lists = { before: [], after: [] }));
    lists[side].push(box);
  }
  const out: EdgeMarker[] = [];
  for (const band of bands) {
    const lists = byBand.get(band.id);
    if (!lists || band.collapsed) continue;
    if (lists.before.length)
      out.push({ bandId: band.id, side: "before", count: lists.before.length, nearest: lists.before.reduce((a, b) => (b.left + b.width > a.left + a.width ? b : a)) });
    if (lists.after.length) out.push({ bandId: band.id, side: "after", count: lists.after.length, nearest: lists.after.reduce((a, b) => (b.left < a.left ? b : a)) });
  }
  return out;
}
