import { columnOf, compareCards } from "../model/cardOrder";
import type { Item, Phase } from "../model/schemas";
import type { BoardSnapshot } from "../model/snapshot";

/** One column of the phase board: a phase (null: the "No phase" column) and its cards in order. */
export interface PhaseColumn {
  phase: Phase | null;
  items: Item[];
}

/**
 * The phase board of a snapshot: one column per phase in phase order, then "No phase" (items
 * without a phase or whose phase was deleted), each sorted by compareCards, exactly as moveCard
 * counts positions.
 */
export function phaseColumns(snapshot: Pick<BoardSnapshot, "phases" | "items">): PhaseColumn[] {
  const phaseIds = new Set<string>(snapshot.phases.map((p) => p.id));
  const byColumn = new Map<string | null, Item[]>(snapshot.phases.map((p) => [p.id, []]));
  byColumn.set(null, []);
  for (const item of snapshot.items) byColumn.get(columnOf(item.phaseId, phaseIds))!.push(item);
  const columns: PhaseColumn[] = snapshot.phases.map((phase) => ({ phase, items: byColumn.get(phase.id)!.sort(compareCards) }));
  columns.push({ phase: null, items: byColumn.get(null)!.sort(compareCards) });
  return columns;
}
