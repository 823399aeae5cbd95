import type { BoardId, UserId } from "../../lib/model/ids";
import { isActivityKind, isObjectKind, type FieldChange, type HistoryValue } from "../../lib/protocol/history";
import type { ActivityRecord, HistoryRecord } from "./activityStore";

/**
 * History rows as both SQL stores read and write them (same columns in SQLite and PostgreSQL):
 * the one mapping, so the two return identical records. `item_id` holds any object's id: the
 * column is older than the other objects' history.
 */
export interface HistoryRow {
  seq: number | string;
  board_id: string;
  user_id: string;
  object_kind: string;
  item_id: string;
  kind: string;
  title: string;
  at: string;
  fields: string | null;
}

export const HISTORY_COLUMNS = "seq, board_id, user_id, object_kind, item_id, kind, title, at, fields";

/**
 * A burst's earlier rows: each later row of a burst repeats it whole, so history keeps the last.
 * `a` is the outer row; the (board_id, burst) index answers it.
 */
export const LAST_OF_BURST = `(a.burst IS NULL OR NOT EXISTS (
  SELECT 1 FROM board_activity b WHERE b.board_id = a.board_id AND b.burst = a.burst AND b.seq > a.seq))`;

/** The columns appendActivity writes, in order, after board_id, user_id, item_id, kind, title, at. */
export function historyColumns(r: ActivityRecord): [string, string | null, string | null] {
  return [r.objectKind ?? "item", r.fields ? JSON.stringify(r.fields) : null, r.burst ?? null];
}

export function toHistory(r: HistoryRow): HistoryRecord {
  return {
    // PostgreSQL returns BIGINT as a string; row numbers stay far below 2^53.
    seq: Number(r.seq),
    boardId: r.board_id as BoardId,
    userId: r.user_id as UserId,
    // Only the recorder writes these; a value this build does not know reads as the oldest meaning.
    objectKind: isObjectKind(r.object_kind) ? r.object_kind : "item",
    objectId: r.item_id,
    kind: isActivityKind(r.kind) ? r.kind : "edited",
    title: r.title,
    at: r.at,
    fields: parseFields(r.fields),
  };
}

/** Stored fields, or none when the row has none (written before values were kept) or they do not parse. */
function parseFields(json: string | null): FieldChange[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((f: unknown) => {
      if (typeof f !== "object" || f === null || typeof (f as { field?: unknown }).field !== "string") return [];
      const { field, before, after } = f as { field: string; before?: HistoryValue; after?: HistoryValue };
      return [{ field, before: before ?? null, after: after ?? null }];
    });
  } catch {
    return [];
  }
}
