import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { BoardId, UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { ok } from "../../lib/model/result";
import type { AppServices } from "../../lib/protocol/appServices";
import { roleSchema, type Role } from "../../lib/protocol/roles";
import { invitationMail } from "../mail/messages";
import type { InvitationRecord } from "../storage/accountStore";
import type { Storage } from "../storage/storage";
import { emailSchema } from "./accountServices";
import type { MailDeps } from "./mailLinks";
import { hashShareSecret, ownerCheck } from "./memberServices";
import { fail } from "./serviceErrors";

const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The one answer for a link that is unknown, used, withdrawn or replaced: the holder can do nothing with more detail. */
const NOT_VALID = "This invitation link is not valid: it was already used, withdrawn or replaced. Ask the board's owner to send a new one.";
const EXPIRED = "This invitation link has expired. Ask the board's owner to send a new one.";

/** Secrets are 24 random bytes in base64url (32 characters); anything else cannot be one. */
const plausibleSecret = (secret: unknown): secret is string => typeof secret === "string" && /^[A-Za-z0-9_-]{32}$/.test(secret);

type InvitationServices = Pick<AppServices, "invite" | "resendInvitation" | "revokeInvitation" | "previewInvitation" | "acceptInvitation">;

/**
 * Invitations: an owner invites an address; a link with a random secret is mailed there, and
 * whoever opens it signed in joins the board. The secret is the proof that the person reached
 * that mailbox: signing up with the address proves nothing (anyone can type any address), so
 * no membership ever comes from an email match. Only the secret's hash is stored; a link works
 * once, until it expires, is withdrawn, or is replaced by a resend.
 */
export function invitationServices(
  storage: Storage,
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>,
  { mail, url }: MailDeps,
  now: () => Date,
): InvitationServices {
  const requireOwner = ownerCheck(roleOf);

  /** Stores the invitation under a fresh secret (replacing any earlier one for the address) and mails the link. */
  async function issue(actor: UserId, boardId: BoardId, id: string, email: string, role: Role): Promise<void> {
    const secret = randomBytes(24).toString("base64url");
    const at = now();
    const invitation: InvitationRecord = {
      id,
      boardId,
      email,
      role,
      invitedBy: actor,
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + INVITATION_TTL_MS).toISOString(),
    };
    await storage.createInvitation(invitation, hashShareSecret(secret));
    const [board, inviter] = await Promise.all([storage.getBoard(boardId), storage.getUser(actor)]);
    mail.send(
      invitationMail({
        to: email,
        inviter: inviter?.name || inviter?.email || "A Waymark user",
        boardTitle: board?.title ?? "a roadmap",
        role,
        link: url(`/invitations/${secret}`),
        expiresAt: invitation.expiresAt!,
      }),
    );
  }

  /** The live invitation a secret names, or why not. */
  async function find(secret: unknown) {
    if (!plausibleSecret(secret)) return fail("not-found", NOT_VALID);
    const invitation = await storage.findInvitationBySecretHash(hashShareSecret(secret));
    if (!invitation?.expiresAt) return fail("not-found", NOT_VALID);
    if (Date.parse(invitation.expiresAt) <= now().getTime()) return fail("not-found", EXPIRED);
    return ok(invitation);
  }

  return {
    async invite(actor, boardId, input) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      const parsed = inviteSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const { email, role } = parsed.data;
      // The owner sees the member list anyway, so "already a member" tells them nothing new.
      // Whether the address has an account at all is never looked up, so neither the answer nor
      // its timing can say: both get the same invitation.
      if ((await storage.listMembers(boardId)).some((m) => m.email === email)) {
        return fail("conflict", `${email} is already a member; change their role instead`);
      }
      await issue(actor, boardId, randomBytes(9).toString("base64url"), email, role);
      return ok({ status: "invited" as const });
    },
    async resendInvitation(actor, boardId, invitationId) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      const invitation = (await storage.listInvitations(boardId)).find((i) => i.id === invitationId);
      if (!invitation) return fail("not-found", "no such invitation");
      await issue(actor, boardId, invitation.id, invitation.email, invitation.role);
      return ok(undefined);
    },
    async revokeInvitation(actor, boardId, invitationId) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      return (await storage.deleteInvitation(boardId, invitationId)) ? ok(undefined) : fail("not-found", "no such invitation");
    },
    async previewInvitation(secret) {
      const found = await find(secret);
      if (!found.ok) return found;
      const { boardId, role, email, invitedBy, expiresAt } = found.value;
      const [board, inviter] = await Promise.all([storage.getBoard(boardId), storage.getUser(invitedBy)]);
      if (!board) return fail("not-found", NOT_VALID);
      return ok({ boardTitle: board.title, role, email, inviter: inviter?.name || inviter?.email || "A Waymark user", expiresAt: expiresAt! });
    },
    async acceptInvitation(actor, secret) {
      const found = await find(secret);
      if (!found.ok) return found;
      // Someone already on the board keeps their role and leaves the link alone: a link can add a
      // member, never promote one, and a member who comes across a colleague's link cannot use it up.
      if (await storage.roleOf(found.value.boardId, actor)) return ok({ boardId: found.value.boardId });
      // Otherwise it is used up by whoever accepts: the link holder chooses which of their accounts
      // joins (an invitation to a work address may be accepted by the account they already use).
      const accepted = await storage.acceptInvitation(found.value.id, actor);
      return accepted ? ok({ boardId: accepted.boardId }) : fail("not-found", NOT_VALID);
    },
  };
}
