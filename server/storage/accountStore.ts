import type { BoardId, UserId } from "../../lib/model/ids";
import type { Role } from "../../lib/protocol/roles";
import type { BoardRecord } from "./boardStore";

export interface UserRecord {
  id: UserId;
  email: string;
  name: string;
  createdAt: string;
}

export interface UserWithSecret extends UserRecord {
  /** Null for accounts that only sign in through GitHub or Google. */
  passwordHash: string | null;
}

export interface MemberRecord {
  userId: UserId;
  email: string;
  name: string;
  role: Role;
}

export interface InvitationRecord {
  id: string;
  boardId: BoardId;
  email: string;
  role: Role;
  invitedBy: UserId;
  createdAt: string;
  /** Null only for invitations made before invitations carried a secret: those can never be accepted (resend one). */
  expiresAt: string | null;
}

export interface ShareLinkRecord {
  id: string;
  boardId: BoardId;
  createdBy: UserId;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Accounts, memberships, invitations and share links, kept in the same database as the boards.
 * Emails are stored lower-cased and trimmed; callers normalise before asking.
 */
export interface AccountStore {
  /**
   * Creates a user, or returns null when the email is taken. Invitations for the email are NOT
   * turned into memberships: whoever signs up first with an address has not proved they own it;
   * an invitation is accepted with its secret (acceptInvitation).
   */
  createUser(user: { id: UserId; email: string; name: string; passwordHash: string | null }): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserWithSecret | null>;
  getUser(id: UserId): Promise<UserRecord | null>;
  countUsers(): Promise<number>;

  /** Creates a board owned by `ownerId` (the board row, its first state and the membership). */
  createOwnedBoard(board: { id: BoardId; title: string; ownerId: UserId }, initialState: Uint8Array): Promise<BoardRecord>;
  deleteBoard(id: BoardId): Promise<void>;
  /** The boards the user is a member of (never a scenario: those are reached from their plan). */
  listBoardsOf(userId: UserId): Promise<(BoardRecord & { role: Role })[]>;

  /** The member's role; on a scenario (docs/teams.md), their role on its plan. */
  roleOf(boardId: BoardId, userId: UserId): Promise<Role | null>;
  /** The board's members; a scenario's are its plan's. */
  listMembers(boardId: BoardId): Promise<MemberRecord[]>;
  setRole(boardId: BoardId, userId: UserId, role: Role): Promise<void>;
  removeMember(boardId: BoardId, userId: UserId): Promise<void>;

  /**
   * Records an invitation with the hash of its secret (the secret itself is only mailed);
   * re-inviting the same email replaces the earlier one, whose link then stops working.
   */
  createInvitation(invitation: InvitationRecord, secretHash: string): Promise<void>;
  listInvitations(boardId: BoardId): Promise<InvitationRecord[]>;
  deleteInvitation(boardId: BoardId, id: string): Promise<boolean>;
  findInvitationBySecretHash(secretHash: string): Promise<InvitationRecord | null>;
  /**
   * Uses up the invitation `id` for `userId`, atomically: the invitation is deleted and, unless
   * the user is already on the board (whose role an invitation never changes), they become a
   * member with its role. Null when the invitation is already gone (used, withdrawn, replaced):
   * of two concurrent acceptances exactly one wins.
   */
  acceptInvitation(id: string, userId: UserId): Promise<{ boardId: BoardId; role: Role } | null>;

  /** Whether comment notifications (mentions, replies) are also mailed to the user; on by default. */
  mailNotificationsOf(userId: UserId): Promise<boolean>;
  setMailNotifications(userId: UserId, enabled: boolean): Promise<void>;

  /** Stores only a hash of the link's secret, so a leaked database does not leak working links. */
  createShareLink(link: ShareLinkRecord, secretHash: string): Promise<void>;
  listShareLinks(boardId: BoardId): Promise<ShareLinkRecord[]>;
  revokeShareLink(boardId: BoardId, id: string, at: string): Promise<boolean>;
  findShareLinkBySecretHash(secretHash: string): Promise<ShareLinkRecord | null>;
}
