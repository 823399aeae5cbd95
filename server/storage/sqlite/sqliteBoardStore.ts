import type Database from "better-sqlite3";
import type { BoardId } from "../../../lib/model/ids";
import type { AppendResult, BoardStore, BoardUpdates, StoredBoard } from "../boardStore";
import { toBoardRecord, updateHash, type BoardRow } from "../rows";
import { prepareAppend } from "./appendLog.mjs";
import type { AppendThread } from "./appendThread";

/**
 * Boards and their update logs in SQLite. better-sqlite3 is synchronous, so every method has
 * finished its transaction before its promise settles.
 */
/** Inserts a board row and its first state; run inside a caller's transaction. */
export function boardInserter(db: Database.Database) {
  const insertBoard = db.prepare("INSERT INTO boards (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)");
  // The initial state is the server's own (a template or an empty board): checked.
  const insertUpdate = db.prepare("INSERT INTO board_updates (board_id, data, checked, at) VALUES (?, ?, 1, ?)");
  return (id: string, title: string, state: Uint8Array, now: string) => {
    insertBoard.run(id, title, now, now);
    insertUpdate.run(id, Buffer.from(state), now);
  };
}

/** `appends`: commit update-log appends on that thread (files); without it, on this connection (`:memory:`). */
export function sqliteBoardStore(db: Database.Database, appends?: AppendThread): Omit<BoardStore, "close"> {
  const insertBoardWithState = boardInserter(db);
  const selectBoard = db.prepare<[string], BoardRow>("SELECT * FROM boards WHERE id = ?");
  const selectBoards = db.prepare<[], BoardRow>("SELECT * FROM boards WHERE plan_id IS NULL ORDER BY updated_at DESC, id");
  const selectSnapshot = db.prepare<[string], { state: Buffer; state_vector: Buffer | null; checked: number; up_to_seq: number }>(
    "SELECT state, state_vector, checked, up_to_seq FROM board_snapshots WHERE board_id = ?",
  );
  const selectLog = db.prepare<[string], { data: Buffer; checked: number; seq: number }>(
    "SELECT data, checked, seq FROM board_updates WHERE board_id = ? ORDER BY seq",
  );
  const upsertSnapshot = db.prepare(
    `INSERT INTO board_snapshots (board_id, state, up_to_seq, state_vector, checked) VALUES (?, ?, ?, ?, 1)
     ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq,
       state_vector = excluded.state_vector, checked = 1`,
  );
  // Folded rows become recorded history (docs/history.md): the replay needs them, the load does not.
  const keepHistoryUpTo = db.prepare(
    `INSERT OR IGNORE INTO board_history (board_id, seq, at, data)
     SELECT board_id, seq, at, data FROM board_updates WHERE board_id = ? AND seq <= ? AND at IS NOT NULL`,
  );
  const deleteLogUpTo = db.prepare("DELETE FROM board_updates WHERE board_id = ? AND seq <= ?");
  const insertQuarantine = db.prepare(
    "INSERT INTO board_quarantine (board_id, hash, data, reason, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  const selectQuarantine = db.prepare<[string], { data: Buffer; reason: string; at: string }>(
    "SELECT data, reason, at FROM board_quarantine WHERE board_id = ? ORDER BY at, hash",
  );

  const createTx = db.transaction(insertBoardWithState);

  const appendHere = prepareAppend(db);
  const append = async (batch: BoardUpdates[], now: string): Promise<Map<BoardId, AppendResult>> =>
    appends ? appends.append(batch, now) : new Map(appendHere(batch, now) as [BoardId, AppendResult][]);

  const compactTx = db.transaction((id: string, state: Uint8Array, upToSeq: number, stateVector: Uint8Array) => {
    upsertSnapshot.run(id, Buffer.from(state), upToSeq, Buffer.from(stateVector));
    keepHistoryUpTo.run(id, upToSeq);
    deleteLogUpTo.run(id, upToSeq);
  });

  return {
    async createBoard({ id, title }, initialState) {
      const now = new Date().toISOString();
      createTx(id, title, initialState, now);
      return { id, title, createdAt: now, updatedAt: now };
    },
    async getBoard(id) {
      const row = selectBoard.get(id);
      return row ? toBoardRecord(row) : null;
    },
    async listBoards() {
      return selectBoards.all().map(toBoardRecord);
    },
    async loadUpdates(id) {
      const read = db.transaction((): StoredBoard => {
        const snapshot = selectSnapshot.get(id);
        const rows = selectLog.all(id);
        const log = rows.map((r) => new Uint8Array(r.data));
        const logChecked = rows.map((r) => r.checked === 1);
        const lastSeq = Math.max(snapshot?.up_to_seq ?? 0, rows.at(-1)?.seq ?? 0);
        if (!snapshot) return { updates: log, logLength: log.length, checked: logChecked, lastSeq };
        const stored: StoredBoard = {
          updates: [new Uint8Array(snapshot.state), ...log],
          logLength: log.length,
          checked: [snapshot.checked === 1, ...logChecked],
          lastSeq,
        };
        if (snapshot.state_vector) stored.snapshotStateVector = new Uint8Array(snapshot.state_vector);
        return stored;
      });
      return read();
    },
    async appendUpdates(batch) {
      return append(batch, new Date().toISOString());
    },
    async compact(id, state, upToSeq, stateVector) {
      compactTx(id, state, upToSeq, stateVector);
    },
    async quarantine(id, update, reason) {
      insertQuarantine.run(id, updateHash(update), Buffer.from(update), reason.slice(0, 1_000), new Date().toISOString());
    },
    async listQuarantined(id) {
      return selectQuarantine.all(id).map((r) => ({ data: new Uint8Array(r.data), reason: r.reason, at: r.at }));
    },
  };
}
