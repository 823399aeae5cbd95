import type * as Y from "yjs";
import { planChainMove, type ChainPlan } from "../derive/chainPlan";
import { computeSchedule } from "../derive/schedule";
import { dateStringSchema, type DateString } from "./dates";
import { recordMap } from "./docLayout";
import type { ItemId } from "./ids";
import { describeIssues } from "./issues";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { readSnapshot } from "./snapshot";
import { transact } from "./transact";

/**
 * "Move X and everything after it" (docs/scheduling.md): pins X to `start` and re-pins every
 * pinned successor that would otherwise start before its links allow, in one transaction (one
 * undo step). The plan is made again from the document as it is now, not taken from the
 * caller, so a colleague's edit between the preview and the click cannot leave a conflict the
 * preview did not show. Returns what moved.
 */
export function moveItemAndSuccessors(doc: Y.Doc, origin: CommandOrigin, itemId: ItemId, start: DateString): Result<ChainPlan> {
  const date = dateStringSchema.safeParse(start);
  if (!date.success) return err(`start: ${describeIssues(date.error)}`);
  if (!recordMap(doc, "items", itemId)) return err(`item ${itemId} does not exist (it may have been deleted)`);
  const snapshot = readSnapshot(doc);
  const plan = planChainMove(snapshot, computeSchedule(snapshot), itemId, date.data);
  if (!plan) return err(`item ${itemId} cannot be read (it may hold values from another version)`);
  transact(doc, origin, () => {
    for (const move of plan.moves) {
      const map = recordMap(doc, "items", move.itemId);
      if (move.write !== null && map && map.get("start") !== move.write) map.set("start", move.write);
    }
  });
  return ok(plan);
}
