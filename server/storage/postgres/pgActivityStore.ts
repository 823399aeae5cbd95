import type { Pool } from "pg";
import type { ActivityStore } from "../activityStore";
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
            `INSERT INTO board_activity (board_id, user_id, item_id, kind, title, at)
             SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM boards WHERE id = $1)`,
            [r.boardId, r.userId, r.itemId, r.kind, r.title, r.at],
          );
        }
      });
    },
    async listActivity(boardId, since, exceptUser, limit) {
      const { rows } = await pool.query<ActivityRow>(
        `SELECT board_id, user_id, item_id, kind, title, at FROM board_activity
         WHERE board_id = $1 AND at > $2 AND user_id <> $3 ORDER BY at, seq LIMIT $4`,
        [boardId, since, exceptUser, limit],
      );
      return rows.map(toActivity);
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
