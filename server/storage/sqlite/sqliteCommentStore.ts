import type Database from "better-sqlite3";
import type { UserId } from "../../../lib/model/ids";
import type { CommentRecord, CommentStore, NotificationRecord, ThreadRecord, ThreadWithComments } from "../commentStore";
import { toComment, toNotification, toThread, type CommentRow, type NotificationRow, type ThreadRow } from "../rows";

/** Threads, comments and notifications in the same SQLite file as the boards. */
export function sqliteCommentStore(db: Database.Database): CommentStore {
  const q = {
    insertThread: db.prepare(
      `INSERT INTO comment_threads (id, board_id, anchor_kind, anchor_id, anchor_title, created_by, created_at, resolved_at, resolved_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
    ),
    insertComment: db.prepare(
      `INSERT INTO comments (id, thread_id, board_id, author_id, body, text, created_at, edited_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
    ),
    // A second notification for the same person and comment is dropped (the unique index).
    insertNotification: db.prepare(
      `INSERT INTO notifications (id, user_id, board_id, thread_id, comment_id, kind, actor_id, created_at, read_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (comment_id, user_id) DO NOTHING`,
    ),
    editComment: db.prepare("UPDATE comments SET body = ?, text = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL"),
    deleteComment: db.prepare("UPDATE comments SET body = NULL, text = '', deleted_at = ? WHERE id = ? AND deleted_at IS NULL"),
    notifiedBy: db.prepare<[string], { user_id: string }>("SELECT user_id FROM notifications WHERE comment_id = ?"),
    dropNotifications: db.prepare("DELETE FROM notifications WHERE comment_id = ?"),
    resolve: db.prepare("UPDATE comment_threads SET resolved_at = ?, resolved_by = ? WHERE id = ?"),
    thread: db.prepare<[string, string], ThreadRow>("SELECT * FROM comment_threads WHERE board_id = ? AND id = ?"),
    threadComments: db.prepare<[string], CommentRow>("SELECT * FROM comments WHERE thread_id = ? ORDER BY created_at, rowid"),
    comment: db.prepare<[string, string], CommentRow>("SELECT * FROM comments WHERE board_id = ? AND id = ?"),
    boardThreads: db.prepare<[string], ThreadRow>("SELECT * FROM comment_threads WHERE board_id = ? ORDER BY created_at, rowid"),
    boardComments: db.prepare<[string], CommentRow>("SELECT * FROM comments WHERE board_id = ? ORDER BY created_at, rowid"),
    // The join with memberships hides notices from boards the person left or was removed from.
    notifications: db.prepare<[string, number], NotificationRow>(
      `SELECT n.* FROM notifications n JOIN memberships m ON m.board_id = n.board_id AND m.user_id = n.user_id
       WHERE n.user_id = ? ORDER BY n.created_at DESC, n.rowid DESC LIMIT ?`,
    ),
    unread: db.prepare<[string], { n: number }>(
      `SELECT COUNT(*) AS n FROM notifications n JOIN memberships m ON m.board_id = n.board_id AND m.user_id = n.user_id
       WHERE n.user_id = ? AND n.read_at IS NULL`,
    ),
    markOne: db.prepare("UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL"),
    markAll: db.prepare("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL"),
  };

  const insertNotifications = (notifications: NotificationRecord[]) => {
    for (const n of notifications) {
      q.insertNotification.run(n.id, n.userId, n.boardId, n.threadId, n.commentId, n.kind, n.actorId, n.createdAt);
    }
  };
  const insertComment = (c: CommentRecord) =>
    q.insertComment.run(c.id, c.threadId, c.boardId, c.authorId, c.body, c.text, c.createdAt);

  const createThreadTx = db.transaction((t: ThreadRecord, first: CommentRecord, notifications: NotificationRecord[]) => {
    const anchorId = t.anchor.kind === "board" ? null : t.anchor.id;
    q.insertThread.run(t.id, t.boardId, t.anchor.kind, anchorId, t.anchorTitle, t.createdBy, t.createdAt);
    insertComment(first);
    insertNotifications(notifications);
  });
  const addCommentTx = db.transaction((c: CommentRecord, notifications: NotificationRecord[]) => {
    insertComment(c);
    insertNotifications(notifications);
  });
  const editCommentTx = db.transaction(
    (id: string, body: string, text: string, editedAt: string, notifications: NotificationRecord[]) => {
      // A comment deleted meanwhile stays deleted, and its would-be notices are not written.
      if (q.editComment.run(body, text, editedAt, id).changes === 0) return;
      insertNotifications(notifications);
    },
  );
  const deleteCommentTx = db.transaction((id: string, deletedAt: string): UserId[] => {
    const notified = q.notifiedBy.all(id).map((r) => r.user_id as UserId);
    q.dropNotifications.run(id);
    q.deleteComment.run(deletedAt, id);
    return notified;
  });
  const markReadTx = db.transaction((userId: string, ids: string[] | "all", at: string) => {
    if (ids === "all") q.markAll.run(at, userId);
    else for (const id of ids) q.markOne.run(at, userId, id);
  });

  return {
    async createThread(thread, first, notifications) {
      createThreadTx(thread, first, notifications);
    },
    async addComment(comment, notifications) {
      addCommentTx(comment, notifications);
    },
    async editComment(id, body, text, editedAt, notifications) {
      editCommentTx(id, body, text, editedAt, notifications);
    },
    async deleteComment(id, deletedAt) {
      return deleteCommentTx(id, deletedAt);
    },
    async setThreadResolved(threadId, resolvedAt, resolvedBy) {
      q.resolve.run(resolvedAt, resolvedBy, threadId);
    },
    async getThread(boardId, threadId) {
      const row = q.thread.get(boardId, threadId);
      return row ? { ...toThread(row), comments: q.threadComments.all(row.id).map(toComment) } : null;
    },
    async getComment(boardId, commentId) {
      const row = q.comment.get(boardId, commentId);
      return row ? toComment(row) : null;
    },
    async listThreads(boardId) {
      // Two queries for the whole board instead of one per thread.
      const threads = q.boardThreads.all(boardId).map((row): ThreadWithComments => ({ ...toThread(row), comments: [] }));
      const byId = new Map(threads.map((t) => [t.id, t]));
      for (const row of q.boardComments.all(boardId)) byId.get(row.thread_id)?.comments.push(toComment(row));
      return threads;
    },
    async listNotifications(userId, limit) {
      return q.notifications.all(userId, limit).map(toNotification);
    },
    async countUnread(userId) {
      return q.unread.get(userId)!.n;
    },
    async markRead(userId, ids, at) {
      markReadTx(userId, ids, at);
    },
  };
}
