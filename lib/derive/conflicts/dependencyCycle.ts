import type { DependencyId } from "../../model/ids";
import type { Conflict } from "../types";
import type { ConflictContext } from "./context";
import { compareStrings, shortHash } from "./text";

/** Ids of more links than this are hashed, so a long cycle does not give a paragraph-long id. */
const IDS_IN_FULL = 4;

/**
 * dependency-cycle (error): one conflict per cycle the scheduler found. The id is built from
 * the cycle's links, sorted, so it does not depend on where the scheduler entered the cycle.
 * The fix removes the link with the smallest id: any link breaks the cycle, and picking by id
 * means every replica suggests the same one.
 */
export function dependencyCycleConflicts(ctx: ConflictContext): Conflict[] {
  const out: Conflict[] = [];
  const seen = new Set<string>();
  for (const cycle of ctx.schedule.cycles) {
    const depIds: DependencyId[] = [...new Set(cycle.dependencyIds)].sort(compareStrings);
    const itemIds = [...new Set<string>(cycle.itemIds)].sort(compareStrings);
    const key = depIds.length <= IDS_IN_FULL ? depIds.join("+") : `${depIds.slice(0, IDS_IN_FULL).join("+")}+${shortHash(depIds.join(","))}`;
    const id = `dependency-cycle:${key || shortHash(itemIds.join(","))}`;
    if (seen.has(id)) continue;
    seen.add(id);

    const cutId = depIds.find((d) => ctx.dependency(d)) ?? depIds[0];
    const cut = cutId === undefined ? undefined : ctx.dependency(cutId);
    const order = cycleOrder(ctx, depIds, cycle.itemIds, cut?.toId);
    const path = [...order, ...order.slice(0, 1)].map((itemId) => ctx.titleOf(itemId)).join(" → ");
    const advice = cut
      ? `Remove one of these links, for example ${ctx.titleOf(cut.fromId)} → ${ctx.titleOf(cut.toId)}.`
      : "Remove one of these links.";
    out.push({
      id,
      kind: "dependency-cycle",
      severity: "error",
      objectIds: [...itemIds, ...depIds],
      message: `These items wait on each other in a loop: ${path}. Scheduling ignored these links. ${advice}`,
      fix: cutId === undefined ? null : { kind: "remove-dependency", dependencyId: cutId },
    });
  }
  return out;
}

/**
 * The cycle's items in the direction work flows (each waits on the one before), starting with
 * the item the suggested cut frees. Walks the cycle's own links rather than trusting the order
 * the scheduler listed them in; falls back to that order if the links do not form one loop
 * (a tangle of several loops through the same items).
 */
function cycleOrder(ctx: ConflictContext, depIds: readonly string[], listed: readonly string[], first: string | undefined): string[] {
  const next = new Map<string, string>();
  for (const depId of depIds) {
    const dep = ctx.dependency(depId);
    if (dep && !next.has(dep.fromId)) next.set(dep.fromId, dep.toId);
  }
  const unique = new Set(listed);
  const start = first ?? [...unique].sort(compareStrings)[0];
  if (start === undefined) return [];
  const walk: string[] = [];
  const visited = new Set<string>();
  for (let at: string | undefined = start; at !== undefined && !visited.has(at); at = next.get(at)) {
    visited.add(at);
    walk.push(at);
  }
  if (walk.length === unique.size && walk.every((i) => unique.has(i)) && next.get(walk[walk.length - 1]!) === start) return walk;
  const at = Math.max(0, listed.indexOf(start));
  return [...listed.slice(at), ...listed.slice(0, at)];
}
