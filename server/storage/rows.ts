import { createHash } from "node:crypto";
import type { BoardId, UserId } from "../../lib/model/ids";
import type { ActivityKind, CommentAnchor, NotificationKind } from "../../lib/protocol/comments";
import type { Role } from "../../lib/protocol/roles";
import type { InvitationRecord, ShareLinkRecord, UserWithSecret } from "./accountStore";
import type { ActivityRecord } from "./activityStore";
import type { BoardRecord } from "./boardStore";
import type { CommentRecord, NotificationRecord, ThreadRecord } from "./commentStore";

/**
 * Rows as both SQL stores read them (same table and column names in SQLite and PostgreSQL),
 * and the one mapping from a row to what the storage interface returns. Sharing the mapping is
 * what keeps the two implementations returning identical records.
 */

export interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}
export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: string;
}
export interface InvitationRow {
  id: string;
  board_id: string;
  email: string;
  role: string;
  invited_by: string;
  created_at: string;
  expires_at: string | null;
}
export interface ShareLinkRow {
  id: string;
  board_id: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}
export interface ThreadRow {
  id: string;
  board_id: string;
  anchor_kind: string;
  anchor_id: string | null;
  anchor_title: string;
  created_by: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}
export interface CommentRow {
  id: string;
  thread_id: string;
  board_id: string;
  author_id: string;
  body: string | null;
  text: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}
export interface NotificationRow {
  id: string;
  user_id: string;
  board_id: string;
  thread_id: string;
  comment_id: string;
  kind: string;
  actor_id: string;
  created_at: string;
  read_at: string | null;
}
export interface ActivityRow {
  board_id: string;
  user_id: string;
  item_id: string;
  kind: string;
  title: string;
  at: string;
}

export const toBoardRecord = (row: BoardRow): BoardRecord => ({
  id: row.id as BoardId,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toUser = (r: UserRow): UserWithSecret => ({
  id: r.id as UserId,
  email: r.email,
  name: r.name,
  createdAt: r.created_at,
  passwordHash: r.password_hash,
});
export const withoutSecret = ({ passwordHash: _secret, ...user }: UserWithSecret) => user;
export const toInvitation = (r: InvitationRow): InvitationRecord => ({
  id: r.id,
  boardId: r.board_id as BoardId,
  email: r.email,
  role: r.role as Role,
  invitedBy: r.invited_by as UserId,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});
export const toShareLink = (r: ShareLinkRow): ShareLinkRecord => ({
  id: r.id,
  boardId: r.board_id as BoardId,
  createdBy: r.created_by as UserId,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** Rows were written by a store from parsed anchors; a row it cannot read names the board. */
function toAnchor(kind: string, id: string | null): CommentAnchor {
  if ((kind === "item" || kind === "milestone") && id) return { kind, id };
  return { kind: "board" };
}
export const toThread = (r: ThreadRow): ThreadRecord => ({
  id: r.id,
  boardId: r.board_id as BoardId,
  anchor: toAnchor(r.anchor_kind, r.anchor_id),
  anchorTitle: r.anchor_title,
  createdBy: r.created_by as UserId,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by as UserId | null,
});
export const toComment = (r: CommentRow): CommentRecord => ({
  id: r.id,
  threadId: r.thread_id,
  boardId: r.board_id as BoardId,
  authorId: r.author_id as UserId,
  body: r.body,
  text: r.text,
  createdAt: r.created_at,
  editedAt: r.edited_at,
  deletedAt: r.deleted_at,
});
export const toNotification = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  userId: r.user_id as UserId,
  boardId: r.board_id as BoardId,
  threadId: r.thread_id,
  commentId: r.comment_id,
  kind: r.kind as NotificationKind,
  actorId: r.actor_id as UserId,
  createdAt: r.created_at,
  readAt: r.read_at,
});
export const toActivity = (r: ActivityRow): ActivityRecord => ({
  boardId: r.board_id as BoardId,
  userId: r.user_id as UserId,
  objectId: r.item_id,
  kind: r.kind as ActivityKind,
  title: r.title,
  at: r.at,
});

/** Identifies a stored update by its bytes, so the same update is quarantined once. */
export function updateHash(update: Uint8Array): string {
  return createHash("sha256").update(update).digest("hex");
}
