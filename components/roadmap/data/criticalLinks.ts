import type { Schedule } from "../../../lib/derive/types";
import type { Dependency } from "../../../lib/model/schemas";

/**
 * The links that make up the critical paths: each consecutive pair of a path's items is joined
 * by a dependency, which is what the timeline draws as the chain. Only paths without slack
 * count: the driving chain to a deadline that still has days to spare is not critical, and
 * drawing it orange between dimmed bars would say two things at once.
 */
export function criticalLinkIds(schedule: Schedule, dependencies: readonly Dependency[]): Set<string> {
  const pairs = new Set<string>();
  for (const path of schedule.criticalPaths) {
    if (path.slack > 0) continue;
    for (let i = 1; i < path.itemIds.length; i++) pairs.add(`${path.itemIds[i - 1]}>${path.itemIds[i]}`);
  }
  const out = new Set<string>();
  if (pairs.size === 0) return out;
  for (const dep of dependencies) if (pairs.has(`${dep.fromId}>${dep.toId}`)) out.add(dep.id);
  return out;
}
