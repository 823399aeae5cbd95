import type { Pool, PoolClient } from "pg";
import type { BoardId } from "../../../lib/model/ids";
import type { AppendResult, BoardStore, StoredBoard } from "../boardStore";
import { toBoardRecord, updateHash, type BoardRow } from "../rows";
import { asBytea, fromBytea, inTransaction } from "./transaction";

const BOARD_COLUMNS = "id, title, created_at, updated_at";

/** Inserts a board row and its first state; run inside a caller's transaction. */
export async function insertBoardWithState(client: PoolClient, id: string, title: string, state: Uint8Array, now: string) {
  await client.query("INSERT INTO boards (id, title, created_at, updated_at) VALUES ($1, $2, $3, $3)", [id, title, now]);
  // The initial state is the server's own (a template or an empty board): checked.
  await client.query("INSERT INTO board_updates (board_id, data, checked, at) VALUES ($1, $2, true, $3)", [id, asBytea(state), now]);
}

/**
 * One board's part of an append, in one statement (one round trip per board): the rows go in
 * in array order (identity values follow the ORDER BY), the board row is touched, and the log
 * length is the rows already there plus the new ones: the statement's snapshot does not see its
 * own inserts. A board that does not exist fails the foreign key and with it the whole batch.
 */
const APPEND_BOARD = `
  WITH ins AS (
    INSERT INTO board_updates (board_id, data, checked, at)
    SELECT $1, u.data, $5, $3 FROM unnest($2::bytea[]) WITH ORDINALITY AS u(data, n) ORDER BY u.n
    RETURNING seq
  ), touched AS (
    UPDATE boards SET updated_at = $3, title = COALESCE($4, title) WHERE id = $1 RETURNING id
  )
  SELECT COALESCE((SELECT MAX(seq) FROM ins), 0) AS last_seq,
         (SELECT COUNT(*) FROM ins) + (SELECT COUNT(*) FROM board_updates WHERE board_id = $1) AS log_length`;

/** Boards and their update logs in PostgreSQL; every write has committed before its promise resolves. */
export function pgBoardStore(pool: Pool): Omit<BoardStore, "close"> {
  return {
    async createBoard({ id, title }, initialState) {
      const now = new Date().toISOString();
      await inTransaction(pool, (client) => insertBoardWithState(client, id, title, initialState, now));
      return { id, title, createdAt: now, updatedAt: now };
    },
    async getBoard(id) {
      const { rows } = await pool.query<BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1`, [id]);
      return rows[0] ? toBoardRecord(rows[0]) : null;
    },
    async listBoards() {
      const { rows } = await pool.query<BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE plan_id IS NULL ORDER BY updated_at DESC, id`);
      return rows.map(toBoardRecord);
    },
    async loadUpdates(id) {
      // One statement reads snapshot and log from one consistent snapshot of the database, so a
      // compaction committing in between cannot hide rows (two reads could see the old snapshot
      // and the already-shortened log).
      const { rows } = await pool.query<{ from_log: boolean; data: Buffer; seq: string; state_vector: Buffer | null; checked: boolean }>(
        `SELECT false AS from_log, state AS data, up_to_seq AS seq, state_vector, checked FROM board_snapshots WHERE board_id = $1
         UNION ALL
         SELECT true, data, seq, NULL, checked FROM board_updates WHERE board_id = $1
         ORDER BY from_log, seq`,
        [id],
      );
      const stored: StoredBoard = {
        updates: rows.map((r) => fromBytea(r.data)),
        logLength: rows.filter((r) => r.from_log).length,
        checked: rows.map((r) => r.checked),
        lastSeq: rows.reduce((max, r) => Math.max(max, Number(r.seq)), 0),
      };
      const vector = rows[0] && !rows[0].from_log ? rows[0].state_vector : null;
      if (vector) stored.snapshotStateVector = fromBytea(vector);
      return stored;
    },
    async appendUpdates(batch) {
      const now = new Date().toISOString();
      return inTransaction(pool, async (client) => {
        const results = new Map<BoardId, AppendResult>();
        for (const { boardId, updates, title, checked } of batch) {
          const { rows } = await client.query<{ last_seq: string; log_length: string }>(APPEND_BOARD, [
            boardId,
            updates.map(asBytea),
            now,
            title ?? null,
            checked === true,
          ]);
          const row = rows[0]!;
          results.set(boardId, { lastSeq: Number(row.last_seq), logLength: Number(row.log_length) });
        }
        return results;
      });
    },
    async compact(id, state, upToSeq, stateVector) {
      await inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO board_snapshots (board_id, state, up_to_seq, state_vector, checked) VALUES ($1, $2, $3, $4, true)
           ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq,
             state_vector = excluded.state_vector, checked = true`,
          [id, asBytea(state), upToSeq, asBytea(stateVector)],
        );
        // Folded rows become recorded history (docs/history.md): the replay needs them, the load does not.
        await client.query(
          `INSERT INTO board_history (board_id, seq, at, data)
           SELECT board_id, seq, at, data FROM board_updates WHERE board_id = $1 AND seq <= $2 AND at IS NOT NULL
           ON CONFLICT DO NOTHING`,
          [id, upToSeq],
        );
        await client.query("DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2", [id, upToSeq]);
      });
    },
    async quarantine(id, update, reason) {
      await pool.query(
        "INSERT INTO board_quarantine (board_id, hash, data, reason, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        [id, updateHash(update), asBytea(update), reason.slice(0, 1_000), new Date().toISOString()],
      );
    },
    async listQuarantined(id) {
      const { rows } = await pool.query<{ data: Buffer; reason: string; at: string }>(
        "SELECT data, reason, at FROM board_quarantine WHERE board_id = $1 ORDER BY at, hash",
        [id],
      );
      return rows.map((r) => ({ data: new Uint8Array(r.data), reason: r.reason, at: r.at }));
    },
  };
}
