import type { Pool } from "pg";
import type { HistoryRow, VersionRecord, VersionStore } from "../versionStore";
import { toVersionRecord, type VersionRow } from "../versionRows";
import { asBytea, fromBytea, inTransaction } from "./transaction";

const COLUMNS = "id, board_id, name, note, reason, author_id, created_at, seq, octet_length(state) AS bytes";

/** Versions, baselines and recorded history in the same PostgreSQL database as the boards. */
export function pgVersionStore(pool: Pool): VersionStore {
  const get = async (boardId: string, versionId: string) => {
    const { rows } = await pool.query<VersionRow>(`SELECT ${COLUMNS} FROM board_versions WHERE board_id = $1 AND id = $2`, [boardId, versionId]);
    return rows[0] ? toVersionRecord(rows[0]) : null;
  };
  return {
    async saveVersion(record, state) {
      const { id, boardId, name, note, reason, authorId, createdAt, seq } = record;
      // A board deleted meanwhile gets no version (an automatic one is taken a moment after an edit).
      const { rowCount } = await pool.query(
        `INSERT INTO board_versions (id, board_id, name, note, reason, author_id, created_at, seq, state)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE EXISTS (SELECT 1 FROM boards WHERE id = $2)`,
        [id, boardId, name, note, reason, authorId, createdAt, seq, asBytea(state)],
      );
      return rowCount ? ({ ...record, bytes: state.byteLength } satisfies VersionRecord) : null;
    },
    async listVersions(boardId) {
      const { rows } = await pool.query<VersionRow>(
        `SELECT ${COLUMNS} FROM board_versions WHERE board_id = $1 ORDER BY created_at DESC, ord DESC`,
        [boardId],
      );
      return rows.map(toVersionRecord);
    },
    getVersion: get,
    async loadVersionState(boardId, versionId) {
      const { rows } = await pool.query<{ state: Buffer }>("SELECT state FROM board_versions WHERE board_id = $1 AND id = $2", [boardId, versionId]);
      return rows[0] ? fromBytea(rows[0].state) : null;
    },
    async updateVersion(boardId, versionId, patch) {
      if (patch.name !== undefined) await pool.query("UPDATE board_versions SET name = $1 WHERE board_id = $2 AND id = $3", [patch.name, boardId, versionId]);
      if (patch.note !== undefined) await pool.query("UPDATE board_versions SET note = $1 WHERE board_id = $2 AND id = $3", [patch.note, boardId, versionId]);
      return get(boardId, versionId);
    },
    async deleteVersions(boardId, versionIds) {
      if (!versionIds.length) return;
      await inTransaction(pool, async (client) => {
        await client.query("UPDATE boards SET baseline_version_id = NULL WHERE id = $1 AND baseline_version_id = ANY($2::text[])", [boardId, versionIds]);
        await client.query("DELETE FROM board_versions WHERE board_id = $1 AND id = ANY($2::text[])", [boardId, versionIds]);
      });
    },
    async getBaseline(boardId) {
      const { rows } = await pool.query<{ baseline_version_id: string | null }>("SELECT baseline_version_id FROM boards WHERE id = $1", [boardId]);
      return rows[0]?.baseline_version_id ?? null;
    },
    async setBaseline(boardId, versionId) {
      // One statement: the version must be the board's at the moment the baseline is written.
      const { rowCount } = await pool.query(
        `UPDATE boards SET baseline_version_id = $2 WHERE id = $1
         AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM board_versions WHERE board_id = $1 AND id = $2))`,
        [boardId, versionId],
      );
      return (rowCount ?? 0) > 0;
    },
    async loadHistory(boardId, afterSeq, until, limit) {
      const { rows } = await pool.query<{ seq: string; at: string; data: Buffer }>(
        `SELECT seq, at, data FROM board_history WHERE board_id = $1 AND seq > $2 AND at <= $3
         UNION ALL
         SELECT seq, at, data FROM board_updates WHERE board_id = $1 AND seq > $2 AND at IS NOT NULL AND at <= $3
         ORDER BY seq LIMIT $4`,
        [boardId, afterSeq, until, limit],
      );
      return rows.map((r): HistoryRow => ({ seq: Number(r.seq), at: r.at, data: fromBytea(r.data) }));
    },
    async pruneHistory(boardId, before) {
      await pool.query("DELETE FROM board_history WHERE board_id = $1 AND at < $2", [boardId, before]);
    },
  };
}
