import type { Dependency } from "../../../../lib/model/schemas";
import { BAR_HEIGHT, type BarBox } from "../geometry";

/** What dropping a link from one bar onto another would do. */
export type LinkVerdict = "ok" | "self" | "duplicate" | "cycle";

export const LINK_REFUSALS: Record<Exclude<LinkVerdict, "ok">, string> = {
  self: "An item cannot depend on itself",
  duplicate: "Already linked",
  cycle: "Would make a loop",
};

/** The bar under a point of the canvas (the topmost, i.e. last drawn, when bars overlap). */
export function barAt(bars: ReadonlyMap<string, BarBox>, x: number, y: number): string | null {
  let hit: string | null = null;
  for (const box of bars.values()) {
    if (x >= box.left && x <= box.left + Math.max(box.width, 6) && y >= box.top && y <= box.top + BAR_HEIGHT) hit = box.itemId;
  }
  return hit;
}

/** Successors by item id: built once when a link drag starts, read on every pointer move. */
export function successorsOf(dependencies: readonly Dependency[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const dep of dependencies) {
    const list = out.get(dep.fromId);
    if (list) list.push(dep.toId);
    else out.set(dep.fromId, [dep.toId]);
  }
  return out;
}

/**
 * Whether `fromId` → `toId` (to waits for from) may be added, by the same rules as the
 * addDependency command, so the target bar shows the refusal before the drop: no self-links,
 * no second link between the same two items in the same direction, no loops.
 */
export function linkVerdict(successors: ReadonlyMap<string, readonly string[]>, fromId: string, toId: string): LinkVerdict {
  if (fromId === toId) return "self";
  if (successors.get(fromId)?.includes(toId)) return "duplicate";
  // A loop closes when `fromId` can already be reached from `toId`.
  const seen = new Set<string>();
  const stack = [toId];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === fromId) return "cycle";
    if (seen.has(node)) continue;
    seen.add(node);
    for (const next of successors.get(node) ?? []) stack.push(next);
  }
  return "ok";
}
