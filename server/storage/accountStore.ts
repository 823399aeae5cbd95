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
  /** Creates a user and turns every pending invitation for the email into a membership, atomically. */
  createUser(user: { id: UserId; email: string; name: string; passwordHash: string | null }): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserWithSecret | null>;
  getUser(id: UserId): Promise<UserRecord | null>;
  countUsers(): Promise<number>;

  /** Creates a board owned by `ownerId` (the board row, its first state and the membership). */
  createOwnedBoard(board: { id: BoardId; title: string; ownerId: UserId }, initialState: Uint8Array): Promise<BoardRecord>;
  deleteBoard(id: BoardId): Promise<void>;
  listBoardsOf(userId: UserId): Promise<(BoardRecord & { role: Role })[]>;

  roleOf(boardId: BoardId, userId: UserId): Promise<Role | null>;
  listMembers(boardId: BoardId): Promise<MemberRecord[]>;
  setRole(boardId: BoardId, userId: UserId, role: Role): Promise<void>;
  removeMember(boardId: BoardId, userId: UserId): Promise<void>;

  /** Records an invitation; re-inviting the same email replaces the earlier one. */
  createInvitation(invitation: InvitationRecord): Promise<void>;
  listInvitations(boardId: BoardId): Promise<InvitationRecord[]>;
  deleteInvitation(boardId: BoardId, id: string): Promise<boolean>;

  /** Stores only a hash of the link's secret, so a leaked database does not leak working links. */
  createShareLink(link: ShareLinkRecord, secretHash: string): Promise<void>;
  listShareLinks(boardId: BoardId): Promise<ShareLinkRecord[]>;
  revokeShareLink(boardId: BoardId, id: string, at: string): Promise<boolean>;
  findShareLinkBySecretHash(secretHash: string): Promise<ShareLinkRecord | null>;
}
