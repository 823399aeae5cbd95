import type * as Y from "yjs";
import type { CommandOrigin } from "./origin";

/** Runs one command as one Yjs transaction: one undo step, one update on the wire. */
export function transact<T>(doc: Y.Doc, origin: CommandOrigin, fn: () => T): T {
  let out!: T;
  doc.transact(() => {
    out = fn();
  }, origin);
  return out;
}
