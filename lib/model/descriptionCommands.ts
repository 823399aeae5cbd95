import * as Y from "yjs";
import { DESCRIPTION_FIELD, recordMap } from "./docLayout";
import type { ItemId } from "./ids";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { transact } from "./transact";

/**
 * Gives an item its rich-text description fragment when it has none (items written by other
 * clients or older versions may lack one; a foreign value in the field is replaced) and
 * returns the fragment the editor binds to. Writes nothing when the fragment exists.
 *
 * Called when someone starts editing, not when an item is merely shown: two people creating
 * the fragment at once would each write one, and only one survives the merge. Pass an origin
 * the undo history does not track: undoing the creation would throw away the text typed in it.
 */
export function ensureItemDescription(doc: Y.Doc, origin: CommandOrigin, id: ItemId): Result<Y.XmlFragment> {
  const map = recordMap(doc, "items", id);
  if (!map) return err(`item ${id} does not exist (it may have been deleted)`);
  const current = map.get(DESCRIPTION_FIELD);
  if (current instanceof Y.XmlFragment) return ok(current);
  const fragment = new Y.XmlFragment();
  transact(doc, origin, () => map.set(DESCRIPTION_FIELD, fragment));
  return ok(fragment);
}
