import type Database from "better-sqlite3";
import { OPEN_REQUEST_STATES } from "../../../lib/protocol/dependencyRequests";
import { changeColumns, REQUEST_COLUMNS, requestValues, toRequest, type DependencyRequestRow } from "../dependencyRequestRows";
import type { CreateRequestOutcome, DependencyRequestStore } from "../dependencyRequestStore";

const OPEN = OPEN_REQUEST_STATES.map((s) => `'${s}'`).join(", ");

/** Dependency requests in the same SQLite file as the boards; one connection, so a transaction serialises them. */
export function sqliteDependencyRequestStore(db: Database.Database): DependencyRequestStore {
  const q = {
    board: db.prepare<[string], { id: string }>("SELECT id FROM boards WHERE id = ?"),
    open: db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM dependency_requests WHERE board_id = ? AND state IN (${OPEN})`),
    between: db.prepare<[string, string, string, string, string], { id: string }>(
      `SELECT id FROM dependency_requests WHERE board_id = ? AND state IN (${OPEN})
         AND ((from_item_id = ? AND to_item_id = ?) OR (from_item_id = ? AND to_item_id = ?)) LIMIT 1`,
    ),
    insert: db.prepare(`INSERT INTO dependency_requests (${REQUEST_COLUMNS}) VALUES (${REQUEST_COLUMNS.split(",").map(() => "?").join(", ")})`),
    list: db.prepare<[string], DependencyRequestRow>(`SELECT ${REQUEST_COLUMNS} FROM dependency_requests WHERE board_id = ? ORDER BY created_at, rowid`),
    get: db.prepare<[string, string], DependencyRequestRow>(`SELECT ${REQUEST_COLUMNS} FROM dependency_requests WHERE board_id = ? AND id = ?`),
  };
  const create = db.transaction((record: Parameters<DependencyRequestStore["createDependencyRequest"]>[0], maxOpen: number): CreateRequestOutcome => {
    if (!q.board.get(record.boardId)) return "no-board";
    if (q.open.get(record.boardId)!.n >= maxOpen) return "full";
    const { boardId, fromItemId: from, toItemId: to } = record;
    if (q.between.get(boardId, from, to, to, from)) return "duplicate";
    q.insert.run(...requestValues(record));
    return "created";
  });
  return {
    async createDependencyRequest(record, maxOpen) {
      return create(record, maxOpen);
    },
    async listDependencyRequests(boardId) {
      return q.list.all(boardId).map(toRequest);
    },
    async getDependencyRequest(boardId, id) {
      const row = q.get.get(boardId, id);
      return row ? toRequest(row) : null;
    },
    async updateDependencyRequest(boardId, id, expected, change) {
      const { columns, values } = changeColumns(change);
      if (expected.length === 0) return null;
      const states = expected.map(() => "?").join(", ");
      if (columns.length === 0) {
        const row = db.prepare<unknown[], DependencyRequestRow>(`SELECT ${REQUEST_COLUMNS} FROM dependency_requests WHERE board_id = ? AND id = ? AND state IN (${states})`).get(boardId, id, ...expected);
        return row ? toRequest(row) : null;
      }
      // One statement: the state it expects is checked and the answer written at once.
      const row = db
        .prepare<unknown[], DependencyRequestRow>(
          `UPDATE dependency_requests SET ${columns.map((c) => `${c} = ?`).join(", ")} WHERE board_id = ? AND id = ? AND state IN (${states}) RETURNING ${REQUEST_COLUMNS}`,
        )
        .get(...values, boardId, id, ...expected);
      return row ? toRequest(row) : null;
    },
  };
}
