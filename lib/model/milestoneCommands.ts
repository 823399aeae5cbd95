import type * as Y from "yjs";
import { z } from "zod";
import { dateStringSchema } from "./dates";
import { collection, newRecordMap, recordMap, records } from "./docLayout";
import { newMilestoneId, type MilestoneId } from "./ids";
import { describeIssues } from "./issues";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { milestoneKindSchema } from "./schemas";
import { transact } from "./transact";

export const milestonePatchSchema = z
  .object({
    title: z.string().trim().min(1, "milestone title is required").max(200),
    date: dateStringSchema,
    kind: milestoneKindSchema,
  })
  .partial()
  .strict();
export type MilestonePatch = z.input<typeof milestonePatchSchema>;

const newMilestoneSchema = milestonePatchSchema.required();
export type NewMilestone = z.input<typeof newMilestoneSchema>;

export function addMilestone(doc: Y.Doc, origin: CommandOrigin, input: NewMilestone): Result<MilestoneId> {
  const parsed = newMilestoneSchema.safeParse(input);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const id = newMilestoneId();
  transact(doc, origin, () => collection(doc, "milestones").set(id, newRecordMap(parsed.data)));
  return ok(id);
}

export function updateMilestone(doc: Y.Doc, origin: CommandOrigin, id: MilestoneId, patch: MilestonePatch): Result<void> {
  const parsed = milestonePatchSchema.safeParse(patch);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const map = recordMap(doc, "milestones", id);
  if (!map) return err(`milestone ${id} does not exist`);
  transact(doc, origin, () => {
    for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) map.set(key, value);
  });
  return ok(undefined);
}

/** Deletes a milestone and unties the items and phases that pointed at it. */
export function deleteMilestone(doc: Y.Doc, origin: CommandOrigin, id: MilestoneId): Result<void> {
  const milestones = collection(doc, "milestones");
  if (!milestones.has(id)) return err(`milestone ${id} does not exist`);
  transact(doc, origin, () => {
    for (const [, item] of records(doc, "items")) {
      if (item.get("deadlineMilestoneId") === id) item.set("deadlineMilestoneId", null);
    }
    for (const [, phase] of records(doc, "phases")) {
      if (phase.get("milestoneId") === id) phase.set("milestoneId", null);
    }
    milestones.delete(id);
  });
  return ok(undefined);
}
