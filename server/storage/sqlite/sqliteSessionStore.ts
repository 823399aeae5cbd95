import type Database from "better-sqlite3";
import type { SessionStore } from "../sessionStore";

/** Ended sessions in the same SQLite file as the accounts. */
export function sqliteSessionStore(db: Database.Database): SessionStore {
  const q = {
    end: db.prepare(
      `INSERT INTO ended_sessions (id, user_id, ended_at, valid_until) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET valid_until = MAX(valid_until, excluded.valid_until)`,
    ),
    ended: db.prepare<[string, string], { n: number }>("SELECT 1 AS n FROM ended_sessions WHERE id = ? AND valid_until > ?"),
    prune: db.prepare("DELETE FROM ended_sessions WHERE valid_until <= ?"),
  };
  return {
    async endSession({ id, userId, endedAt, until }) {
      q.end.run(id, userId, endedAt, until);
    },
    async isSessionEnded(id, now) {
      return q.ended.get(id, now) !== undefined;
    },
    async pruneEndedSessions(now) {
      return q.prune.run(now).changes;
    },
  };
}
