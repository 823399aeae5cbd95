import type { DependencyId, ItemId, PhaseId } from "../../model/ids";
import type { SnapshotProblem } from "../../model/snapshot";
import type { Conflict, SuggestedFix } from "../types";
import type { ConflictContext } from "./context";
import { quote, recordName } from "./text";

const WHAT: Record<string, string> = {
  laneId: "a lane",
  phaseId: "a phase",
  deadlineMilestoneId: "a deadline milestone",
  milestoneId: "a release milestone",
  fromId: "a predecessor",
  toId: "a successor",
};

/** Reference fields a peer can write junk into; the snapshot then reads them as null. */
const REFERENCE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  items: ["laneId", "phaseId", "deadlineMilestoneId"],
  phases: ["milestoneId"],
};

/**
 * missing-reference (warning): a record points at one that no longer exists, usually because
 * someone deleted it while someone else linked to it. Read from the snapshot's problems (which
 * readSnapshot sorts) and keyed by record and field, so each dangling pointer has its own id.
 * Two neighbours are reported here too, since to the user they are the same thing, a link that
 * leads nowhere: a reference field holding junk (read as "none"), and a dependency whose ends
 * cannot be read (dropped by the snapshot).
 *
 * Fixes drop the dangling pointer: an item without a lane is drawn in the "no lane" row, and
 * without a phase or deadline it simply has none; nothing is guessed on the user's behalf.
 */
export function missingReferenceConflicts(ctx: ConflictContext): Conflict[] {
  const out: Conflict[] = [];
  for (const p of ctx.snapshot.problems) {
    if (p.kind === "missing-reference") out.push(dangling(ctx, p.collection, p.id, p.field, p.targetId, "no longer exists (it may have been deleted)"));
    else if (p.kind === "invalid-field" && REFERENCE_FIELDS[p.collection]?.includes(p.field)) {
      out.push(dangling(ctx, p.collection, p.id, p.field, null, "cannot be read"));
    } else if (p.kind === "unreadable-record" && p.collection === "dependencies") out.push(unreadableLink(p.id, p.message));
  }
  return out;
}

function dangling(ctx: ConflictContext, collection: SnapshotProblem["collection"], id: string, field: string, targetId: string | null, why: string): Conflict {
  const base = { id: `missing-reference:${collection}:${id}:${field}`, kind: "missing-reference" as const, severity: "warning" as const };
  const what = WHAT[field] ?? "a record";
  const target = targetId === null ? [] : [targetId];
  if (collection === "items") {
    const itemId = id as ItemId;
    const fix: SuggestedFix | null =
      field === "laneId"
        ? { kind: "set-item-lane", itemId, laneId: null }
        : field === "phaseId"
          ? { kind: "set-item-phase", itemId, phaseId: null }
          : field === "deadlineMilestoneId"
            ? { kind: "clear-item-deadline", itemId }
            : null;
    const todo =
      field === "laneId" ? "Move it to another lane." : field === "phaseId" ? "Put it in another phase." : "Tie it to another milestone or clear its deadline.";
    return { ...base, objectIds: [id, ...target], message: `${ctx.titleOf(id)} refers to ${what} that ${why}. ${todo}`, fix };
  }
  if (collection === "phases") {
    return {
      ...base,
      objectIds: [id, ...target],
      message: `Phase ${quote(ctx.phases.get(id)?.name ?? "", "unnamed")} ends in ${what} that ${why}. Choose another milestone or clear it.`,
      fix: field === "milestoneId" ? { kind: "clear-phase-milestone", phaseId: id as PhaseId } : null,
    };
  }
  if (collection === "dependencies") {
    const dep = ctx.dependency(id);
    const otherEnd = dep ? (field === "fromId" ? dep.toId : dep.fromId) : undefined;
    const survivor = otherEnd !== undefined && ctx.indexOf(otherEnd) >= 0 ? otherEnd : undefined;
    return {
      ...base,
      objectIds: [...(survivor ? [survivor] : []), id, ...target],
      message: `${survivor ? `A dependency of ${ctx.titleOf(survivor)}` : "A dependency"} links to ${what} that ${why}, so scheduling ignores it. Remove the link.`,
      fix: { kind: "remove-dependency", dependencyId: id as DependencyId },
    };
  }
  return { ...base, objectIds: [id, ...target], message: `A ${recordName(collection)} refers to ${what} that ${why}.`, fix: null };
}

function unreadableLink(id: string, detail: string): Conflict {
  return {
    id: `missing-reference:dependencies:${id}`,
    kind: "missing-reference",
    severity: "warning",
    objectIds: [id],
    message: `A dependency cannot be read (${detail}), so scheduling ignores it. Remove it and link the items again.`,
    fix: { kind: "remove-dependency", dependencyId: id as DependencyId },
  };
}
