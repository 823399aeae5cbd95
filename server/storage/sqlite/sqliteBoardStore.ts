import type Database from "better-sqlite3";
import type { BoardId } from "../../../lib/model/ids";
import type { AppendResult, BoardStore, BoardUpdates, StoredBoard } from "../boardStore";
import { toBoardRecord, type BoardRow } from "../rows";
import { prepareAppend } from "./appendLog.mjs";
import type { AppendThread } from "./appendThread";

/**
 * Boards and their update logs in SQLite. better-sqlite3 is synchronous, so every method has
 * finished its transaction before its promise settles.
 */
/** Inserts a board row and its first state; run inside a caller's transaction. */
export function boardInserter(db: Database.Database) {
  const insertBoard = db.prepare("INSERT INTO boards (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)");
  const insertUpdate = db.prepare("INSERT INTO board_updates (board_id, data) VALUES (?, ?)");
  return (id: string, title: string, state: Uint8Array, now: string) => {
    insertBoard.run(id, title, now, now);
    insertUpdate.run(id, Buffer.from(state));
  };
}

/** `appends`: commit update-log appends on that thread (files); without it, on this connection (`:memory:`). */
export function sqliteBoardStore(db: Database.Database, appends?: AppendThread): Omit<BoardStore, "close"> {
  const insertBoardWithState = boardInserter(db);
  const selectBoard = db.prepare<[string], BoardRow>("SELECT * FROM boards WHERE id = ?");
  const selectBoards = db.prepare<[], BoardRow>("SELECT * FROM boards ORDER BY updated_at DESC, id");
  const selectSnapshot = db.prepare<[string], { state: Buffer; state_vector: Buffer | null }>(
    "SELECT state, state_vector FROM board_snapshots WHERE board_id = ?",
  );
  const selectLog = db.prepare<[string], { data: Buffer }>("SELECT data FROM board_updates WHERE board_id = ? ORDER BY seq");
  const upsertSnapshot = db.prepare(
    `INSERT INTO board_snapshots (board_id, state, up_to_seq, state_vector) VALUES (?, ?, ?, ?)
     ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq, state_vector = excluded.state_vector`,
  );
  const deleteLogUpTo = db.prepare("DELETE FROM board_updates WHERE board_id = ? AND seq <= ?");

  const createTx = db.transaction(insertBoardWithState);

  const appendHere = prepareAppend(db);
  const append = async (batch: BoardUpdates[], now: string): Promise<Map<BoardId, AppendResult>> =>
    appends ? appends.append(batch, now) : new Map(appendHere(batch, now) as [BoardId, AppendResult][]);

  const compactTx = db.transaction((id: string, state: Uint8Array, upToSeq: number, stateVector: Uint8Array) => {
    upsertSnapshot.run(id, Buffer.from(state), upToSeq, Buffer.from(stateVector));
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
        const log = selectLog.all(id).map((r) => new Uint8Array(r.data));
        if (!snapshot) return { updates: log, logLength: log.length };
        const stored: StoredBoard = { updates: [new Uint8Array(snapshot.state), ...log], logLength: log.length };
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
  };
}
