import type Database from "better-sqlite3";
import type { ActivityRecord, ActivityStore } from "../activityStore";
import { HISTORY_COLUMNS, historyColumns, LAST_OF_BURST, toHistory, type HistoryRow } from "../historyRows";
import { toActivity, type ActivityRow } from "../rows";

/** Board history and last visits in the same SQLite file as the boards. */
export function sqliteActivityStore(db: Database.Database): ActivityStore {
  const q = {
    // Rows for a board deleted meanwhile are skipped rather than failing the batch: activity is
    // written a moment after the edit, and a deletion can land in between.
    insertActivity: db.prepare(
      `INSERT INTO board_activity (board_id, user_id, item_id, kind, title, at, object_kind, fields, burst)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM boards WHERE id = ?)`,
    ),
    // Items only: the summary's lines are items, and other objects' rows came later.
    activitySince: db.prepare<[string, string, string, number], ActivityRow>(
      `SELECT board_id, user_id, item_id, kind, title, at FROM board_activity
       WHERE board_id = ? AND at > ? AND user_id <> ? AND object_kind = 'item' ORDER BY at, seq LIMIT ?`,
    ),
    objectHistory: db.prepare<[string, string, number, number], HistoryRow>(
      `SELECT ${HISTORY_COLUMNS} FROM board_activity a
       WHERE board_id = ? AND item_id = ? AND seq < ? AND ${LAST_OF_BURST}
       ORDER BY seq DESC LIMIT ?`,
    ),
    boardHistory: db.prepare<[string, string, string, number], HistoryRow>(
      `SELECT ${HISTORY_COLUMNS} FROM board_activity a
       WHERE board_id = ? AND at >= ? AND at < ? AND ${LAST_OF_BURST}
       ORDER BY at, seq LIMIT ?`,
    ),
    lastVisit: db.prepare<[string, string], { last_seen_at: string }>(
      "SELECT last_seen_at FROM board_visits WHERE board_id = ? AND user_id = ?",
    ),
    // A visit only moves forward, so two closes written out of order keep the later one.
    upsertVisit: db.prepare(
      `INSERT INTO board_visits (board_id, user_id, last_seen_at)
       SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM boards WHERE id = ?) AND EXISTS (SELECT 1 FROM users WHERE id = ?)
       ON CONFLICT(board_id, user_id) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)`,
    ),
  };
  const appendTx = db.transaction((records: ActivityRecord[]) => {
    for (const r of records) q.insertActivity.run(r.boardId, r.userId, r.objectId, r.kind, r.title, r.at, ...historyColumns(r), r.boardId);
  });

  return {
    async appendActivity(records) {
      if (records.length) appendTx(records);
    },
    async listActivity(boardId, since, exceptUser, limit) {
      return q.activitySince.all(boardId, since, exceptUser, limit).map(toActivity);
    },
    async listObjectHistory(boardId, objectId, limit, before) {
      return q.objectHistory.all(boardId, objectId, before ?? Number.MAX_SAFE_INTEGER, limit).map(toHistory);
    },
    async listBoardHistory(boardId, { from, to, limit }) {
      // ISO times compare as strings; "~" sorts after every one of them.
      return q.boardHistory.all(boardId, from ?? "", to ?? "~", limit).map(toHistory);
    },
    async lastVisit(boardId, userId) {
      return q.lastVisit.get(boardId, userId)?.last_seen_at ?? null;
    },
    async recordVisit(boardId, userId, at) {
      q.upsertVisit.run(boardId, userId, at, boardId, userId);
    },
  };
}
