import type { Pool } from "pg";
import { OPEN_REQUEST_STATES } from "../../../lib/protocol/dependencyRequests";
import { changeColumns, REQUEST_COLUMNS, requestValues, toRequest, type DependencyRequestRow } from "../dependencyRequestRows";
import type { DependencyRequestStore } from "../dependencyRequestStore";
import { inTransaction } from "./transaction";

const PLACEHOLDERS = REQUEST_COLUMNS.split(",").map((_, i) => `$${i + 1}`).join(", ");

/** Dependency requests in the same PostgreSQL database as the boards. */
export function pgDependencyRequestStore(pool: Pool): DependencyRequestStore {
  return {
    async createDependencyRequest(record, maxOpen) {
      return inTransaction(pool, async (client) => {
        // The board's row, locked: two instances creating requests on one board take turns, so the cap and the pair rule hold.
        const board = await client.query("SELECT id FROM boards WHERE id = $1 FOR UPDATE", [record.boardId]);
        if (board.rowCount === 0) return "no-board" as const;
        const open = await client.query<{ n: string }>(
          "SELECT COUNT(*) AS n FROM dependency_requests WHERE board_id = $1 AND state = ANY($2::text[])",
          [record.boardId, OPEN_REQUEST_STATES],
        );
        if (Number(open.rows[0]!.n) >= maxOpen) return "full" as const;
        const between = await client.query(
          `SELECT 1 FROM dependency_requests WHERE board_id = $1 AND state = ANY($2::text[])
             AND ((from_item_id = $3 AND to_item_id = $4) OR (from_item_id = $4 AND to_item_id = $3)) LIMIT 1`,
          [record.boardId, OPEN_REQUEST_STATES, record.fromItemId, record.toItemId],
        );
        if ((between.rowCount ?? 0) > 0) return "duplicate" as const;
        await client.query(`INSERT INTO dependency_requests (${REQUEST_COLUMNS}) VALUES (${PLACEHOLDERS})`, requestValues(record));
        return "created" as const;
      });
    },
    async listDependencyRequests(boardId) {
      const { rows } = await pool.query<DependencyRequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM dependency_requests WHERE board_id = $1 ORDER BY created_at, id`,
        [boardId],
      );
      return rows.map(toRequest);
    },
    async getDependencyRequest(boardId, id) {
      const { rows } = await pool.query<DependencyRequestRow>(`SELECT ${REQUEST_COLUMNS} FROM dependency_requests WHERE board_id = $1 AND id = $2`, [boardId, id]);
      return rows[0] ? toRequest(rows[0]) : null;
    },
    async updateDependencyRequest(boardId, id, expected, change) {
      if (expected.length === 0) return null;
      const { columns, values } = changeColumns(change);
      const n = values.length;
      const where = `board_id = $${n + 1} AND id = $${n + 2} AND state = ANY($${n + 3}::text[])`;
      const sql =
        columns.length === 0
          ? `SELECT ${REQUEST_COLUMNS} FROM dependency_requests WHERE ${where}`
          : // One statement: the row is locked, its state checked and the answer written at once.
            `UPDATE dependency_requests SET ${columns.map((c, i) => `${c} = $${i + 1}`).join(", ")} WHERE ${where} RETURNING ${REQUEST_COLUMNS}`;
      const { rows } = await pool.query<DependencyRequestRow>(sql, [...values, boardId, id, [...expected]]);
      return rows[0] ? toRequest(rows[0]) : null;
    },
  };
}
