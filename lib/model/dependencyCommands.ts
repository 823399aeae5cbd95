import type * as Y from "yjs";
import { z } from "zod";
import { collection, newRecordMap, recordMap, records } from "./docLayout";
import { itemIdSchema, newDependencyId, type DependencyId, type ItemId } from "./ids";
import { describeIssues } from "./issues";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { transact } from "./transact";

export const newDependencySchema = z.object({
  fromId: itemIdSchema,
  toId: itemIdSchema,
  lag: z.number().int().min(-10_000).max(10_000).default(0),
});
export type NewDependency = z.input<typeof newDependencySchema>;

/** True when `toId` already reaches `fromId`, i.e. adding from→to would close a loop. */
export function wouldCycle(doc: Y.Doc, fromId: string, toId: string): boolean {
  const successors = new Map<string, string[]>();
  for (const [, dep] of records(doc, "dependencies")) {
    const f = dep.get("fromId");
    const t = dep.get("toId");
    if (typeof f !== "string" || typeof t !== "string") continue;
    const list = successors.get(f);
    if (list) list.push(t);
    else successors.set(f, [t]);
  }
  const seen = new Set<string>();
  const stack = [toId];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === fromId) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    stack.push(...(successors.get(node) ?? []));
  }
  return false;
}

/**
 * Adds a finish-to-start dependency. Refuses self-links, duplicates and cycles; concurrent adds
 * can still close a cycle, which the derive layer then reports.
 */
export function addDependency(doc: Y.Doc, origin: CommandOrigin, input: NewDependency): Result<DependencyId> {
  const parsed = newDependencySchema.safeParse(input);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const { fromId, toId, lag } = parsed.data;
  if (fromId === toId) return err("an item cannot depend on itself");
  if (!recordMap(doc, "items", fromId)) return err(`item ${fromId} does not exist`);
  if (!recordMap(doc, "items", toId)) return err(`item ${toId} does not exist`);
  for (const [, dep] of records(doc, "dependencies")) {
    if (dep.get("fromId") === fromId && dep.get("toId") === toId) return err("these items are already linked");
  }
  if (wouldCycle(doc, fromId, toId)) return err("this dependency would create a cycle");
  const id = newDependencyId();
  transact(doc, origin, () => collection(doc, "dependencies").set(id, newRecordMap({ fromId, toId, lag })));
  return ok(id);
}

export function setDependencyLag(doc: Y.Doc, origin: CommandOrigin, id: DependencyId, lag: number): Result<void> {
  if (!Number.isInteger(lag) || Math.abs(lag) > 10_000) return err("lag must be a whole number of working days");
  const map = recordMap(doc, "dependencies", id);
  if (!map) return err(`dependency ${id} does not exist`);
  transact(doc, origin, () => map.set("lag", lag));
  return ok(undefined);
}

export function removeDependency(doc: Y.Doc, origin: CommandOrigin, id: DependencyId): Result<void> {
  const deps = collection(doc, "dependencies");
  if (!deps.has(id)) return err(`dependency ${id} does not exist`);
  transact(doc, origin, () => deps.delete(id));
  return ok(undefined);
}

/**
 * Removes every dependency into or out of an item, as one step (the bar menu's "Remove
 * dependencies"), and returns how many went. The item itself may be gone (a concurrent
 * delete): its dangling links are removed all the same.
 */
export function removeItemDependencies(doc: Y.Doc, origin: CommandOrigin, itemId: ItemId): Result<number> {
  const doomed: string[] = [];
  for (const [depId, dep] of records(doc, "dependencies")) {
    if (dep.get("fromId") === itemId || dep.get("toId") === itemId) doomed.push(depId);
  }
  if (doomed.length === 0) return err("this item has no dependencies");
  const deps = collection(doc, "dependencies");
  transact(doc, origin, () => {
    for (const id of doomed) deps.delete(id);
  });
  return ok(doomed.length);
}
