import type { ScheduledItem } from "../../../lib/derive/types";
import type { ItemSlip } from "../../../lib/history/baselineSlips";
import { compareCards } from "../../../lib/model/cardOrder";
import { ITEM_STATUSES, PRIORITIES, type Item, type ItemStatus, type Lane, type Phase } from "../../../lib/model/schemas";

/**
 * What the table shows of the board, as plain functions: which items pass the filters and in
 * which order. No React here, so the rules are tested on their own and run once per change.
 */

export const TABLE_COLUMNS = ["title", "lane", "phase", "start", "finish", "duration", "owners", "status", "priority", "baselineStart", "baselineFinish", "variance"] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export interface TableSort {
  column: TableColumn;
  direction: "asc" | "desc";
}

/** The default: the phase board's order (phase by phase, cards as placed), so both views agree. */
export const DEFAULT_SORT: TableSort = { column: "phase", direction: "asc" };

/** A filter on one field: anything, nothing set ("No lane"), or one value. */
export type Choice = { kind: "any" } | { kind: "none" } | { kind: "is"; value: string };
export const ANY: Choice = { kind: "any" };

export interface TableFilters {
  lane: Choice;
  phase: Choice;
  owner: Choice;
  status: ItemStatus | null;
  /** Matched, case-insensitively, against the title, the owners and the tags. */
  text: string;
  /** Only items that finish later than in the baseline (docs/history.md, "Baseline"). */
  slipped: boolean;
}

export const NO_FILTERS: TableFilters = { lane: ANY, phase: ANY, owner: ANY, status: null, text: "", slipped: false };

export const isFiltered = (f: TableFilters) =>
  f.lane.kind !== "any" || f.phase.kind !== "any" || f.owner.kind !== "any" || f.status !== null || f.text.trim() !== "" || f.slipped;

/** What sorting and filtering need to know beyond the item: the board's lanes, phases and schedule. */
export interface TableContext {
  lanes: readonly Lane[];
  phases: readonly Phase[];
  scheduled: ReadonlyMap<string, Pick<ScheduledItem, "start" | "finish">>;
  /** Each item against the board's baseline; absent when the board has none. */
  slips?: ReadonlyMap<string, Pick<ItemSlip, "baseline" | "variance">>;
}

function matches(choice: Choice, values: readonly string[]): boolean {
  if (choice.kind === "any") return true;
  if (choice.kind === "none") return values.length === 0;
  return values.includes(choice.value);
}

/** The items that pass every filter, in the order given. An item in a deleted lane or phase counts as having none. */
export function filterItems(items: readonly Item[], filters: TableFilters, context: Pick<TableContext, "lanes" | "phases" | "slips">): Item[] {
  const lanes = new Set<string>(context.lanes.map((l) => l.id));
  const phases = new Set<string>(context.phases.map((p) => p.id));
  const text = filters.text.trim().toLowerCase();
  return items.filter(
    (item) =>
      matches(filters.lane, item.laneId !== null && lanes.has(item.laneId) ? [item.laneId] : []) &&
      matches(filters.phase, item.phaseId !== null && phases.has(item.phaseId) ? [item.phaseId] : []) &&
      matches(filters.owner, item.owners) &&
      (filters.status === null || item.status === filters.status) &&
      // Without a baseline nothing has slipped: the filter then shows no row rather than all.
      (!filters.slipped || (context.slips?.get(item.id)?.variance ?? 0) > 0) &&
      (text === "" ||
        item.title.toLowerCase().includes(text) ||
        item.owners.some((o) => o.toLowerCase().includes(text)) ||
        item.tags.some((t) => t.toLowerCase().includes(text))),
  );
}

// Numeric, case-insensitive: "Work package 9" before "Work package 10", "ana" beside "Ana". The
// table is one person's view, so the viewer's locale is the right one here (unlike card order).
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

type Key = string | number | null;

/** Each column's sort key; null (no lane, no start, no owner) sorts last in both directions. */
function keyOf(column: TableColumn, item: Item, at: { lane: Map<string, number>; phase: Map<string, number> }, context: TableContext): Key {
  switch (column) {
    case "title":
      return item.title;
    case "lane":
      return item.laneId === null ? null : (at.lane.get(item.laneId) ?? null);
    case "phase":
      return item.phaseId === null ? null : (at.phase.get(item.phaseId) ?? null);
    case "start":
      return context.scheduled.get(item.id)?.start ?? null;
    case "finish":
      return context.scheduled.get(item.id)?.finish ?? null;
    case "duration":
      return item.duration;
    case "owners":
      return item.owners.length ? [...item.owners].sort(collator.compare)[0]! : null;
    case "status":
      return ITEM_STATUSES.indexOf(item.status);
    case "priority":
      return PRIORITIES.indexOf(item.priority);
    case "baselineStart":
      return context.slips?.get(item.id)?.baseline?.start ?? null;
    case "baselineFinish":
      return context.slips?.get(item.id)?.baseline?.finish ?? null;
    case "variance":
      return context.slips?.get(item.id)?.variance ?? null;
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Sorts by one column. Ties fall back to the phase board's card order within a phase, then to
 * the title and the id, so the order is total and rows do not swap places between renders.
 */
export function sortItems(items: readonly Item[], sort: TableSort, context: TableContext): Item[] {
  const at = {
    lane: new Map<string, number>(context.lanes.map((l, i) => [l.id, i])),
    phase: new Map<string, number>(context.phases.map((p, i) => [p.id, i])),
  };
  const sign = sort.direction === "asc" ? 1 : -1;
  const keyed = items.map((item) => ({ item, key: keyOf(sort.column, item, at, context) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else {
      const primary = compareKeys(a.key, b.key);
      if (primary !== 0) return sign * primary;
    }
    if (sort.column === "phase") return compareCards(a.item, b.item);
    return collator.compare(a.item.title, b.item.title) || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
  });
  return keyed.map((k) => k.item);
}

/** Every owner named on the board, once each, in name order: the owner filter's choices. */
export function ownerNames(items: readonly Item[]): string[] {
  const names = new Set<string>();
  for (const item of items) for (const owner of item.owners) names.add(owner);
  return [...names].sort(collator.compare);
}

/** The next sort when a column header is clicked: that column ascending, or the other way round if it already sorts. */
export function nextSort(current: TableSort, column: TableColumn): TableSort {
  return current.column === column ? { column, direction: current.direction === "asc" ? "desc" : "asc" } : { column, direction: "asc" };
}
