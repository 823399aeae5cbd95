import type { Pool, PoolClient } from "pg";
import type { UserId } from "../../../lib/model/ids";
import type { CommentRecord, CommentStore, NotificationRecord, ThreadWithComments } from "../commentStore";
import { toComment, toNotification, toThread, type CommentRow, type NotificationRow, type ThreadRow } from "../rows";
import { inTransaction } from "./transaction";

const THREAD = "id, board_id, anchor_kind, anchor_id, anchor_title, created_by, created_at, resolved_at, resolved_by";
const COMMENT = "id, thread_id, board_id, author_id, body, text, created_at, edited_at, deleted_at";
const NOTIFICATION = "n.id, n.user_id, n.board_id, n.thread_id, n.comment_id, n.kind, n.actor_id, n.created_at, n.read_at";

async function insertComment(client: PoolClient, c: CommentRecord): Promise<void> {
  await client.query(
    `INSERT INTO comments (${COMMENT}) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)`,
    [c.id, c.threadId, c.boardId, c.authorId, c.body, c.text, c.createdAt],
  );
}

/** In the given order, so `ord` (the tie-break of equal times) follows it as SQLite's rowid does. */
async function insertNotifications(client: PoolClient, notifications: NotificationRecord[]): Promise<void> {
  for (const n of notifications) {
    // A second notification for the same person and comment is dropped (the unique index).
    await client.query(
      `INSERT INTO notifications (id, user_id, board_id, thread_id, comment_id, kind, actor_id, created_at, read_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL) ON CONFLICT (comment_id, user_id) DO NOTHING`,
      [n.id, n.userId, n.boardId, n.threadId, n.commentId, n.kind, n.actorId, n.createdAt],
    );
  }
}

/** Threads, comments and notifications in the same PostgreSQL database as the boards. */
export function pgCommentStore(pool: Pool): CommentStore {
  return {
    async createThread(t, first, notifications) {
      await inTransaction(pool, async (client) => {
        const anchorId = t.anchor.kind === "board" ? null : t.anchor.id;
        await client.query(
          `INSERT INTO comment_threads (${THREAD}) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)`,
          [t.id, t.boardId, t.anchor.kind, anchorId, t.anchorTitle, t.createdBy, t.createdAt],
        );
        await insertComment(client, first);
        await insertNotifications(client, notifications);
      });
    },
    async addComment(comment, notifications) {
      await inTransaction(pool, async (client) => {
        await insertComment(client, comment);
        await insertNotifications(client, notifications);
      });
    },
    async editComment(id, body, text, editedAt, notifications) {
      await inTransaction(pool, async (client) => {
        const edited = await client.query(
          "UPDATE comments SET body = $1, text = $2, edited_at = $3 WHERE id = $4 AND deleted_at IS NULL",
          [body, text, editedAt, id],
        );
        // A comment deleted meanwhile stays deleted, and its would-be notices are not written.
        if (edited.rowCount === 0) return;
        await insertNotifications(client, notifications);
      });
    },
    async deleteComment(id, deletedAt) {
      return inTransaction(pool, async (client) => {
        const dropped = await client.query<{ user_id: string }>(
          "WITH d AS (DELETE FROM notifications WHERE comment_id = $1 RETURNING user_id) SELECT user_id FROM d ORDER BY user_id",
          [id],
        );
        await client.query("UPDATE comments SET body = NULL, text = '', deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL", [
          deletedAt,
          id,
        ]);
        return dropped.rows.map((r) => r.user_id as UserId);
      });
    },
    async setThreadResolved(threadId, resolvedAt, resolvedBy) {
      await pool.query("UPDATE comment_threads SET resolved_at = $1, resolved_by = $2 WHERE id = $3", [resolvedAt, resolvedBy, threadId]);
    },
    async getThread(boardId, threadId) {
      // Both reads see one snapshot (REPEATABLE READ), as SQLite's synchronous reads do.
      return inTransaction(
        pool,
        async (client) => {
          const thread = await client.query<ThreadRow>(`SELECT ${THREAD} FROM comment_threads WHERE board_id = $1 AND id = $2`, [
            boardId,
            threadId,
          ]);
          const row = thread.rows[0];
          if (!row) return null;
          const comments = await client.query<CommentRow>(
            `SELECT ${COMMENT} FROM comments WHERE thread_id = $1 ORDER BY created_at, ord`,
            [row.id],
          );
          return { ...toThread(row), comments: comments.rows.map(toComment) };
        },
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
      );
    },
    async getComment(boardId, commentId) {
      const { rows } = await pool.query<CommentRow>(`SELECT ${COMMENT} FROM comments WHERE board_id = $1 AND id = $2`, [
        boardId,
        commentId,
      ]);
      return rows[0] ? toComment(rows[0]) : null;
    },
    async listThreads(boardId) {
      // Two queries for the whole board instead of one per thread, read from one snapshot.
      return inTransaction(
        pool,
        async (client) => {
          const threads = (
            await client.query<ThreadRow>(`SELECT ${THREAD} FROM comment_threads WHERE board_id = $1 ORDER BY created_at, ord`, [boardId])
          ).rows.map((row): ThreadWithComments => ({ ...toThread(row), comments: [] }));
          const byId = new Map(threads.map((t) => [t.id, t]));
          const comments = await client.query<CommentRow>(`SELECT ${COMMENT} FROM comments WHERE board_id = $1 ORDER BY created_at, ord`, [
            boardId,
          ]);
          for (const row of comments.rows) byId.get(row.thread_id)?.comments.push(toComment(row));
          return threads;
        },
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
      );
    },
    async listNotifications(userId, limit) {
      // The join with memberships hides notices from boards the person left or was removed from.
      const { rows } = await pool.query<NotificationRow>(
        `SELECT ${NOTIFICATION} FROM notifications n JOIN memberships m ON m.board_id = n.board_id AND m.user_id = n.user_id
         WHERE n.user_id = $1 ORDER BY n.created_at DESC, n.ord DESC LIMIT $2`,
        [userId, limit],
      );
      return rows.map(toNotification);
    },
    async countUnread(userId) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM notifications n JOIN memberships m ON m.board_id = n.board_id AND m.user_id = n.user_id
         WHERE n.user_id = $1 AND n.read_at IS NULL`,
        [userId],
      );
      return rows[0]!.n;
    },
    async markRead(userId, ids, at) {
      if (ids === "all") {
        await pool.query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL", [at, userId]);
      } else if (ids.length) {
        await pool.query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = ANY($3) AND read_at IS NULL", [
          at,
          userId,
          ids,
        ]);
      }
    },
  };
}
