import type { Pool } from "pg";
import type { SessionStore } from "../sessionStore";

/** Ended sessions in the same PostgreSQL database as the accounts, shared by every instance. */
export function pgSessionStore(pool: Pool): SessionStore {
  return {
    async endSession({ id, userId, endedAt, until }) {
      await pool.query(
        `INSERT INTO ended_sessions (id, user_id, ended_at, valid_until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET valid_until = GREATEST(ended_sessions.valid_until, excluded.valid_until)`,
        [id, userId, endedAt, until],
      );
    },
    async isSessionEnded(id, now) {
      const { rowCount } = await pool.query("SELECT 1 FROM ended_sessions WHERE id = $1 AND valid_until > $2", [id, now]);
      return (rowCount ?? 0) > 0;
    },
    async pruneEndedSessions(now) {
      const { rowCount } = await pool.query("DELETE FROM ended_sessions WHERE valid_until <= $1", [now]);
      return rowCount ?? 0;
    },
  };
}
