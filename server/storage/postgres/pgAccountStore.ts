import type { Pool } from "pg";
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
import { insertBoardWithState } from "./pgBoardStore";
import { ROLE_SOURCE, SCENARIO_ROLE } from "../scenarioRows";
import { inTransaction } from "./transaction";

const USER = "id, email, name, password_hash, created_at";
const INVITATION = "id, board_id, email, role, invited_by, created_at, expires_at";
const SHARE_LINK = "id, board_id, created_by, created_at, revoked_at";

const UPSERT_MEMBER = `INSERT INTO memberships (board_id, user_id, role) VALUES ($1, $2, $3)
  ON CONFLICT (board_id, user_id) DO UPDATE SET role = excluded.role`;

/** Accounts and access in the same PostgreSQL database as the boards. */
export function pgAccountStore(pool: Pool): AccountStore {
  return {
    async createUser(user) {
      const now = new Date().toISOString();
      const created = await inTransaction(pool, async (client) => {
        // ON CONFLICT instead of look-then-insert: two sign-ups with one email at the same
        // moment (two instances) give one account and one null, never an error.
        const inserted = await client.query(
          `INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (email) DO NOTHING`,
          [user.id, user.email, user.name, user.passwordHash, now],
        );
        return inserted.rowCount !== 0;
      });
      return created ? { id: user.id, email: user.email, name: user.name, createdAt: now } : null;
    },
    async findUserByEmail(email) {
      const { rows } = await pool.query<UserRow>(`SELECT ${USER} FROM users WHERE email = $1`, [email]);
      return rows[0] ? toUser(rows[0]) : null;
    },
    async getUser(id) {
      const { rows } = await pool.query<UserRow>(`SELECT ${USER} FROM users WHERE id = $1`, [id]);
      return rows[0] ? withoutSecret(toUser(rows[0])) : null;
    },
    async countUsers() {
      const { rows } = await pool.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM users");
      return rows[0]!.n;
    },
    async createOwnedBoard({ id, title, ownerId }, initialState) {
      const now = new Date().toISOString();
      await inTransaction(pool, async (client) => {
        await insertBoardWithState(client, id, title, initialState, now);
        await client.query(UPSERT_MEMBER, [id, ownerId, "owner"]);
      });
      return { id, title, createdAt: now, updatedAt: now };
    },
    async deleteBoard(id) {
      await pool.query("DELETE FROM boards WHERE id = $1", [id]);
    },
    async listBoardsOf(userId) {
      const { rows } = await pool.query<BoardRow & { role: string }>(
        `SELECT b.id, b.title, b.created_at, b.updated_at, m.role FROM boards b JOIN memberships m ON m.board_id = b.id
         WHERE m.user_id = $1 AND b.plan_id IS NULL ORDER BY b.updated_at DESC, b.id`,
        [userId],
      );
      return rows.map((row) => ({ ...toBoardRecord(row), role: row.role as Role }));
    },
    async roleOf(boardId, userId) {
      // A scenario (plan_id set) has no members: the role on it is the one on its plan, and an
      // archived or adopted one is read-only, editors and owners commenting at most (docs/teams.md).
      const { rows } = await pool.query<{ role: string }>(
        `SELECT ${SCENARIO_ROLE} FROM ${ROLE_SOURCE} WHERE b.id = $1 AND m.user_id = $2`,
        [
          boardId,
          userId,
        ],
      );
      return (rows[0]?.role as Role | undefined) ?? null;
    },
    async listMembers(boardId) {
      const { rows } = await pool.query<{ user_id: string; email: string; name: string; role: string }>(
        `SELECT m.user_id, u.email, u.name, m.role FROM boards b
         JOIN memberships m ON m.board_id = COALESCE(b.plan_id, b.id) JOIN users u ON u.id = m.user_id
         WHERE b.id = $1 ORDER BY u.name, u.email`,
        [boardId],
      );
      return rows.map((r): MemberRecord => ({ userId: r.user_id as UserId, email: r.email, name: r.name, role: r.role as Role }));
    },
    async setRole(boardId, userId, role) {
      await pool.query(UPSERT_MEMBER, [boardId, userId, role]);
    },
    async removeMember(boardId, userId) {
      await pool.query("DELETE FROM memberships WHERE board_id = $1 AND user_id = $2", [boardId, userId]);
    },
    async createInvitation(i, secretHash) {
      await pool.query(
        `INSERT INTO invitations (${INVITATION}, secret_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (board_id, email) DO UPDATE SET id = excluded.id, role = excluded.role,
           invited_by = excluded.invited_by, created_at = excluded.created_at, expires_at = excluded.expires_at,
           secret_hash = excluded.secret_hash`,
        [i.id, i.boardId, i.email, i.role, i.invitedBy, i.createdAt, i.expiresAt, secretHash],
      );
    },
    async findInvitationBySecretHash(secretHash) {
      const { rows } = await pool.query<InvitationRow>(`SELECT ${INVITATION} FROM invitations WHERE secret_hash = $1`, [secretHash]);
      return rows[0] ? toInvitation(rows[0]) : null;
    },
    async acceptInvitation(id, userId) {
      // One statement: the DELETE takes the invitation (only one of two racing acceptances gets
      // the row) and the membership is added from what it returned.
      const { rows } = await pool.query<{ board_id: string; role: string }>(
        `WITH taken AS (DELETE FROM invitations WHERE id = $1 RETURNING board_id, role),
           joined AS (INSERT INTO memberships (board_id, user_id, role) SELECT board_id, $2, role FROM taken
             ON CONFLICT (board_id, user_id) DO NOTHING)
         SELECT board_id, role FROM taken`,
        [id, userId],
      );
      return rows[0] ? { boardId: rows[0].board_id as BoardId, role: rows[0].role as Role } : null;
    },
    async mailNotificationsOf(userId) {
      const { rows } = await pool.query<{ mail_notifications: number }>("SELECT mail_notifications FROM users WHERE id = $1", [userId]);
      return rows[0]?.mail_notifications === 1;
    },
    async setMailNotifications(userId, enabled) {
      await pool.query("UPDATE users SET mail_notifications = $1 WHERE id = $2", [enabled ? 1 : 0, userId]);
    },
    async listInvitations(boardId) {
      const { rows } = await pool.query<InvitationRow>(
        `SELECT ${INVITATION} FROM invitations WHERE board_id = $1 ORDER BY created_at, id`,
        [boardId],
      );
      return rows.map(toInvitation);
    },
    async deleteInvitation(boardId, id) {
      const result = await pool.query("DELETE FROM invitations WHERE board_id = $1 AND id = $2", [boardId, id]);
      return (result.rowCount ?? 0) > 0;
    },
    async createShareLink(link, secretHash) {
      await pool.query(
        `INSERT INTO share_links (id, board_id, secret_hash, created_by, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, NULL)`,
        [link.id, link.boardId, secretHash, link.createdBy, link.createdAt],
      );
    },
    async listShareLinks(boardId) {
      const { rows } = await pool.query<ShareLinkRow>(
        `SELECT ${SHARE_LINK} FROM share_links WHERE board_id = $1 ORDER BY created_at, id`,
        [boardId],
      );
      return rows.map(toShareLink);
    },
    async revokeShareLink(boardId, id, at) {
      const result = await pool.query(
        "UPDATE share_links SET revoked_at = $1 WHERE board_id = $2 AND id = $3 AND revoked_at IS NULL",
        [at, boardId, id],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async findShareLinkBySecretHash(secretHash) {
      const { rows } = await pool.query<ShareLinkRow>(`SELECT ${SHARE_LINK} FROM share_links WHERE secret_hash = $1`, [secretHash]);
      return rows[0] ? toShareLink(rows[0]) : null;
    },
  };
}
