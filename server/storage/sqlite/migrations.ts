import type Database from "better-sqlite3";

/** Schema migrations, applied in order; PRAGMA user_version records how many ran. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE board_snapshots (
     board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     state BLOB NOT NULL,
     up_to_seq INTEGER NOT NULL
   );
   CREATE TABLE board_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     data BLOB NOT NULL
   );
   CREATE INDEX board_updates_by_board ON board_updates(board_id, seq);`,
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     password_hash TEXT,
     created_at TEXT NOT NULL
   );
   CREATE TABLE memberships (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     role TEXT NOT NULL,
     PRIMARY KEY (board_id, user_id)
   );
   CREATE INDEX memberships_by_user ON memberships(user_id);
   CREATE TABLE invitations (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     email TEXT NOT NULL,
     role TEXT NOT NULL,
     invited_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (board_id, email)
   );
   CREATE INDEX invitations_by_email ON invitations(email);
   CREATE TABLE share_links (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     secret_hash TEXT NOT NULL UNIQUE,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );`,
  `CREATE TABLE comment_threads (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     anchor_kind TEXT NOT NULL,
     anchor_id TEXT,
     anchor_title TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     resolved_at TEXT,
     resolved_by TEXT
   );
   CREATE INDEX comment_threads_by_board ON comment_threads(board_id, created_at);
   CREATE TABLE comments (
     id TEXT PRIMARY KEY,
     thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     author_id TEXT NOT NULL,
     body TEXT,
     text TEXT NOT NULL,
     created_at TEXT NOT NULL,
     edited_at TEXT,
     deleted_at TEXT
   );
   CREATE INDEX comments_by_thread ON comments(thread_id, created_at);
   CREATE INDEX comments_by_board ON comments(board_id, created_at);
   CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
     comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
     kind TEXT NOT NULL,
     actor_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     read_at TEXT
   );
   CREATE INDEX notifications_by_user ON notifications(user_id, created_at);
   CREATE TABLE board_activity (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     user_id TEXT NOT NULL,
     item_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     title TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX board_activity_by_board ON board_activity(board_id, at);
   CREATE TABLE board_visits (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     last_seen_at TEXT NOT NULL,
     PRIMARY KEY (board_id, user_id)
   );`,
  // One notification per person per comment, enforced where it cannot be raced; the index also
  // finds a deleted comment's notifications without scanning every user's.
  `CREATE UNIQUE INDEX notifications_once_per_comment ON notifications(comment_id, user_id);`,
  // A snapshot's state vector, written with it, so loading a large board need not decode the
  // whole snapshot to learn it; NULL for snapshots written before (read off the snapshot then).
  `ALTER TABLE board_snapshots ADD COLUMN state_vector BLOB;`,
  // Stored updates a room refused to load (content outside the board's layout, written before
  // the server checked it): kept for an operator to inspect, out of the board's log.
  `CREATE TABLE board_quarantine (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     hash TEXT NOT NULL,
     data BLOB NOT NULL,
     reason TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (board_id, hash)
   );
   -- Whether a stored update or snapshot was checked against the board's layout when it was
   -- written (the room's own writes are); rows from before, or from anywhere else, are checked
   -- when the board is next built (docs/document-rules.md).
   ALTER TABLE board_updates ADD COLUMN checked INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE board_snapshots ADD COLUMN checked INTEGER NOT NULL DEFAULT 0;`,
  // Signed-out sessions, refused until their cookie would have expired (sessionStore.ts). No
  // foreign key: a session outlives nothing by being remembered, and the row is pruned anyway.
  `CREATE TABLE ended_sessions (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     ended_at TEXT NOT NULL,
     valid_until TEXT NOT NULL
   );
   CREATE INDEX ended_sessions_by_expiry ON ended_sessions(valid_until);`,
  // Invitations are accepted with a mailed secret (only its hash is stored) before they expire;
  // rows from before this have neither and can only be resent. Mailing comment notifications is
  // a per-person choice, on by default.
  `ALTER TABLE invitations ADD COLUMN secret_hash TEXT;
   ALTER TABLE invitations ADD COLUMN expires_at TEXT;
   CREATE UNIQUE INDEX invitations_by_secret ON invitations(secret_hash);
   ALTER TABLE users ADD COLUMN mail_notifications INTEGER NOT NULL DEFAULT 1;`,
  // Versions of a board (docs/history.md): the compressed document state, where the update log
  // stood, who and why. One baseline per board. Log rows get their commit time, and compaction
  // moves the rows it folds into board_history instead of dropping them, so the board can be
  // shown at any moment between versions; rows before the history window are pruned.
  `CREATE TABLE board_versions (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     name TEXT,
     note TEXT,
     reason TEXT NOT NULL,
     author_id TEXT,
     created_at TEXT NOT NULL,
     seq INTEGER NOT NULL,
     state BLOB NOT NULL
   );
   CREATE INDEX board_versions_by_board ON board_versions(board_id, created_at);
   ALTER TABLE boards ADD COLUMN baseline_version_id TEXT;
   ALTER TABLE board_updates ADD COLUMN at TEXT;
   CREATE TABLE board_history (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     at TEXT NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (board_id, seq)
   );
   CREATE INDEX board_history_by_time ON board_history(board_id, at);`,
  // Object history (issue 16): which kind of object a row is about (every older row is an
  // item's), each changed field's before and after value as JSON (NULL on older rows), and the
  // burst a row belongs to (its last row is the one history shows). The indexes find one
  // object's rows, newest first, and a burst's later rows.
  `ALTER TABLE board_activity ADD COLUMN object_kind TEXT NOT NULL DEFAULT 'item';
   ALTER TABLE board_activity ADD COLUMN fields TEXT;
   ALTER TABLE board_activity ADD COLUMN burst TEXT;
   CREATE INDEX board_activity_by_object ON board_activity(board_id, item_id, seq);
   CREATE INDEX board_activity_by_burst ON board_activity(board_id, burst);`,
  // Workshops (docs/workshops.md): the session, who was in the room and for how long, dot
  // votes and their ballots, private drafts. Everything hangs off the board. At most one running
  // workshop per board (the partial unique index), whichever instance starts it.
  `CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     title TEXT NOT NULL,
     facilitator_id TEXT NOT NULL,
     started_at TEXT NOT NULL,
     ended_at TEXT,
     agenda TEXT NOT NULL,
     step INTEGER NOT NULL,
     timer TEXT NOT NULL,
     start_version_id TEXT,
     end_version_id TEXT
   );
   CREATE INDEX workshops_by_board ON workshops(board_id, started_at);
   CREATE UNIQUE INDEX workshops_running ON workshops(board_id) WHERE ended_at IS NULL;
   CREATE TABLE workshop_participants (
     workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     user_id TEXT NOT NULL,
     joined_at TEXT NOT NULL,
     minutes REAL NOT NULL DEFAULT 0,
     present_since TEXT,
     PRIMARY KEY (workshop_id, user_id)
   );
   CREATE TABLE workshop_votes (
     id TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     board_id TEXT NOT NULL,
     title TEXT NOT NULL,
     scope TEXT NOT NULL,
     item_ids TEXT NOT NULL,
     votes_per_person INTEGER NOT NULL,
     stacking INTEGER NOT NULL,
     visibility TEXT NOT NULL,
     state TEXT NOT NULL,
     opened_at TEXT NOT NULL,
     closed_at TEXT,
     revealed_at TEXT
   );
   CREATE INDEX workshop_votes_by_workshop ON workshop_votes(workshop_id, opened_at);
   CREATE UNIQUE INDEX workshop_votes_open ON workshop_votes(workshop_id) WHERE state = 'open';
   CREATE TABLE workshop_ballots (
     vote_id TEXT NOT NULL REFERENCES workshop_votes(id) ON DELETE CASCADE,
     user_id TEXT NOT NULL,
     item_id TEXT NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (vote_id, user_id, item_id)
   );
   CREATE TABLE workshop_drafts (
     id TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     board_id TEXT NOT NULL,
     author_id TEXT NOT NULL,
     title TEXT NOT NULL,
     lane_id TEXT,
     phase_id TEXT,
     size TEXT NOT NULL,
     created_at TEXT NOT NULL,
     item_id TEXT,
     revealed_at TEXT
   );
   CREATE INDEX workshop_drafts_by_author ON workshop_drafts(workshop_id, author_id);`,
  // Templates of one's own (issue 18): a board file as JSON, per person. Calendar feeds of a
  // board's milestones: like share links, a secret whose hash is stored, revocable.
  `CREATE TABLE user_templates (
     id TEXT PRIMARY KEY,
     owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     created_at TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX user_templates_by_owner ON user_templates(owner_id, created_at);
   CREATE TABLE calendar_feeds (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     secret_hash TEXT NOT NULL UNIQUE,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );`,
  // Teams (issue 19, docs/teams.md): lane owners and the lane policy are access control, kept
  // here rather than in the shared document; a scenario is a board row with plan_id set (its
  // document stored like any board's, its access the plan's); proposals and dependency
  // requests, written only through the server.
  `ALTER TABLE boards ADD COLUMN lane_policy TEXT NOT NULL DEFAULT 'open';
   ALTER TABLE boards ADD COLUMN plan_id TEXT REFERENCES boards(id) ON DELETE CASCADE;
   CREATE INDEX boards_by_plan ON boards(plan_id);
   CREATE TABLE lane_owners (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     lane_id TEXT NOT NULL,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     PRIMARY KEY (board_id, lane_id, user_id)
   );
   CREATE TABLE scenarios (
     id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     plan_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     purpose TEXT,
     state TEXT NOT NULL,
     base_version_id TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX scenarios_by_plan ON scenarios(plan_id, created_at);
   CREATE TABLE proposals (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     lane_id TEXT NOT NULL,
     item_id TEXT,
     kind TEXT NOT NULL,
     change TEXT NOT NULL,
     base TEXT NOT NULL,
     reason TEXT NOT NULL,
     author_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     state TEXT NOT NULL,
     answered_by TEXT,
     answered_at TEXT,
     answer_note TEXT,
     counter_of TEXT,
     thread_id TEXT,
     applied_item_id TEXT
   );
   CREATE INDEX proposals_by_board ON proposals(board_id, state, created_at);
   CREATE TABLE dependency_requests (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     from_item_id TEXT NOT NULL,
     to_item_id TEXT NOT NULL,
     from_lane_id TEXT,
     to_lane_id TEXT,
     needed_by TEXT NOT NULL,
     note TEXT,
     requester_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     state TEXT NOT NULL,
     committed_finish TEXT,
     counter_date TEXT,
     answered_by TEXT,
     answered_at TEXT,
     answer_note TEXT,
     thread_id TEXT,
     dependency_id TEXT
   );
   CREATE INDEX dependency_requests_by_board ON dependency_requests(board_id, state, created_at);`,
];

export function migrate(db: Database.Database): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
