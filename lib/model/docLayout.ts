import * as Y from "yjs";

/**
 * The layout of a board's Y.Doc. Every collection is a top-level Y.Map keyed by record id whose
 * values are Y.Maps of fields, so two people editing different fields of one item both win, and
 * a delete removes the whole record at once.
 *
 *   board        Y.Map<field>                 title, goal, horizon, calendar, time scale
 *   lanes        Y.Map<LaneId, Y.Map>
 *   phases       Y.Map<PhaseId, Y.Map>
 *   items        Y.Map<ItemId, Y.Map>         + "description": Y.XmlFragment per item
 *   dependencies Y.Map<DependencyId, Y.Map>
 *   milestones   Y.Map<MilestoneId, Y.Map>
 *   comments     reserved, unused: comment threads live in the server's database, written by
 *                the server only (see lib/protocol/comments.ts)
 */
export const COLLECTIONS = ["lanes", "phases", "items", "dependencies", "milestones"] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const BOARD_MAP = "board";
/** Reserved name, kept out of roadmap use; comments themselves are stored by the server, not in the doc. */
export const COMMENTS_MAP = "comments";
/** Field of an item's Y.Map that holds its collaborative rich-text description. */
export const DESCRIPTION_FIELD = "description";

export type RecordMap = Y.Map<unknown>;

export function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_MAP);
}

export function collection(doc: Y.Doc, name: CollectionName): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>(name);
}

/** Reads a record's Y.Map, or undefined when it is missing or not a map (foreign junk). */
export function recordMap(doc: Y.Doc, name: CollectionName, id: string): RecordMap | undefined {
  const value: unknown = collection(doc, name).get(id);
  return value instanceof Y.Map ? (value as RecordMap) : undefined;
}

/**
 * The records of a collection as [id, Y.Map] pairs, skipping values that are not Y.Maps. Any peer
 * can write any value into a collection; commands that scan one must step over such junk (the
 * snapshot reports it) instead of throwing and locking every user out of the command.
 */
export function records(doc: Y.Doc, name: CollectionName): [string, RecordMap][] {
  const out: [string, RecordMap][] = [];
  collection(doc, name).forEach((value: unknown, id) => {
    if (value instanceof Y.Map) out.push([id, value as RecordMap]);
  });
  return out;
}

/** Builds a record's Y.Map from plain fields; only called inside a transaction. */
export function newRecordMap(fields: Record<string, unknown>): RecordMap {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) map.set(key, value);
  }
  return map;
}

/** The item's rich-text description fragment (created with the item). */
export function itemDescription(doc: Y.Doc, itemId: string): Y.XmlFragment | undefined {
  const value = recordMap(doc, "items", itemId)?.get(DESCRIPTION_FIELD);
  return value instanceof Y.XmlFragment ? value : undefined;
}
