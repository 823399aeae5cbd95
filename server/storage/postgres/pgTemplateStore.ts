import type { Pool } from "pg";
import type { UserId } from "../../../lib/model/ids";
import { toFeed } from "../sqlite/sqliteTemplateStore";
import type { TemplateStore } from "../templateStore";

const FEED = "id, board_id, created_by, created_at, revoked_at";

/** Templates and calendar feeds in the same PostgreSQL database as the boards. */
export function pgTemplateStore(pool: Pool): TemplateStore {
  return {
    async createUserTemplate(t) {
      await pool.query("INSERT INTO user_templates (id, owner_id, name, created_at, body) VALUES ($1, $2, $3, $4, $5)", [t.id, t.ownerId, t.name, t.createdAt, t.body]);
    },
    async listUserTemplates(ownerId) {
      const { rows } = await pool.query<{ id: string; name: string; created_at: string }>(
        "SELECT id, name, created_at FROM user_templates WHERE owner_id = $1 ORDER BY created_at, id",
        [ownerId],
      );
      return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
    },
    async getUserTemplate(ownerId, id) {
      const { rows } = await pool.query<{ id: string; owner_id: string; name: string; created_at: string; body: string }>(
        "SELECT id, owner_id, name, created_at, body FROM user_templates WHERE owner_id = $1 AND id = $2",
        [ownerId, id],
      );
      const r = rows[0];
      return r ? { id: r.id, ownerId: r.owner_id as UserId, name: r.name, createdAt: r.created_at, body: r.body } : null;
    },
    async deleteUserTemplate(ownerId, id) {
      const { rowCount } = await pool.query("DELETE FROM user_templates WHERE owner_id = $1 AND id = $2", [ownerId, id]);
      return (rowCount ?? 0) > 0;
    },
    async createCalendarFeed(feed, secretHash) {
      await pool.query(
        "INSERT INTO calendar_feeds (id, board_id, secret_hash, created_by, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, NULL)",
        [feed.id, feed.boardId, secretHash, feed.createdBy, feed.createdAt],
      );
    },
    async listCalendarFeeds(boardId) {
      const { rows } = await pool.query(`SELECT ${FEED} FROM calendar_feeds WHERE board_id = $1 ORDER BY created_at, id`, [boardId]);
      return rows.map(toFeed);
    },
    async revokeCalendarFeed(boardId, id, at) {
      const { rowCount } = await pool.query("UPDATE calendar_feeds SET revoked_at = $1 WHERE board_id = $2 AND id = $3 AND revoked_at IS NULL", [at, boardId, id]);
      return (rowCount ?? 0) > 0;
    },
    async findCalendarFeedBySecretHash(secretHash) {
      const { rows } = await pool.query(`SELECT ${FEED} FROM calendar_feeds WHERE secret_hash = $1`, [secretHash]);
      return rows[0] ? toFeed(rows[0]) : null;
    },
  };
}
