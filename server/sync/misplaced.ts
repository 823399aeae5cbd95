import * as Y from "yjs";
import { place, rootSlot, type Slot } from "../../lib/model/docRules";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- doc.share holds types of every event kind
type AnyType = Y.AbstractType<any>;

/** Origin of the server's own removal of misplaced content (stored and relayed like an edit). */
export const REPAIR_ORIGIN = Symbol("repair");

/**
 * The live items of a document that sit where the board's layout does not allow them, topmost
 * only (what is inside them goes with them). Walks the whole document with an explicit stack;
 * run only when a stored update was refused on load (docs/document-rules.md).
 */
export function findMisplaced(doc: Y.Doc): Y.Item[] {
  const out: Y.Item[] = [];
  const stack: [AnyType, Slot][] = [];
  for (const [name, type] of doc.share) {
    const slot = rootSlot(name);
    if (slot) stack.push([type, slot]);
    else for (const item of itemsOf(type)) out.push(item);
  }
  while (stack.length > 0) {
    const [type, slot] = stack.pop()!;
    for (const item of itemsOf(type)) {
      const placed = place(slot, item.parentSub, item.content);
      if (!placed.ok) out.push(item);
      else if (placed.child && item.content instanceof Y.ContentType) stack.push([item.content.type, placed.child]);
    }
  }
  return out;
}

/** The live items directly in a type: its map entries and its list. */
function itemsOf(type: AnyType): Y.Item[] {
  const out: Y.Item[] = [];
  for (const item of type._map.values()) if (!item.deleted) out.push(item);
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) out.push(item);
  return out;
}

/** Levels deleted per transaction: Yjs's garbage collection recurses once per level it frees. */
const LEVELS_PER_TRANSACTION = 100;

/**
 * Deletes the given items and everything inside them, deepest levels first and a band of levels
 * per transaction. Deleting a type deletes and collects its content recursively in Yjs, one
 * chain of stack frames per level: content nested thousands deep overflows the stack when
 * removed whole, which is how it broke boards before the layout check.
 */
export function removeMisplaced(doc: Y.Doc, items: readonly Y.Item[]): void {
  const byDepth: Y.Item[][] = [];
  const stack: [Y.Item, number][] = items.map((item) => [item, 0]);
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    (byDepth[depth] ??= []).push(item);
    if (item.content instanceof Y.ContentType) for (const child of itemsOf(item.content.type)) stack.push([child, depth + 1]);
  }
  for (let top = byDepth.length - 1; top >= 0; top -= LEVELS_PER_TRANSACTION) {
    doc.transact((transaction) => {
      for (let depth = top; depth > top - LEVELS_PER_TRANSACTION && depth >= 0; depth--) {
        for (const item of byDepth[depth] ?? []) if (!item.deleted) item.delete(transaction);
      }
    }, REPAIR_ORIGIN);
  }
}
