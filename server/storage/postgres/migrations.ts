import type { Pool } from "pg";
import { inTransaction } from "./transaction";

/**
 * Every text column compares byte by byte (COLLATE "C"), as SQLite's BINARY collation does: ISO
 * times compare as strings, and member lists sort the same whatever locale the database was
 * created with. Times stay ISO strings (not TIMESTAMPTZ) so every method returns exactly what
 * the SQLite store returns, milliseconds and Z included.
 */
const T = `TEXT COLLATE "C"`;

/**
 * Schema migrations, applied in order; schema_migrations records which ran. The first one is
 * the schema SQLite reached in its four migrations. Tables and columns keep SQLite's names so
 * both stores share one row mapping (../rows.ts); `ord` columns stand in for SQLite's rowid,
 * which orders rows written in the same millisecond by when they were written.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE boards (
     id ${T} PRIMARY KEY,
     title ${T} NOT NULL,
     created_at ${T} NOT NULL,
     updated_at ${T} NOT NULL
   );
   CREATE TABLE board_snapshots (
     board_id ${T} PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     state BYTEA NOT NULL,
     up_to_seq BIGINT NOT NULL
   );
   CREATE TABLE board_updates (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     data BYTEA NOT NULL
   );
   CREATE INDEX board_updates_by_board ON board_updates(board_id, seq);

   CREATE TABLE users (
     id ${T} PRIMARY KEY,
     email ${T} NOT NULL UNIQUE,
     name ${T} NOT NULL,
     password_hash ${T},
     created_at ${T} NOT NULL
   );
   CREATE TABLE memberships (
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     user_id ${T} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     role ${T} NOT NULL,
     PRIMARY KEY (board_id, user_id)
   );
   CREATE INDEX memberships_by_user ON memberships(user_id);
   CREATE TABLE invitations (
     id ${T} PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     email ${T} NOT NULL,
     role ${T} NOT NULL,
     invited_by ${T} NOT NULL,
     created_at ${T} NOT NULL,
     UNIQUE (board_id, email)
   );
   CREATE INDEX invitations_by_email ON invitations(email);
   CREATE TABLE share_links (
     id ${T} PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     secret_hash ${T} NOT NULL UNIQUE,
     created_by ${T} NOT NULL,
     created_at ${T} NOT NULL,
     revoked_at ${T}
   );

   CREATE TABLE comment_threads (
     ord BIGINT GENERATED ALWAYS AS IDENTITY,
     id ${T} PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     anchor_kind ${T} NOT NULL,
     anchor_id ${T},
     anchor_title ${T} NOT NULL,
     created_by ${T} NOT NULL,
     created_at ${T} NOT NULL,
     resolved_at ${T},
     resolved_by ${T}
   );
   CREATE INDEX comment_threads_by_board ON comment_threads(board_id, created_at);
   CREATE TABLE comments (
     ord BIGINT GENERATED ALWAYS AS IDENTITY,
     id ${T} PRIMARY KEY,
     thread_id ${T} NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     author_id ${T} NOT NULL,
     body ${T},
     text ${T} NOT NULL,
     created_at ${T} NOT NULL,
     edited_at ${T},
     deleted_at ${T}
   );
   CREATE INDEX comments_by_thread ON comments(thread_id, created_at);
   CREATE INDEX comments_by_board ON comments(board_id, created_at);
   CREATE TABLE notifications (
     ord BIGINT GENERATED ALWAYS AS IDENTITY,
     id ${T} PRIMARY KEY,
     user_id ${T} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     thread_id ${T} NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
     comment_id ${T} NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
     kind ${T} NOT NULL,
     actor_id ${T} NOT NULL,
     created_at ${T} NOT NULL,
     read_at ${T}
   );
   CREATE INDEX notifications_by_user ON notifications(user_id, created_at);
   -- One notification per person per comment, enforced where it cannot be raced; the index also
   -- finds a deleted comment's notifications without scanning every user's.
   CREATE UNIQUE INDEX notifications_once_per_comment ON notifications(comment_id, user_id);

   CREATE TABLE board_activity (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     user_id ${T} NOT NULL,
     item_id ${T} NOT NULL,
     kind ${T} NOT NULL,
     title ${T} NOT NULL,
     at ${T} NOT NULL
   );
   CREATE INDEX board_activity_by_board ON board_activity(board_id, at);
   CREATE TABLE board_visits (
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     user_id ${T} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     last_seen_at ${T} NOT NULL,
     PRIMARY KEY (board_id, user_id)
   );`,
  // A snapshot's state vector, written with it, so loading a large board need not decode the
  // whole snapshot to learn it; NULL for snapshots written before (read off the snapshot then).
  `ALTER TABLE board_snapshots ADD COLUMN state_vector BYTEA;`,
  // Stored updates a room refused to load (content outside the board's layout, written before
  // the server checked it): kept for an operator to inspect, out of the board's log.
  `CREATE TABLE board_quarantine (
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     hash ${T} NOT NULL,
     data BYTEA NOT NULL,
     reason ${T} NOT NULL,
     at ${T} NOT NULL,
     PRIMARY KEY (board_id, hash)
   );
   -- Whether a stored update or snapshot was checked against the board's layout when it was
   -- written (the room's own writes are); rows from before, or from anywhere else, are checked
   -- when the board is next built (docs/document-rules.md).
   ALTER TABLE board_updates ADD COLUMN checked BOOLEAN NOT NULL DEFAULT FALSE;
   ALTER TABLE board_snapshots ADD COLUMN checked BOOLEAN NOT NULL DEFAULT FALSE;`,
  // Signed-out sessions, refused until their cookie would have expired (sessionStore.ts).
  `CREATE TABLE ended_sessions (
     id ${T} PRIMARY KEY,
     user_id ${T} NOT NULL,
     ended_at ${T} NOT NULL,
     valid_until ${T} NOT NULL
   );
   CREATE INDEX ended_sessions_by_expiry ON ended_sessions(valid_until);`,
  // Invitations are accepted with a mailed secret (only its hash is stored) before they expire;
  // rows from before this have neither and can only be resent. Mailing comment notifications is
  // a per-person choice, on by default.
  `ALTER TABLE invitations ADD COLUMN secret_hash ${T};
   ALTER TABLE invitations ADD COLUMN expires_at ${T};
   CREATE UNIQUE INDEX invitations_by_secret ON invitations(secret_hash);
   ALTER TABLE users ADD COLUMN mail_notifications INTEGER NOT NULL DEFAULT 1;`,
  // Versions, the baseline and the recorded history between versions (as in SQLite's).
  `CREATE TABLE board_versions (
     ord BIGINT GENERATED ALWAYS AS IDENTITY,
     id ${T} PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     name ${T},
     note ${T},
     reason ${T} NOT NULL,
     author_id ${T},
     created_at ${T} NOT NULL,
     seq BIGINT NOT NULL,
     state BYTEA NOT NULL
   );
   CREATE INDEX board_versions_by_board ON board_versions(board_id, created_at);
   ALTER TABLE boards ADD COLUMN baseline_version_id ${T};
   ALTER TABLE board_updates ADD COLUMN at ${T};
   CREATE TABLE board_history (
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     seq BIGINT NOT NULL,
     at ${T} NOT NULL,
     data BYTEA NOT NULL,
     PRIMARY KEY (board_id, seq)
   );
   CREATE INDEX board_history_by_time ON board_history(board_id, at);`,
  // Object history (issue 16): which kind of object a row is about (every older row is an
  // item's), each changed field's before and after value as JSON (NULL on older rows), and the
  // burst a row belongs to (its last row is the one history shows). The indexes find one
  // object's rows, newest first, and a burst's later rows.
  `ALTER TABLE board_activity ADD COLUMN object_kind ${T} NOT NULL DEFAULT 'item';
   ALTER TABLE board_activity ADD COLUMN fields ${T};
   ALTER TABLE board_activity ADD COLUMN burst ${T};
   CREATE INDEX board_activity_by_object ON board_activity(board_id, item_id, seq);
   CREATE INDEX board_activity_by_burst ON board_activity(board_id, burst);`,
  // Workshops (docs/workshops.md): the session, who was in the room and for how long, dot
  // votes and their ballots, private drafts. Everything hangs off the board. At most one running
  // workshop per board (the partial unique index), whichever instance starts it.
  `CREATE TABLE workshops (
     id ${T} PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     title ${T} NOT NULL,
     facilitator_id ${T} NOT NULL,
     started_at ${T} NOT NULL,
     ended_at ${T},
     agenda ${T} NOT NULL,
     step INTEGER NOT NULL,
     timer ${T} NOT NULL,
     start_version_id ${T},
     end_version_id ${T}
   );
   CREATE INDEX workshops_by_board ON workshops(board_id, started_at);
   CREATE UNIQUE INDEX workshops_running ON workshops(board_id) WHERE ended_at IS NULL;
   CREATE TABLE workshop_participants (
     workshop_id ${T} NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     user_id ${T} NOT NULL,
     joined_at ${T} NOT NULL,
     minutes DOUBLE PRECISION NOT NULL DEFAULT 0,
     present_since ${T},
     PRIMARY KEY (workshop_id, user_id)
   );
   CREATE TABLE workshop_votes (
     id ${T} PRIMARY KEY,
     workshop_id ${T} NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     board_id ${T} NOT NULL,
     title ${T} NOT NULL,
     scope ${T} NOT NULL,
     item_ids ${T} NOT NULL,
     votes_per_person INTEGER NOT NULL,
     stacking BOOLEAN NOT NULL,
     visibility ${T} NOT NULL,
     state ${T} NOT NULL,
     opened_at ${T} NOT NULL,
     closed_at ${T},
     revealed_at ${T}
   );
   CREATE INDEX workshop_votes_by_workshop ON workshop_votes(workshop_id, opened_at);
   CREATE UNIQUE INDEX workshop_votes_open ON workshop_votes(workshop_id) WHERE state = 'open';
   CREATE TABLE workshop_ballots (
     vote_id ${T} NOT NULL REFERENCES workshop_votes(id) ON DELETE CASCADE,
     user_id ${T} NOT NULL,
     item_id ${T} NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (vote_id, user_id, item_id)
   );
   CREATE TABLE workshop_drafts (
     id ${T} PRIMARY KEY,
     workshop_id ${T} NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     board_id ${T} NOT NULL,
     author_id ${T} NOT NULL,
     title ${T} NOT NULL,
     lane_id ${T},
     phase_id ${T},
     size ${T} NOT NULL,
     created_at ${T} NOT NULL,
     item_id ${T},
     revealed_at ${T}
   );
   CREATE INDEX workshop_drafts_by_author ON workshop_drafts(workshop_id, author_id);`,
  // Templates of one's own and calendar feeds (as in SQLite's).
  `CREATE TABLE user_templates (
     id ${T} PRIMARY KEY,
     owner_id ${T} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     name ${T} NOT NULL,
     created_at ${T} NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX user_templates_by_owner ON user_templates(owner_id, created_at);
   CREATE TABLE calendar_feeds (
     id ${T} PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     secret_hash ${T} NOT NULL UNIQUE,
     created_by ${T} NOT NULL,
     created_at ${T} NOT NULL,
     revoked_at ${T}
   );`,
  // Teams (issue 19, docs/teams.md): lane owners and the lane policy are access control, kept
  // here rather than in the shared document; a scenario is a board row with plan_id set (its
  // document stored like any board's, its access the plan's); proposals and dependency
  // requests, written only through the server.
  `ALTER TABLE boards ADD COLUMN lane_policy ${T} NOT NULL DEFAULT 'open';
   ALTER TABLE boards ADD COLUMN plan_id ${T} REFERENCES boards(id) ON DELETE CASCADE;
   CREATE INDEX boards_by_plan ON boards(plan_id);
   CREATE TABLE lane_owners (
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     lane_id ${T} NOT NULL,
     user_id ${T} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     PRIMARY KEY (board_id, lane_id, user_id)
   );
   CREATE TABLE scenarios (
     id ${T} PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     plan_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     name ${T} NOT NULL,
     purpose ${T},
     state ${T} NOT NULL,
     base_version_id ${T} NOT NULL,
     created_by ${T} NOT NULL,
     created_at ${T} NOT NULL,
     updated_at ${T} NOT NULL
   );
   CREATE INDEX scenarios_by_plan ON scenarios(plan_id, created_at);
   CREATE TABLE proposals (
     id ${T} PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     lane_id ${T} NOT NULL,
     item_id ${T},
     kind ${T} NOT NULL,
     change TEXT NOT NULL,
     base TEXT NOT NULL,
     reason TEXT NOT NULL,
     author_id ${T} NOT NULL,
     created_at ${T} NOT NULL,
     state ${T} NOT NULL,
     answered_by ${T},
     answered_at ${T},
     answer_note TEXT,
     counter_of ${T},
     thread_id ${T},
     applied_item_id ${T}
   );
   CREATE INDEX proposals_by_board ON proposals(board_id, state, created_at);
   CREATE TABLE dependency_requests (
     id ${T} PRIMARY KEY,
     board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     from_item_id ${T} NOT NULL,
     to_item_id ${T} NOT NULL,
     from_lane_id ${T},
     to_lane_id ${T},
     needed_by ${T} NOT NULL,
     note TEXT,
     requester_id ${T} NOT NULL,
     created_at ${T} NOT NULL,
     state ${T} NOT NULL,
     committed_finish ${T},
     counter_date ${T},
     answered_by ${T},
     answered_at ${T},
     answer_note TEXT,
     thread_id ${T},
     dependency_id ${T}
   );
   CREATE INDEX dependency_requests_by_board ON dependency_requests(board_id, state, created_at);`,
];

/**
 * Brings the schema (the first one on the connection's search_path) up to date in ONE
 * transaction. Several instances starting at once queue on an advisory lock held until commit,
 * keyed by the schema's name, so exactly one applies each migration and the others then find
 * it recorded; a migration that fails leaves nothing half-applied. Returns how many ran.
 */
export async function migratePostgres(pool: Pool, migrations: readonly string[] = PG_MIGRATIONS): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('waymark.migrations'), hashtext(current_schema()))");
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at ${T} NOT NULL)`,
    );
    const { rows } = await client.query<{ version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations");
    const applied = rows[0]?.version ?? 0;
    for (let v = applied; v < migrations.length; v++) {
      await client.query(migrations[v]!);
      await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [v + 1, new Date().toISOString()]);
    }
    return Math.max(0, migrations.length - applied);
  });
}
