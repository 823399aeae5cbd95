import type * as Y from "yjs";
import type { SuggestedFix } from "../derive/types";
import { removeDependency } from "./dependencyCommands";
import { moveItem, updateItem } from "./itemCommands";
import type { CommandOrigin } from "./origin";
import { updatePhase } from "./phaseCommands";
import { exhaustiveSwitch, type Result } from "./result";

/**
 * Applies a conflict's suggested fix through the named command it stands for, so it is
 * validated, written as one transaction tagged with `origin` (one undo step) and refused with a
 * message when the board changed under it (the item was deleted meanwhile, say). Each fix maps
 * to exactly one command, which is already one transaction; wrapping it in another would emit
 * an empty transaction when the command refuses.
 */
export function applyFix(doc: Y.Doc, origin: CommandOrigin, fix: SuggestedFix): Result<void> {
  switch (fix.kind) {
    case "move-item":
      return moveItem(doc, origin, fix.itemId, { start: fix.start });
    case "set-duration":
      return updateItem(doc, origin, fix.itemId, { duration: fix.duration });
    case "remove-dependency":
      return removeDependency(doc, origin, fix.dependencyId);
    case "set-item-lane":
      return updateItem(doc, origin, fix.itemId, { laneId: fix.laneId });
    case "set-item-phase":
      return updateItem(doc, origin, fix.itemId, { phaseId: fix.phaseId });
    case "clear-item-deadline":
      return updateItem(doc, origin, fix.itemId, { deadlineMilestoneId: null });
    case "clear-phase-milestone":
      return updatePhase(doc, origin, fix.phaseId, { milestoneId: null });
    default:
      return exhaustiveSwitch(fix);
  }
}
