import { z } from "zod";
import type { CommentBody } from "../model/commentBody";
import type { BoardId, UserId } from "../model/ids";

/**
 * What the comment, inbox and change-summary routes send and take. Comments live in the
 * server's database, not in the board's Yjs document: the server alone writes them, stamping
 * author and time, so a commenter can comment without being able to touch the roadmap, and
 * nobody can post as someone else or back-date a comment.
 */

/** Where a thread hangs: an item, a milestone, or the board as a whole. */
export const commentAnchorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("board") }).strict(),
  z.object({ kind: z.literal("item"), id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict(),
  z.object({ kind: z.literal("milestone"), id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict(),
]);
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;

/** Threads, comments and notifications have opaque server-made ids. */
export const commentRecordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Bodies are checked in full by parseCommentBody on the server; routes only bound their size. */
export const newThreadInputSchema = z.object({ anchor: commentAnchorSchema, body: z.unknown() }).strict();
export const commentInputSchema = z.object({ body: z.unknown() }).strict();
export const threadPatchSchema = z.object({ resolved: z.boolean() }).strict();
export const markReadInputSchema = z.union([
  z.object({ ids: z.array(commentRecordIdSchema).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export interface PersonRef {
  id: UserId;
  name: string;
}

export interface CommentView {
  id: string;
  threadId: string;
  author: PersonRef;
  /** Null once deleted: the thread shows that a comment was there, not what it said. */
  body: CommentBody | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface ThreadView {
  id: string;
  boardId: BoardId;
  anchor: CommentAnchor;
  /** The anchor's title when the thread started (kept so a thread on a deleted item stays readable). */
  anchorTitle: string;
  createdBy: PersonRef;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: PersonRef | null;
  /** Oldest first; deleted comments stay as placeholders so replies keep their context. */
  comments: CommentView[];
}

/** "proposal": a proposal on a lane the reader answers for (docs/teams.md). */
export const NOTIFICATION_KINDS = ["mention", "reply", "new-thread", "proposal"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  boardId: BoardId;
  boardTitle: string;
  threadId: string;
  commentId: string;
  anchor: CommentAnchor;
  anchorTitle: string;
  actor: PersonRef;
  /** The comment's plain text, shortened. */
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxView {
  unread: number;
  notifications: NotificationView[];
}

export const ACTIVITY_KINDS = ["added", "moved", "edited", "deleted"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One person's changes of one kind to one item since the reader's last visit. */
export interface ItemChange {
  actor: PersonRef;
  kind: ActivityKind;
  itemId: string;
  title: string;
  /** How many separate edits were folded into this line. */
  count: number;
  /** The latest of them. */
  at: string;
}

/** One person's new comments in one thread since the reader's last visit. */
export interface CommentChange {
  actor: PersonRef;
  threadId: string;
  anchor: CommentAnchor;
  anchorTitle: string;
  count: number;
  at: string;
}

/** "What changed since your last visit": others' changes only, newest first. */
export interface ChangesSummary {
  /** When the reader last had the board open; null on a first visit (nothing to summarise). */
  since: string | null;
  items: ItemChange[];
  comments: CommentChange[];
  /** Lines left out (the oldest) because a list holds at most CHANGES_SUMMARY_LIMIT; 0 when none were. */
  omitted: number;
}

/** Lines per list in a ChangesSummary: a summary, not a log. */
export const CHANGES_SUMMARY_LIMIT = 50;

export { EVENTS_PATH, type LiveEvent } from "./events";
