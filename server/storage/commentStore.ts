import type { BoardId, UserId } from "../../lib/model/ids";
import type { CommentAnchor, NotificationKind } from "../../lib/protocol/comments";

export interface ThreadRecord {
  id: string;
  boardId: BoardId;
  anchor: CommentAnchor;
  anchorTitle: string;
  createdBy: UserId;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: UserId | null;
}

export interface CommentRecord {
  id: string;
  threadId: string;
  boardId: BoardId;
  authorId: UserId;
  /** The canonical Tiptap JSON (parseCommentBody's output), serialised; null once deleted. */
  body: string | null;
  /** Plain text for excerpts; empty once deleted. */
  text: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface NotificationRecord {
  id: string;
  userId: UserId;
  boardId: BoardId;
  threadId: string;
  commentId: string;
  kind: NotificationKind;
  actorId: UserId;
  createdAt: string;
  readAt: string | null;
}

/** A thread with its comments (oldest first) and the names of everyone involved. */
export interface ThreadWithComments extends ThreadRecord {
  comments: CommentRecord[];
}

/**
 * Comment threads and per-user notifications. Only the server writes here, with author and
 * time it chose itself; each method that writes several rows does so in one transaction, so a
 * comment is never stored without the notifications it causes (or the other way round). A
 * person gets at most one notification per comment: a second one for the same comment (say, a
 * mention added by an edit after a reply notice) is not stored.
 */
export interface CommentStore {
  createThread(thread: ThreadRecord, first: CommentRecord, notifications: NotificationRecord[]): Promise<void>;
  addComment(comment: CommentRecord, notifications: NotificationRecord[]): Promise<void>;
  /** Replaces a comment's body (an edit); the notifications are for people newly mentioned. */
  editComment(id: string, body: string, text: string, editedAt: string, notifications: NotificationRecord[]): Promise<void>;
  /**
   * Keeps the row as a placeholder (body null) and drops the notifications it caused; returns
   * whose notifications were dropped (their unread counts changed).
   */
  deleteComment(id: string, deletedAt: string): Promise<UserId[]>;
  setThreadResolved(threadId: string, resolvedAt: string | null, resolvedBy: UserId | null): Promise<void>;

  getThread(boardId: BoardId, threadId: string): Promise<ThreadWithComments | null>;
  getComment(boardId: BoardId, commentId: string): Promise<CommentRecord | null>;
  listThreads(boardId: BoardId): Promise<ThreadWithComments[]>;

  /** Newest first, only for boards the user is still a member of. */
  listNotifications(userId: UserId, limit: number): Promise<NotificationRecord[]>;
  countUnread(userId: UserId): Promise<number>;
  markRead(userId: UserId, ids: string[] | "all", at: string): Promise<void>;
}
