import type * as Y from "yjs";
import { recordMap } from "../../../lib/model/docLayout";

/** An item's title as the document holds it, read before it is deleted (for the notice after). */
export function titleOf(doc: Y.Doc, itemId: string): string {
  const title = recordMap(doc, "items", itemId)?.get("title");
  return typeof title === "string" && title.trim() ? title.trim() : "Untitled item";
}

/** What the notice says once an item is gone; its Undo button brings it back. */
export const deletedMessage = (title: string): string => `Deleted “${title}” for everyone.`;
