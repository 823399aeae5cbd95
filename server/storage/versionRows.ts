import type { BoardId, UserId } from "../../lib/model/ids";
import type { VersionReason, VersionRecord } from "./versionStore";

/** A board_versions row as both backends read it (the state itself is read apart). */
export interface VersionRow {
  id: string;
  board_id: string;
  name: string | null;
  note: string | null;
  reason: string;
  author_id: string | null;
  created_at: string;
  seq: number | string;
  bytes: number | string;
}

export function toVersionRecord(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    boardId: row.board_id as BoardId,
    name: row.name,
    note: row.note,
    reason: row.reason as VersionReason,
    authorId: row.author_id as UserId | null,
    createdAt: row.created_at,
    seq: Number(row.seq),
    bytes: Number(row.bytes),
  };
}
