import type { Conflict } from "../types";
import { dateOf, type ConflictContext } from "./context";
import { dateWords, workingDays } from "./text";

function lagWords(lag: number): string {
  if (lag === 0) return "";
  return lag > 0 ? ` (with a lag of ${workingDays(lag)})` : ` (with a lead of ${workingDays(-lag)})`;
}

/**
 * dependency-violated (error): a pinned successor starts before its predecessor's finish plus
 * lag. Unpinned successors are placed by the scheduler and cannot violate a link. Links in a
 * cycle are left to the dependency-cycle conflict. The fix moves the successor to the earliest
 * start that satisfies all of its links (not only this one), so applying it does not trade this
 * conflict for another on the same item.
 */
export function dependencyViolatedConflicts(ctx: ConflictContext): Conflict[] {
  const out: Conflict[] = [];
  const check = dependencyViolatedCheck(ctx);
  for (let d = 0; d < ctx.dependencies.length; d++) check(d, out);
  return out;
}

/** The rule for one link at a time (by its position in ctx.dependencies), pushing its conflict onto `out`. */
export function dependencyViolatedCheck(ctx: ConflictContext): (d: number, out: Conflict[]) => void {
  const { dependencies, depFrom, depTo, pinned, scheduled, start, finish } = ctx;
  return (d, out) => {
    const to = depTo[d]!;
    const from = depFrom[d]!;
    if (to < 0 || from < 0 || to === from || !pinned[to] || !scheduled[from]) return;
    const dep = dependencies[d]!;
    const allowed = ctx.startAfter(finish[from]!, dep.lag);
    if (start[to]! >= allowed || ctx.cycleDependencyIds.has(dep.id)) return;
    const target = dateOf(Math.max(allowed, ctx.requiredStart(to) ?? allowed));
    const [successor, predecessor] = [ctx.title(to), ctx.title(from)];
    out.push({
      id: `dependency-violated:${dep.id}`,
      kind: "dependency-violated",
      severity: "error",
      objectIds: [dep.toId, dep.fromId, dep.id],
      message:
        `${successor} is pinned to start ${dateWords(ctx.entry[to]!.start)}, but it waits on ${predecessor}, which finishes ` +
        `${dateWords(ctx.entry[from]!.finish)}${lagWords(dep.lag)}. Move ${successor} to start ${dateWords(target)} or later, ` +
        `or unpin it so it is scheduled after its dependencies.`,
      fix: { kind: "move-item", itemId: dep.toId, start: target },
    });
  };
}
