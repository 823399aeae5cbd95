import { createHash, randomBytes } from "node:crypto";
import type { BoardId, UserId } from "../../lib/model/ids";
import { ok } from "../../lib/model/result";
import type { AppServices } from "../../lib/protocol/appServices";
import { canManageBoard, roleSchema, type Role } from "../../lib/protocol/roles";
import type { Storage } from "../storage/storage";
import { boardNotFound, fail } from "./serviceErrors";

export const hashShareSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** How open connections learn about access changes (the sync server applies them at once). */
export interface AccessEvents {
  memberChanged(boardId: BoardId, userId: UserId, role: Role | null): void;
  shareLinkRevoked(boardId: BoardId, linkId: string): void;
  /** Lane owners or the lane policy changed: the rooms re-read them (docs/teams.md). */
  teamsChanged(boardId: BoardId): void;
}

type MemberServices = Pick<
  AppServices,
  | "listMembers"
  | "changeRole"
  | "removeMember"
  | "listShareLinks"
  | "createShareLink"
  | "revokeShareLink"
  | "resolveShareLink"
>;

/** Ok when the actor owns the board; the errors distinguish "not yours to see" from "not yours to change". */
export function ownerCheck(roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>) {
  return async (actor: UserId, boardId: BoardId) => {
    const role = await roleOf(actor, boardId);
    if (!role) return boardNotFound();
    if (!canManageBoard(role)) return fail("forbidden", "only an owner can manage members and share links");
    return ok(role);
  };
}

/** Members and share links; every change is the owner's to make (invitations: invitationServices). */
export function memberServices(
  storage: Storage,
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>,
  events: AccessEvents,
  now: () => Date,
): MemberServices {
  const requireOwner = ownerCheck(roleOf);

  /** Refuses changes that would leave the board without an owner. */
  async function keepsAnOwner(boardId: BoardId, userId: UserId, nextRole: Role | null): Promise<boolean> {
    const members = await storage.listMembers(boardId);
    return members.some((m) => m.role === "owner" && (m.userId !== userId || nextRole === "owner"));
  }

  return {
    async listMembers(actor, boardId) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      const members = await storage.listMembers(boardId);
      // Pending invitations name people who have not joined: only owners see them.
      const invitations = canManageBoard(role) ? await storage.listInvitations(boardId) : [];
      return ok({
        members: members.map((m) => ({ id: m.userId, email: m.email, name: m.name, role: m.role })),
        invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, createdAt: i.createdAt, expiresAt: i.expiresAt })),
      });
    },
    async changeRole(actor, boardId, userId, role) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      if (!roleSchema.safeParse(role).success) return fail("invalid", "role must be owner, editor, commenter or viewer");
      if (!(await storage.roleOf(boardId, userId))) return fail("not-found", "no such member on this board");
      if (!(await keepsAnOwner(boardId, userId, role))) return fail("conflict", "a board needs at least one owner");
      await storage.setRole(boardId, userId, role);
      events.memberChanged(boardId, userId, role);
      return ok(undefined);
    },
    async removeMember(actor, boardId, userId) {
      // Anyone may leave a board; removing someone else is the owner's call.
      const owner = actor === userId ? ok("self") : await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      if (!(await storage.roleOf(boardId, userId))) return actor === userId ? boardNotFound() : fail("not-found", "no such member on this board");
      if (!(await keepsAnOwner(boardId, userId, null))) return fail("conflict", "a board needs at least one owner");
      await storage.removeMember(boardId, userId);
      events.memberChanged(boardId, userId, null);
      return ok(undefined);
    },
    async listShareLinks(actor, boardId) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      return ok(await storage.listShareLinks(boardId));
    },
    async createShareLink(actor, boardId) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      const secret = randomBytes(24).toString("base64url");
      const link = { id: randomBytes(9).toString("base64url"), boardId, createdBy: actor, createdAt: now().toISOString(), revokedAt: null };
      await storage.createShareLink(link, hashShareSecret(secret));
      return ok({ id: link.id, createdAt: link.createdAt, revokedAt: null, secret });
    },
    async revokeShareLink(actor, boardId, linkId) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      if (!(await storage.revokeShareLink(boardId, linkId, now().toISOString()))) return fail("not-found", "no such active share link");
      events.shareLinkRevoked(boardId, linkId);
      return ok(undefined);
    },
    async resolveShareLink(secret) {
      if (typeof secret !== "string" || secret.length < 16 || secret.length > 100) return null;
      const link = await storage.findShareLinkBySecretHash(hashShareSecret(secret));
      if (!link || link.revokedAt) return null;
      return { principal: { kind: "guest", shareLinkId: link.id, name: "Guest" }, boardId: link.boardId };
    },
  };
}
