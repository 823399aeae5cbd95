import type * as Y from "yjs";
import { columnOf, compareCards, planCardMove, type CardKey } from "./cardOrder";
import { recordMap, records } from "./docLayout";
import { isIdShaped, phaseIdSchema, type ItemId, type PhaseId } from "./ids";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { transact } from "./transact";

/** Where a card goes: a phase's column (null: "No phase") and the card it lands above (null: last). */
export interface CardDestination {
  phaseId: PhaseId | null;
  beforeId: ItemId | null;
}

/** The cards of one column as this replica's document holds them, sorted, junk fields read as the snapshot reads them. */
export function columnCards(doc: Y.Doc, column: string | null, phases: ReadonlySet<string>, without: string): CardKey[] {
  const cards: CardKey[] = [];
  for (const [id, map] of records(doc, "items")) {
    // The snapshot drops records under junk keys, so the board never shows them: skip them too.
    if (id === without || !isIdShaped(id)) continue;
    const phaseId = map.get("phaseId");
    if (columnOf(typeof phaseId === "string" ? phaseId : null, phases) !== column) continue;
    cards.push(cardOf(id, map));
  }
  return cards.sort(compareCards);
}

/** A card's sort fields; unreadable ones as the snapshot repairs them (no position, no title). */
function cardOf(id: string, map: Y.Map<unknown>): CardKey {
  const order = map.get("order");
  const title = map.get("title");
  return { id, title: typeof title === "string" ? title : "", order: typeof order === "number" && Number.isFinite(order) ? order : undefined };
}

/**
 * Moves an item's card on the phase board: into a phase's column (setting the item's phase) at
 * a position, in one transaction (one undo step). Usually writes the phase and one order key;
 * see planCardMove for when neighbours get keys too. Concurrent moves converge like any Yjs
 * write, and every replica sorts the result the same way (compareCards).
 */
export function moveCard(doc: Y.Doc, origin: CommandOrigin, id: ItemId, to: CardDestination): Result<void> {
  const map = recordMap(doc, "items", id);
  if (!map) return err(`item ${id} does not exist (it may have been deleted)`);
  if (to.phaseId !== null && !phaseIdSchema.safeParse(to.phaseId).success) return err("invalid phase id");
  if (to.phaseId !== null && !recordMap(doc, "phases", to.phaseId)) return err(`phase ${to.phaseId} does not exist (it may have been deleted)`);
  const phases = new Set(records(doc, "phases").map(([phaseId]) => phaseId));
  const current = map.get("phaseId");
  const from = columnOf(typeof current === "string" ? current : null, phases);
  if (to.beforeId === id) return from === to.phaseId ? ok(undefined) : err("a card cannot land above itself in another column");
  const column = columnCards(doc, to.phaseId, phases, id);
  const index = to.beforeId === null ? column.length : column.findIndex((card) => card.id === to.beforeId);
  if (index < 0) return err(`the card it was dropped above (${to.beforeId}) has left that column meanwhile: drop it again`);
  // Dropped where it already is: nothing to write (a midpoint key would be a change nobody sees).
  const after = column.findIndex((card) => compareCards(cardOf(id, map), card) < 0);
  if (from === to.phaseId && index === (after < 0 ? column.length : after)) return ok(undefined);
  const writes = planCardMove(column, id, index);
  transact(doc, origin, () => {
    if (current !== to.phaseId) map.set("phaseId", to.phaseId);
    for (const [cardId, order] of writes) {
      const card = recordMap(doc, "items", cardId);
      if (card && card.get("order") !== order) card.set("order", order);
    }
  });
  return ok(undefined);
}
