import * as Y from "yjs";
import { boardMap, COLLECTIONS, DESCRIPTION_FIELD, records, collection, recordMap, type CollectionName, type RecordMap } from "./docLayout";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { transact } from "./transact";

/**
 * Restores a saved version into the live board as ONE forward change (docs/history.md): a
 * normal transaction that everyone receives like any edit and its author can undo, never a
 * rewrite of the document's history. Only what differs is written, field by field, so an edit
 * someone makes meanwhile to a field the version agrees with survives, and concurrent edits
 * converge like any others. `version` is the version's own document (built from its state),
 * so rich-text descriptions come back too.
 */
export function restoreBoard(live: Y.Doc, version: Y.Doc, origin: CommandOrigin): { changed: number } {
  return transact(live, origin, () => {
    let changed = copyFields(boardMap(version), boardMap(live));
    for (const name of COLLECTIONS) {
      const wanted = new Map(records(version, name));
      for (const [id] of records(live, name)) {
        if (!wanted.has(id)) {
          collection(live, name).delete(id);
          changed++;
        }
      }
      for (const [id, source] of wanted) changed += restoreRecord(live, name, id, source);
    }
    return { changed };
  });
}

/** Restores one item as the version had it (re-creating it under its id if it was deleted since). */
export function restoreItem(live: Y.Doc, version: Y.Doc, origin: CommandOrigin, itemId: string): Result<{ changed: number }> {
  const source = recordMap(version, "items", itemId);
  if (!source) return err("That item is not in this version.");
  return ok(transact(live, origin, () => ({ changed: restoreRecord(live, "items", itemId, source) })));
}

/** Makes the live record equal `source`; a missing one is created. Returns how many fields were written. */
function restoreRecord(live: Y.Doc, name: CollectionName, id: string, source: RecordMap): number {
  let target = recordMap(live, name, id);
  let changed = 0;
  if (!target) {
    target = new Y.Map<unknown>();
    collection(live, name).set(id, target);
    changed++;
  }
  changed += copyFields(source, target);
  if (name === "items") changed += copyDescription(source, target);
  return changed;
}

/** Copies plain fields from `source` to `target` where they differ and deletes fields `source` lacks. */
function copyFields(source: Y.Map<unknown>, target: Y.Map<unknown>): number {
  let changed = 0;
  for (const key of [...target.keys()]) {
    if (key !== DESCRIPTION_FIELD && !source.has(key)) {
      target.delete(key);
      changed++;
    }
  }
  source.forEach((value, key) => {
    if (key === DESCRIPTION_FIELD || value instanceof Y.AbstractType) return;
    if (!samePlain(value, target.get(key))) {
      target.set(key, value);
      changed++;
    }
  });
  return changed;
}

/** Replaces the description with the version's when their content differs. */
function copyDescription(source: Y.Map<unknown>, target: Y.Map<unknown>): number {
  const from = source.get(DESCRIPTION_FIELD);
  const to = target.get(DESCRIPTION_FIELD);
  if (!(from instanceof Y.XmlFragment)) return 0;
  if (to instanceof Y.XmlFragment && to.toString() === from.toString()) return 0;
  const fragment = to instanceof Y.XmlFragment ? to : new Y.XmlFragment();
  if (!(to instanceof Y.XmlFragment)) target.set(DESCRIPTION_FIELD, fragment);
  if (fragment.length) fragment.delete(0, fragment.length);
  // clone() gives unattached copies of the version's nodes: a node belongs to one document.
  const nodes = from.toArray().map((node) => (node as Y.XmlElement | Y.XmlText).clone());
  if (nodes.length) fragment.insert(0, nodes);
  return 1;
}

function samePlain(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
