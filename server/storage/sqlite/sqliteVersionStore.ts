import type Database from "better-sqlite3";
import type { HistoryRow, VersionRecord, VersionStore } from "../versionStore";
import { toVersionRecord, type VersionRow } from "../versionRows";

const COLUMNS = "id, board_id, name, note, reason, author_id, created_at, seq, length(state) AS bytes";

/** Versions, baselines and recorded history in the same SQLite file as the boards. */
export function sqliteVersionStore(db: Database.Database): VersionStore {
  const q = {
    // A board deleted meanwhile gets no version (an automatic one is taken a moment after an edit).
    insert: db.prepare(
      `INSERT INTO board_versions (id, board_id, name, note, reason, author_id, created_at, seq, state)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM boards WHERE id = ?)`,
    ),
    list: db.prepare<[string], VersionRow>(`SELECT ${COLUMNS} FROM board_versions WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`),
    get: db.prepare<[string, string], VersionRow>(`SELECT ${COLUMNS} FROM board_versions WHERE board_id = ? AND id = ?`),
    state: db.prepare<[string, string], { state: Buffer }>("SELECT state FROM board_versions WHERE board_id = ? AND id = ?"),
    rename: db.prepare("UPDATE board_versions SET name = ? WHERE board_id = ? AND id = ?"),
    renote: db.prepare("UPDATE board_versions SET note = ? WHERE board_id = ? AND id = ?"),
    delete: db.prepare("DELETE FROM board_versions WHERE board_id = ? AND id = ?"),
    clearBaselineOf: db.prepare("UPDATE boards SET baseline_version_id = NULL WHERE id = ? AND baseline_version_id = ?"),
    baseline: db.prepare<[string], { baseline_version_id: string | null }>("SELECT baseline_version_id FROM boards WHERE id = ?"),
    setBaseline: db.prepare("UPDATE boards SET baseline_version_id = ? WHERE id = ?"),
    history: db.prepare<[string, number, string, string, number, string, number], { seq: number; at: string; data: Buffer }>(
      `SELECT seq, at, data FROM board_history WHERE board_id = ? AND seq > ? AND at <= ?
       UNION ALL
       SELECT seq, at, data FROM board_updates WHERE board_id = ? AND seq > ? AND at IS NOT NULL AND at <= ?
       ORDER BY seq LIMIT ?`,
    ),
    prune: db.prepare("DELETE FROM board_history WHERE board_id = ? AND at < ?"),
  };
  const updateTx = db.transaction((boardId: string, versionId: string, patch: { name?: string; note?: string | null }) => {
    if (patch.name !== undefined) q.rename.run(patch.name, boardId, versionId);
    if (patch.note !== undefined) q.renote.run(patch.note, boardId, versionId);
    return q.get.get(boardId, versionId);
  });
  const deleteTx = db.transaction((boardId: string, ids: string[]) => {
    for (const id of ids) {
      q.clearBaselineOf.run(boardId, id);
      q.delete.run(boardId, id);
    }
  });

  return {
    async saveVersion(record, state) {
      const { id, boardId, name, note, reason, authorId, createdAt, seq } = record;
      const { changes } = q.insert.run(id, boardId, name, note, reason, authorId, createdAt, seq, Buffer.from(state), boardId);
      return changes ? ({ ...record, bytes: state.byteLength } satisfies VersionRecord) : null;
    },
    async listVersions(boardId) {
      return q.list.all(boardId).map(toVersionRecord);
    },
    async getVersion(boardId, versionId) {
      const row = q.get.get(boardId, versionId);
      return row ? toVersionRecord(row) : null;
    },
    async loadVersionState(boardId, versionId) {
      const row = q.state.get(boardId, versionId);
      return row ? new Uint8Array(row.state) : null;
    },
    async updateVersion(boardId, versionId, patch) {
      const row = updateTx(boardId, versionId, patch);
      return row ? toVersionRecord(row) : null;
    },
    async deleteVersions(boardId, versionIds) {
      if (versionIds.length) deleteTx(boardId, versionIds);
    },
    async getBaseline(boardId) {
      return q.baseline.get(boardId)?.baseline_version_id ?? null;
    },
    async setBaseline(boardId, versionId) {
      if (versionId !== null && !q.get.get(boardId, versionId)) return false;
      return q.setBaseline.run(versionId, boardId).changes > 0;
    },
    async loadHistory(boardId, afterSeq, until, limit) {
      return q.history
        .all(boardId, afterSeq, until, boardId, afterSeq, until, limit)
        .map((r): HistoryRow => ({ seq: Number(r.seq), at: r.at, data: new Uint8Array(r.data) }));
    },
    async pruneHistory(boardId, before) {
      q.prune.run(boardId, before);
    },
  };
}
