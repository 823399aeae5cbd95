/** The index lives with the derivation (the exports draw the same badges): lib/derive/conflictIndex.ts. */
export { indexConflicts, type ConflictBadge, type ConflictIndex } from "../../../lib/derive/conflictIndex";
