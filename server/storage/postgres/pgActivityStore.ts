import type { Pool } from "pg";
import type { ActivityStore } from "../activityStore";
import { HISTORY_COLUMNS, historyColumns, LAST_OF_BURST, toHistory, type HistoryRow } from "../historyRows";
import { toActivity, type ActivityRow } from "../rows";
import { inTransaction } from "./transaction";

/** Board history and last visits in the same PostgreSQL database as the boards. */
export function pgActivityStore(pool: Pool): ActivityStore {
  return {
    async appendActivity(records) {
      if (!records.length) return;
      await inTransaction(pool, async (client) => {
        for (const r of records) {
          // Rows for a board deleted meanwhile are skipped rather than failing the batch:
          // activity is written a moment after the edit, and a deletion can land in between.
          await client.query(
            `INSERT INTO board_activity (board_id, user_id, item_id, kind, title, at, object_kind, fields, burst)
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE EXISTS (SELECT 1 FROM boards WHERE id = $1)`,
            [r.boardId, r.userId, r.objectId, r.kind, r.title, r.at, ...historyColumns(r)],
          );
        }
      });
    },
    async listActivity(boardId, since, exceptUser, limit) {
      // Items only: the summary's lines are items, and other objects' rows came later.
      const { rows } = await pool.query<ActivityRow>(
        `SELECT board_id, user_id, item_id, kind, title, at FROM board_activity
         WHERE board_id = $1 AND at > $2 AND user_id <> $3 AND object_kind = 'item' ORDER BY at, seq LIMIT $4`,
        [boardId, since, exceptUser, limit],
      );
      return rows.map(toActivity);
    },
    async listObjectHistory(boardId, objectId, limit, before) {
      const { rows } = await pool.query<HistoryRow>(
        `SELECT ${HISTORY_COLUMNS} FROM board_activity a
         WHERE board_id = $1 AND item_id = $2 AND seq < $3 AND ${LAST_OF_BURST}
         ORDER BY seq DESC LIMIT $4`,
        [boardId, objectId, before ?? Number.MAX_SAFE_INTEGER, limit],
      );
      return rows.map(toHistory);
    },
    async listBoardHistory(boardId, { from, to, limit }) {
      // ISO times compare as strings (the column's collation is "C": byte-wise); "~" sorts
      // after every one of them.
      const { rows } = await pool.query<HistoryRow>(
        `SELECT ${HISTORY_COLUMNS} FROM board_activity a
         WHERE board_id = $1 AND at >= $2 AND at < $3 AND ${LAST_OF_BURST}
         ORDER BY at, seq LIMIT $4`,
        [boardId, from ?? "", to ?? "~", limit],
      );
      return rows.map(toHistory);
    },
    async lastVisit(boardId, userId) {
      const { rows } = await pool.query<{ last_seen_at: string }>(
        "SELECT last_seen_at FROM board_visits WHERE board_id = $1 AND user_id = $2",
        [boardId, userId],
      );
      return rows[0]?.last_seen_at ?? null;
    },
    async recordVisit(boardId, userId, at) {
      // A visit only moves forward, so two closes written out of order keep the later one.
      await pool.query(
        `INSERT INTO board_visits (board_id, user_id, last_seen_at)
         SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM boards WHERE id = $1) AND EXISTS (SELECT 1 FROM users WHERE id = $2)
         ON CONFLICT (board_id, user_id) DO UPDATE SET last_seen_at = GREATEST(board_visits.last_seen_at, excluded.last_seen_at)`,
        [boardId, userId, at],
      );
    },
  };
}
