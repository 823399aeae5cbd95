import type * as Y from "yjs";
import { z } from "zod";
import { collection, newRecordMap, recordMap, records } from "./docLayout";
import { milestoneIdSchema, newPhaseId, type PhaseId } from "./ids";
import { describeIssues } from "./issues";
import { orderAtEnd, planReorder } from "./orderKeys";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { transact } from "./transact";

export const phasePatchSchema = z
  .object({
    name: z.string().trim().min(1, "phase name is required").max(200),
    milestoneId: milestoneIdSchema.nullable(),
  })
  .partial()
  .strict();
export type PhasePatch = z.input<typeof phasePatchSchema>;

function sortedPhases(doc: Y.Doc): { id: string; order: number }[] {
  const out: { id: string; order: number }[] = [];
  for (const [id, map] of records(doc, "phases")) {
    const order = map.get("order");
    out.push({ id, order: typeof order === "number" && Number.isFinite(order) ? order : 0 });
  }
  return out.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** Appends a phase after the last one. */
export function addPhase(doc: Y.Doc, origin: CommandOrigin, input: { name: string }): Result<PhaseId> {
  const parsed = phasePatchSchema.safeParse({ milestoneId: null, ...input });
  if (!parsed.success || !parsed.data.name) return err(parsed.success ? "name: phase name is required" : describeIssues(parsed.error));
  const id = newPhaseId();
  const order = orderAtEnd(sortedPhases(doc).map((p) => p.order));
  transact(doc, origin, () => collection(doc, "phases").set(id, newRecordMap({ ...parsed.data, order })));
  return ok(id);
}

export function updatePhase(doc: Y.Doc, origin: CommandOrigin, id: PhaseId, patch: PhasePatch): Result<void> {
  const parsed = phasePatchSchema.safeParse(patch);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const map = recordMap(doc, "phases", id);
  if (!map) return err(`phase ${id} does not exist`);
  const milestoneId = parsed.data.milestoneId;
  // Only a milestone that exists here may be chosen; keeping the current (maybe orphaned) one is fine.
  if (milestoneId && milestoneId !== map.get("milestoneId") && !recordMap(doc, "milestones", milestoneId)) {
    return err(`milestone ${milestoneId} does not exist (it may have been deleted)`);
  }
  transact(doc, origin, () => {
    for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) map.set(key, value);
  });
  return ok(undefined);
}

/**
 * Moves a phase just before `beforeId`, or to the end when `beforeId` is null; before itself
 * is where it already is. Usually writes one order key (see planReorder).
 */
export function reorderPhase(doc: Y.Doc, origin: CommandOrigin, id: PhaseId, beforeId: PhaseId | null): Result<void> {
  const map = recordMap(doc, "phases", id);
  if (!map) return err(`phase ${id} does not exist`);
  if (beforeId === id) return ok(undefined);
  const others = sortedPhases(doc).filter((p) => p.id !== id);
  const index = beforeId === null ? others.length : others.findIndex((p) => p.id === beforeId);
  if (index < 0) return err(`phase ${beforeId} does not exist`);
  const writes = planReorder(others, id, index);
  transact(doc, origin, () => {
    for (const [phaseId, order] of writes) {
      const phase = recordMap(doc, "phases", phaseId);
      if (phase && phase.get("order") !== order) phase.set("order", order);
    }
  });
  return ok(undefined);
}

/** Removes a phase; its items become phase-less rather than disappearing. */
export function removePhase(doc: Y.Doc, origin: CommandOrigin, id: PhaseId): Result<void> {
  const phases = collection(doc, "phases");
  if (!phases.has(id)) return err(`phase ${id} does not exist`);
  transact(doc, origin, () => {
    for (const [, item] of records(doc, "items")) if (item.get("phaseId") === id) item.set("phaseId", null);
    phases.delete(id);
  });
  return ok(undefined);
}
