import type Database from "better-sqlite3";
import type { BoardId, UserId } from "../../../lib/model/ids";
import type { Role } from "../../../lib/protocol/roles";
import type { AccountStore, MemberRecord } from "../accountStore";
import {
  toBoardRecord,
  toInvitation,
  toShareLink,
  toUser,
  withoutSecret,
  type BoardRow,
  type InvitationRow,
  type ShareLinkRow,
  type UserRow,
} from "../rows";
import { ROLE_SOURCE, SCENARIO_ROLE } from "../scenarioRows";
import { boardInserter } from "./sqliteBoardStore";

/** Accounts and access in the same SQLite file as the boards. */
export function sqliteAccountStore(db: Database.Database): AccountStore {
  const insertBoardWithState = boardInserter(db);
  const q = {
    insertUser: db.prepare("INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"),
    userByEmail: db.prepare<[string], UserRow>("SELECT * FROM users WHERE email = ?"),
    userById: db.prepare<[string], UserRow>("SELECT * FROM users WHERE id = ?"),
    countUsers: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM users"),
    invitationBySecret: db.prepare<[string], InvitationRow>("SELECT * FROM invitations WHERE secret_hash = ?"),
    takeInvitation: db.prepare<[string], { board_id: string; role: string }>("DELETE FROM invitations WHERE id = ? RETURNING board_id, role"),
    insertMemberIfAbsent: db.prepare("INSERT INTO memberships (board_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT(board_id, user_id) DO NOTHING"),
    mailNotifications: db.prepare<[string], { mail_notifications: number }>("SELECT mail_notifications FROM users WHERE id = ?"),
    setMailNotifications: db.prepare("UPDATE users SET mail_notifications = ? WHERE id = ?"),
    upsertMember: db.prepare(
      `INSERT INTO memberships (board_id, user_id, role) VALUES (?, ?, ?)
       ON CONFLICT(board_id, user_id) DO UPDATE SET role = excluded.role`,
    ),
    deleteMember: db.prepare("DELETE FROM memberships WHERE board_id = ? AND user_id = ?"),
    // A scenario (plan_id set) has no members: the role on it is the one on its plan, and an
    // archived or adopted one is read-only, editors and owners commenting at most (docs/teams.md).
    roleOf: db.prepare<[string, string], { role: string }>(`SELECT ${SCENARIO_ROLE} FROM ${ROLE_SOURCE} WHERE b.id = ? AND m.user_id = ?`),
    members: db.prepare<[string], { user_id: string; email: string; name: string; role: string }>(
      `SELECT m.user_id, u.email, u.name, m.role FROM boards b
       JOIN memberships m ON m.board_id = COALESCE(b.plan_id, b.id) JOIN users u ON u.id = m.user_id
       WHERE b.id = ? ORDER BY u.name, u.email`,
    ),
    boardsOf: db.prepare<[string], BoardRow & { role: string }>(
      `SELECT b.id, b.title, b.created_at, b.updated_at, m.role FROM boards b JOIN memberships m ON m.board_id = b.id
       WHERE m.user_id = ? AND b.plan_id IS NULL ORDER BY b.updated_at DESC, b.id`,
    ),
    deleteBoard: db.prepare("DELETE FROM boards WHERE id = ?"),
    upsertInvitation: db.prepare(
      `INSERT INTO invitations (id, board_id, email, role, invited_by, created_at, expires_at, secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(board_id, email) DO UPDATE SET id = excluded.id, role = excluded.role,
         invited_by = excluded.invited_by, created_at = excluded.created_at, expires_at = excluded.expires_at,
         secret_hash = excluded.secret_hash`,
    ),
    invitations: db.prepare<[string], InvitationRow>("SELECT * FROM invitations WHERE board_id = ? ORDER BY created_at, id"),
    deleteInvitation: db.prepare("DELETE FROM invitations WHERE board_id = ? AND id = ?"),
    insertShareLink: db.prepare(
      "INSERT INTO share_links (id, board_id, secret_hash, created_by, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)",
    ),
    shareLinks: db.prepare<[string], ShareLinkRow>("SELECT * FROM share_links WHERE board_id = ? ORDER BY created_at, id"),
    revokeShareLink: db.prepare("UPDATE share_links SET revoked_at = ? WHERE board_id = ? AND id = ? AND revoked_at IS NULL"),
    shareLinkBySecret: db.prepare<[string], ShareLinkRow>("SELECT * FROM share_links WHERE secret_hash = ?"),
  };

  const createUserTx = db.transaction((u: { id: string; email: string; name: string; passwordHash: string | null }, now: string) => {
    if (q.userByEmail.get(u.email)) return false;
    q.insertUser.run(u.id, u.email, u.name, u.passwordHash, now);
    return true;
  });
  const acceptInvitationTx = db.transaction((id: string, userId: string) => {
    const taken = q.takeInvitation.get(id);
    if (!taken) return null;
    q.insertMemberIfAbsent.run(taken.board_id, userId, taken.role);
    return { boardId: taken.board_id as BoardId, role: taken.role as Role };
  });
  const createOwnedBoardTx = db.transaction((id: string, title: string, ownerId: string, state: Uint8Array, now: string) => {
    insertBoardWithState(id, title, state, now);
    q.upsertMember.run(id, ownerId, "owner");
  });

  return {
    async createUser(user) {
      const now = new Date().toISOString();
      if (!createUserTx(user, now)) return null;
      return { id: user.id, email: user.email, name: user.name, createdAt: now };
    },
    async findUserByEmail(email) {
      const row = q.userByEmail.get(email);
      return row ? toUser(row) : null;
    },
    async getUser(id) {
      const row = q.userById.get(id);
      return row ? withoutSecret(toUser(row)) : null;
    },
    async countUsers() {
      return q.countUsers.get()!.n;
    },
    async createOwnedBoard({ id, title, ownerId }, initialState) {
      const now = new Date().toISOString();
      createOwnedBoardTx(id, title, ownerId, initialState, now);
      return { id, title, createdAt: now, updatedAt: now };
    },
    async deleteBoard(id) {
      q.deleteBoard.run(id);
    },
    async listBoardsOf(userId) {
      return q.boardsOf.all(userId).map((row) => ({ ...toBoardRecord(row), role: row.role as Role }));
    },
    async roleOf(boardId, userId) {
      return (q.roleOf.get(boardId, userId)?.role as Role | undefined) ?? null;
    },
    async listMembers(boardId) {
      return q.members.all(boardId).map(
        (r): MemberRecord => ({ userId: r.user_id as UserId, email: r.email, name: r.name, role: r.role as Role }),
      );
    },
    async setRole(boardId, userId, role) {
      q.upsertMember.run(boardId, userId, role);
    },
    async removeMember(boardId, userId) {
      q.deleteMember.run(boardId, userId);
    },
    async createInvitation(i, secretHash) {
      q.upsertInvitation.run(i.id, i.boardId, i.email, i.role, i.invitedBy, i.createdAt, i.expiresAt, secretHash);
    },
    async findInvitationBySecretHash(secretHash) {
      const row = q.invitationBySecret.get(secretHash);
      return row ? toInvitation(row) : null;
    },
    async acceptInvitation(id, userId) {
      return acceptInvitationTx(id, userId);
    },
    async mailNotificationsOf(userId) {
      return (q.mailNotifications.get(userId)?.mail_notifications ?? 0) === 1;
    },
    async setMailNotifications(userId, enabled) {
      q.setMailNotifications.run(enabled ? 1 : 0, userId);
    },
    async listInvitations(boardId) {
      return q.invitations.all(boardId).map(toInvitation);
    },
    async deleteInvitation(boardId, id) {
      return q.deleteInvitation.run(boardId, id).changes > 0;
    },
    async createShareLink(link, secretHash) {
      q.insertShareLink.run(link.id, link.boardId, secretHash, link.createdBy, link.createdAt);
    },
    async listShareLinks(boardId) {
      return q.shareLinks.all(boardId).map(toShareLink);
    },
    async revokeShareLink(boardId, id, at) {
      return q.revokeShareLink.run(at, boardId, id).changes > 0;
    },
    async findShareLinkBySecretHash(secretHash) {
      const row = q.shareLinkBySecret.get(secretHash);
      return row ? toShareLink(row) : null;
    },
  };
}
