import type { BarBox } from "../geometry";

export type BarDirection = "left" | "right" | "up" | "down";

const readingOrder = (a: BarBox, b: BarBox) => a.top - b.top || a.left - b.left || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);

/** Bars in the order people read the timeline: lane by lane, row by row, left to right. */
export function sortBarsForReading<T extends { box: BarBox }>(bars: readonly T[]): T[] {
  return [...bars].sort((a, b) => readingOrder(a.box, b.box));
}

/**
 * The bar the arrow keys go to from `fromId`. Left and right walk the reading order (along a
 * row, then on to the next row), so every bar can be reached with two keys; up and down go to
 * the nearest row above or below (across lanes) and pick the bar whose middle is closest
 * horizontally. Null at the ends, or when `fromId` is not drawn.
 */
export function neighbourBar(bars: ReadonlyMap<string, BarBox>, fromId: string, direction: BarDirection): string | null {
  const from = bars.get(fromId);
  if (!from) return null;
  if (direction === "left" || direction === "right") {
    let best: BarBox | null = null;
    for (const box of bars.values()) {
      if (box.itemId === fromId) continue;
      const after = readingOrder(box, from) > 0;
      if (after !== (direction === "right")) continue;
      if (!best || (direction === "right" ? readingOrder(box, best) < 0 : readingOrder(box, best) > 0)) best = box;
    }
    return best?.itemId ?? null;
  }
  // The nearest row in that direction, then the bar in it closest to the middle of this one.
  let rowTop: number | null = null;
  for (const box of bars.values()) {
    const beyond = direction === "down" ? box.top > from.top : box.top < from.top;
    if (beyond && (rowTop === null || (direction === "down" ? box.top < rowTop : box.top > rowTop))) rowTop = box.top;
  }
  if (rowTop === null) return null;
  const middle = from.left + from.width / 2;
  let best: BarBox | null = null;
  let bestDistance = Infinity;
  for (const box of bars.values()) {
    if (box.top !== rowTop) continue;
    const distance = Math.max(0, box.left - middle, middle - (box.left + box.width));
    if (distance < bestDistance || (distance === bestDistance && best && box.left < best.left)) {
      best = box;
      bestDistance = distance;
    }
  }
  return best?.itemId ?? null;
}
