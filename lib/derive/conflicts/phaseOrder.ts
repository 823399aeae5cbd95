import type { Conflict } from "../types";
import type { ConflictContext } from "./context";
import { quote } from "./text";

/**
 * phase-order-violated (warning): an item of an earlier phase waits on an item of a later one
 * ("MVP item X waits on Beta item Y"), judged by the phase order as drawn (order key, then id).
 * Only direct links count; a chain through a later phase shows up on its own links. The fix
 * pulls the predecessor into the successor's phase, since the successor's phase is the one that
 * needs it; the message also offers the other way round.
 */
export function phaseOrderConflicts(ctx: ConflictContext): Conflict[] {
  const out: Conflict[] = [];
  const check = phaseOrderCheck(ctx);
  if (check) for (let d = 0; d < ctx.dependencies.length; d++) check(d, out);
  return out;
}

/** The rule for one link at a time (by its position in ctx.dependencies); null with fewer than two phases. */
export function phaseOrderCheck(ctx: ConflictContext): ((d: number, out: Conflict[]) => void) | null {
  if (ctx.phaseRank.size < 2) return null;
  const { dependencies, depFrom, depTo, items, facts } = ctx;
  // Each phase's position as drawn, by its position in facts.phases (-1: not ranked).
  const rank = Int32Array.from(facts.phases, (p) => ctx.phaseRank.get(p.id) ?? -1);
  return (d, out) => {
    const from = depFrom[d]!;
    const to = depTo[d]!;
    if (from < 0 || to < 0 || from === to) return;
    const laterPhase = facts.phase[from]!;
    const earlierPhase = facts.phase[to]!;
    if (laterPhase < 0 || earlierPhase < 0 || laterPhase === earlierPhase) return;
    const early = rank[earlierPhase]!;
    const late = rank[laterPhase]!;
    if (early < 0 || late < 0 || early >= late) return;
    const successor = items[to]!;
    const predecessor = items[from]!;
    if (successor.phaseId === null || predecessor.phaseId === null) return;
    const earlyName = quote(ctx.phases.get(successor.phaseId)?.name ?? "", "unnamed");
    const lateName = quote(ctx.phases.get(predecessor.phaseId)?.name ?? "", "unnamed");
    const [after, before] = [ctx.title(to), ctx.title(from)];
    const dep = dependencies[d]!;
    out.push({
      id: `phase-order-violated:${dep.id}`,
      kind: "phase-order-violated",
      severity: "warning",
      objectIds: [successor.id, predecessor.id, dep.id, successor.phaseId, predecessor.phaseId],
      message:
        `${after} in phase ${earlyName} waits on ${before} in the later phase ${lateName}. ` +
        `Pull ${before} into ${earlyName}, or move ${after} to ${lateName} or later.`,
      fix: { kind: "set-item-phase", itemId: predecessor.id, phaseId: successor.phaseId },
    });
  };
}
