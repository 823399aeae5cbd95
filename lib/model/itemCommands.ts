import type * as Y from "yjs";
import * as YTypes from "yjs";
import { z } from "zod";
import { collection, DESCRIPTION_FIELD, newRecordMap, recordMap, records } from "./docLayout";
import { ITEM_DEFAULTS } from "./defaults";
import { newItemId, type ItemId } from "./ids";
import { describeIssues } from "./issues";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { itemSchema, type Item } from "./schemas";
import { transact } from "./transact";

const itemFields = itemSchema.omit({ id: true });

/**
 * What a user may set on an item; commands insist on a positive duration. The card position is
 * left out: only moveCard writes it, together with the neighbours it has to renumber.
 */
export const itemPatchSchema = itemFields
  .omit({ order: true })
  .extend({ duration: z.number().int().min(1, "duration must be at least 1 working day").max(10_000) })
  .partial()
  .strict();
export type ItemPatch = z.input<typeof itemPatchSchema>;

export const newItemSchema = itemPatchSchema.extend({ title: z.string().trim().min(1, "title is required").max(500) });
export type NewItem = z.input<typeof newItemSchema>;

const REFERENCES = [
  ["laneId", "lanes", "lane"],
  ["phaseId", "phases", "phase"],
  ["deadlineMilestoneId", "milestones", "milestone"],
] as const;

/**
 * A user may only point an item at a lane, phase or milestone that exists on their replica
 * (a concurrent delete can still orphan it; the snapshot flags that). A value equal to the
 * current one passes, so an item someone else orphaned stays editable.
 */
function missingReference(doc: Y.Doc, fields: Partial<Item>, current?: YTypes.Map<unknown>): string | undefined {
  for (const [field, target, label] of REFERENCES) {
    const id = fields[field];
    if (id === undefined || id === null || current?.get(field) === id) continue;
    if (!recordMap(doc, target, id)) return `${field}: ${label} ${id} does not exist (it may have been deleted)`;
  }
  return undefined;
}

/** Creates an item (with an empty rich-text description) and returns its id. */
export function createItem(doc: Y.Doc, origin: CommandOrigin, input: NewItem): Result<ItemId> {
  const parsed = newItemSchema.safeParse(input);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const missing = missingReference(doc, parsed.data);
  if (missing) return err(missing);
  const id = newItemId();
  transact(doc, origin, () => {
    const map = newRecordMap({ ...ITEM_DEFAULTS, ...parsed.data });
    map.set(DESCRIPTION_FIELD, new YTypes.XmlFragment());
    collection(doc, "items").set(id, map);
  });
  return ok(id);
}

/** Changes some fields of an item; fields not named are left to concurrent editors. */
export function updateItem(doc: Y.Doc, origin: CommandOrigin, id: ItemId, patch: ItemPatch): Result<void> {
  const parsed = itemPatchSchema.safeParse(patch);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const map = recordMap(doc, "items", id);
  if (!map) return err(`item ${id} does not exist (it may have been deleted)`);
  const missing = missingReference(doc, parsed.data, map);
  if (missing) return err(missing);
  transact(doc, origin, () => {
    for (const [key, value] of Object.entries(parsed.data) as [keyof Item, unknown][]) {
      if (value !== undefined && map.get(key) !== value) map.set(key, value);
    }
  });
  return ok(undefined);
}

/** Moves an item in time and, optionally, to another lane: one gesture, one undo step. */
export function moveItem(
  doc: Y.Doc,
  origin: CommandOrigin,
  id: ItemId,
  to: Pick<ItemPatch, "start" | "laneId">,
): Result<void> {
  return updateItem(doc, origin, id, { start: to.start, ...(to.laneId !== undefined ? { laneId: to.laneId } : {}) });
}

/** Deletes an item together with every dependency that touches it. */
export function deleteItem(doc: Y.Doc, origin: CommandOrigin, id: ItemId): Result<void> {
  const items = collection(doc, "items");
  if (!items.has(id)) return err(`item ${id} does not exist (it may have been deleted)`);
  transact(doc, origin, () => {
    items.delete(id);
    const deps = collection(doc, "dependencies");
    for (const [depId, dep] of records(doc, "dependencies")) {
      if (dep.get("fromId") === id || dep.get("toId") === id) deps.delete(depId);
    }
  });
  return ok(undefined);
}

const COPY_SUFFIX = " (copy)";

/** Copies an item's fields (not its description or dependencies) to a new item. */
export function duplicateItem(doc: Y.Doc, origin: CommandOrigin, id: ItemId): Result<ItemId> {
  const map = recordMap(doc, "items", id);
  if (!map) return err(`item ${id} does not exist (it may have been deleted)`);
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(itemFields.shape)) fields[key] = map.get(key);
  const parsed = itemFields.omit({ order: true }).safeParse(fields);
  if (!parsed.success) return err(`item ${id} cannot be copied: ${describeIssues(parsed.error)}`);
  // Shortened so a title at the length limit still leaves room for the suffix.
  const title = `${(parsed.data.title || "Untitled").slice(0, 500 - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
  return createItem(doc, origin, { ...parsed.data, title });
}
