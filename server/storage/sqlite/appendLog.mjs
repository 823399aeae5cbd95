/**
 * The update-log append as one SQLite transaction, shared by the connection on the event loop
 * (in-memory databases) and the append thread (appendWorker.mjs). Plain JavaScript so that
 * worker thread loads it the same way under tsx, vitest and node.
 *
 * @param {import("better-sqlite3").Database} db
 * @returns {(batch: { boardId: string; updates: Uint8Array[]; title?: string; checked?: boolean }[], now: string) => [string, { lastSeq: number; logLength: number }][]}
 */
export function prepareAppend(db) {
  const insertUpdate = db.prepare("INSERT INTO board_updates (board_id, data, checked, at) VALUES (?, ?, ?, ?)");
  const countLog = db.prepare("SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?");
  const touchBoard = db.prepare("UPDATE boards SET updated_at = ?, title = COALESCE(?, title) WHERE id = ?");
  return db.transaction((batch, now) => {
    /** @type {[string, { lastSeq: number; logLength: number }][]} */
    const results = [];
    for (const { boardId, updates, title, checked } of batch) {
      let lastSeq = 0;
      for (const update of updates) lastSeq = Number(insertUpdate.run(boardId, Buffer.from(update), checked ? 1 : 0, now).lastInsertRowid);
      touchBoard.run(now, title ?? null, boardId);
      results.push([boardId, { lastSeq, logLength: /** @type {{ n: number }} */ (countLog.get(boardId)).n }]);
    }
    return results;
  });
}
