import type * as Y from "yjs";
import { columnCards } from "./cardCommands";
import { planCardMove, type CardKey } from "./cardOrder";
import { recordMap, records } from "./docLayout";
import { isIdShaped, type ItemId, type PhaseId } from "./ids";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { transact } from "./transact";

/** What the facilitator does with a revealed vote's top items (docs/workshops.md). */
export type VoteOutcome = { kind: "phase"; phaseId: PhaseId } | { kind: "must-have" };

/** At most this many items in one outcome: a vote's top K, never a whole board by accident. */
export const MAX_OUTCOME_ITEMS = 100;

/**
 * Applies a vote's outcome to its top items as ONE transaction with the caller's origin, so the
 * facilitator's undo takes the whole outcome back in one step. "phase" moves each item into the
 * phase, appended to the end of its column in the order given (the ranking), leaving items
 * already there where they are; "must-have" sets their priority. Items deleted meanwhile are
 * skipped and counted; nothing to change writes nothing.
 */
export function applyVoteOutcome(doc: Y.Doc, origin: CommandOrigin, itemIds: readonly ItemId[], outcome: VoteOutcome): Result<{ changed: number; missing: number }> {
  if (itemIds.length > MAX_OUTCOME_ITEMS) return err(`at most ${MAX_OUTCOME_ITEMS} items at once`);
  if (outcome.kind === "phase" && !recordMap(doc, "phases", outcome.phaseId)) return err(`phase ${outcome.phaseId} does not exist (it may have been deleted)`);
  const unique = [...new Set(itemIds)];
  const present = unique.filter((id) => isIdShaped(id) && recordMap(doc, "items", id));
  const missing = unique.length - present.length;
  const changing =
    outcome.kind === "phase" ? present.filter((id) => recordMap(doc, "items", id)!.get("phaseId") !== outcome.phaseId) : present.filter((id) => recordMap(doc, "items", id)!.get("priority") !== "must");
  if (changing.length === 0) return ok({ changed: 0, missing });
  transact(doc, origin, () => {
    if (outcome.kind === "must-have") {
      for (const id of changing) recordMap(doc, "items", id)!.set("priority", "must");
      return;
    }
    const phases = new Set(records(doc, "phases").map(([phaseId]) => phaseId));
    // The target column as it is, then each moved card appended below the last one.
    let column: CardKey[] = columnCards(doc, outcome.phaseId, phases, "").filter((card) => !changing.includes(card.id as ItemId));
    for (const id of changing) {
      const map = recordMap(doc, "items", id)!;
      const writes = planCardMove(column, id, column.length);
      map.set("phaseId", outcome.phaseId);
      for (const [cardId, order] of writes) {
        const card = recordMap(doc, "items", cardId);
        if (card && card.get("order") !== order) card.set("order", order);
      }
      column = column.map((card) => (writes.has(card.id) ? { ...card, order: writes.get(card.id) } : card));
      const title = map.get("title");
      column.push({ id, title: typeof title === "string" ? title : "", order: writes.get(id) });
    }
  });
  return ok({ changed: changing.length, missing });
}
