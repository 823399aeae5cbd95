import type Database from "better-sqlite3";
import type { BoardId } from "../../../lib/model/ids";
import type { AppendResult, BoardRecord, BoardStore, BoardUpdates } from "../boardStore";

export interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export const toBoardRecord = (row: BoardRow): BoardRecord => ({
  id: row.id as BoardId,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

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

export function sqliteBoardStore(db: Database.Database): Omit<BoardStore, "close"> {
  const insertBoardWithState = boardInserter(db);
  const selectBoard = db.prepare<[string], BoardRow>("SELECT * FROM boards WHERE id = ?");
  const selectBoards = db.prepare<[], BoardRow>("SELECT * FROM boards ORDER BY updated_at DESC, id");
  const selectSnapshot = db.prepare<[string], { state: Buffer; up_to_seq: number }>(
    "SELECT state, up_to_seq FROM board_snapshots WHERE board_id = ?",
  );
  const selectLog = db.prepare<[string], { data: Buffer }>("SELECT data FROM board_updates WHERE board_id = ? ORDER BY seq");
  const insertUpdate = db.prepare("INSERT INTO board_updates (board_id, data) VALUES (?, ?)");
  const countLog = db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?");
  const touchBoard = db.prepare("UPDATE boards SET updated_at = ?, title = COALESCE(?, title) WHERE id = ?");
  const upsertSnapshot = db.prepare(
    `INSERT INTO board_snapshots (board_id, state, up_to_seq) VALUES (?, ?, ?)
     ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq`,
  );
  const deleteLogUpTo = db.prepare("DELETE FROM board_updates WHERE board_id = ? AND seq <= ?");

  const createTx = db.transaction(insertBoardWithState);

  const appendTx = db.transaction((batch: BoardUpdates[], now: string) => {
    const results = new Map<BoardId, AppendResult>();
    for (const { boardId, updates, title } of batch) {
      let lastSeq = 0;
      for (const update of updates) lastSeq = Number(insertUpdate.run(boardId, Buffer.from(update)).lastInsertRowid);
      touchBoard.run(now, title ?? null, boardId);
      results.set(boardId, { lastSeq, logLength: countLog.get(boardId)!.n });
    }
    return results;
  });

  const compactTx = db.transaction((id: string, state: Uint8Array, upToSeq: number) => {
    upsertSnapshot.run(id, Buffer.from(state), upToSeq);
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
      const read = db.transaction(() => {
        const snapshot = selectSnapshot.get(id);
        const log = selectLog.all(id).map((r) => new Uint8Array(r.data));
        return { updates: snapshot ? [new Uint8Array(snapshot.state), ...log] : log, logLength: log.length };
      });
      return read();
    },
    async appendUpdates(batch) {
      return appendTx(batch, new Date().toISOString());
    },
    async compact(id, state, upToSeq) {
      compactTx(id, state, upToSeq);
    },
  };
}
