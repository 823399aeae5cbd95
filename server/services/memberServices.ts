import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { BoardId, UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { ok } from "../../lib/model/result";
import type { AppServices } from "../../lib/protocol/appServices";
import { canManageBoard, roleSchema, type Role } from "../../lib/protocol/roles";
import type { Storage } from "../storage/storage";
import { emailSchema } from "./accountServices";
import { boardNotFound, fail } from "./serviceErrors";

const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export const hashShareSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** How open connections learn about access changes (the sync server applies them at once). */
export interface AccessEvents {
  memberChanged(boardId: BoardId, userId: UserId, role: Role | null): void;
  shareLinkRevoked(boardId: BoardId, linkId: string): void;
}

type MemberServices = Pick<
  AppServices,
  | "listMembers"
  | "invite"
  | "changeRole"
  | "removeMember"
  | "revokeInvitation"
  | "listShareLinks"
  | "createShareLink"
  | "revokeShareLink"
  | "resolveShareLink"
>;

/** Members, invitations and share links; every change is the owner's to make. */
export function memberServices(
  storage: Storage,
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>,
  events: AccessEvents,
  now: () => Date,
): MemberServices {
  /** Ok when the actor owns the board; the errors distinguish "not yours to see" from "not yours to change". */
  async function requireOwner(actor: UserId, boardId: BoardId) {
    const role = await roleOf(actor, boardId);
    if (!role) return boardNotFound();
    if (!canManageBoard(role)) return fail("forbidden", "only an owner can manage members and share links");
    return ok(role);
  }

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
        invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, createdAt: i.createdAt })),
      });
    },
    async invite(actor, boardId, input) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      const parsed = inviteSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const { email, role } = parsed.data;
      const user = await storage.findUserByEmail(email);
      if (user) {
        if (await storage.roleOf(boardId, user.id)) return fail("conflict", `${email} is already a member; change their role instead`);
        await storage.setRole(boardId, user.id, role);
        return ok({ status: "member" as const });
      }
      await storage.createInvitation({ id: randomBytes(9).toString("base64url"), boardId, email, role, invitedBy: actor, createdAt: now().toISOString() });
      return ok({ status: "invited" as const });
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
    async revokeInvitation(actor, boardId, invitationId) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      return (await storage.deleteInvitation(boardId, invitationId)) ? ok(undefined) : fail("not-found", "no such invitation");
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
