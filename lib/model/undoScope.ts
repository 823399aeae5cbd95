import * as Y from "yjs";
import { boardMap, collection, COLLECTIONS } from "./docLayout";
import type { CommandOrigin } from "./origin";

/**
 * The undo history of one person on one board. It covers the board settings and every roadmap
 * collection (nested values included: undoing an item's deletion brings back its description),
 * and it tracks exactly one origin, the session's own, so undo never reverts what a colleague
 * did, even when their edit touched the same item after ours (Yjs then undoes only our part).
 *
 * `captureTimeout: 0` because every gesture is already one named command, one transaction:
 * two quick commands (a drop, then a status change) must stay two steps, not be merged the way
 * keystrokes are. Rich-text descriptions are edited with origin `ySyncPluginKey`, which is not
 * tracked here: they have their own text undo in the editor (see components/editor).
 */
export function createUndoManager(doc: Y.Doc, origin: CommandOrigin): Y.UndoManager {
  const scope = [boardMap(doc), ...COLLECTIONS.map((name) => collection(doc, name))];
  return new Y.UndoManager(scope, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
}
