import { z } from "zod";
import { newUserId, type UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { ok } from "../../lib/model/result";
import type { AppServices, UserSummary } from "../../lib/protocol/appServices";
import { decoyHash, hashPassword, verifyPassword } from "../auth/passwords";
import { weakPasswordReason } from "../auth/passwordStrength";
import { accountExistsMail, welcomeMail } from "../mail/messages";
import type { Storage } from "../storage/storage";
import type { MailDeps } from "./mailLinks";
import { fail } from "./serviceErrors";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "is too long")
  .pipe(z.email("must be a valid email address"));

const signUpSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    password: z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters"),
  })
  .superRefine(({ email, name, password }, ctx) => {
    // Length is the first rule, with its own message; the guessing check runs only past it.
    if (password.length < 8 || password.length > 200) return;
    const local = email.split("@")[0] ?? "";
    const personal = [email, local, ...local.split(/[._+-]/), name, name.replace(/\s+/g, ""), ...name.split(/\s+/), "waymark"];
    const reason = weakPasswordReason(password, personal.filter((p) => p.length > 1));
    if (reason) ctx.addIssue({ code: "custom", path: ["password"], message: reason });
  });

const summary = (u: { id: UserId; email: string; name: string }): UserSummary => ({ id: u.id, email: u.email, name: u.name });

type AccountServices = Pick<AppServices, "signUp" | "verifyCredentials" | "upsertOAuthUser" | "getUser" | "mailPreferences" | "setMailPreferences">;

/** Sign-up, credential checks, OAuth accounts and mail preferences. */
export function accountServices(storage: Storage, { mail, url }: MailDeps): AccountServices {
  return {
    async signUp(input) {
      const parsed = signUpSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const { email, name, password } = parsed.data;
      // The password is hashed (the slow part) before we know whether the address is taken, and
      // both outcomes queue one mail without waiting for it: the answer and its timing are the
      // same for a new address and a taken one. Only the address's owner learns which it was.
      const passwordHash = await hashPassword(password);
      const user = await storage.createUser({ id: newUserId(), email, name, passwordHash });
      mail.send(user ? welcomeMail({ to: email, name, link: url("/") }) : accountExistsMail({ to: email, link: url("/signin") }));
      return ok({ status: "accepted" as const });
    },
    async verifyCredentials(email, password) {
      const parsed = emailSchema.safeParse(email);
      const user = parsed.success ? await storage.findUserByEmail(parsed.data) : null;
      // Hash even for unknown emails, so response time does not reveal which emails have accounts.
      const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      return user?.passwordHash && valid ? summary(user) : null;
    },
    async upsertOAuthUser({ email, name }) {
      const normalized = emailSchema.parse(email);
      const existing = await storage.findUserByEmail(normalized);
      if (existing) return summary(existing);
      const created = await storage.createUser({ id: newUserId(), email: normalized, name: name.trim() || normalized, passwordHash: null });
      // Lost a race with a concurrent first sign-in: the other request created it.
      return summary(created ?? (await storage.findUserByEmail(normalized))!);
    },
    async getUser(id) {
      const user = await storage.getUser(id);
      return user ? summary(user) : null;
    },
    async mailPreferences(actor) {
      return { commentMail: await storage.mailNotificationsOf(actor) };
    },
    async setMailPreferences(actor, input) {
      if (typeof input?.commentMail !== "boolean") return fail("invalid", "commentMail must be true or false");
      await storage.setMailNotifications(actor, input.commentMail);
      return ok({ commentMail: input.commentMail });
    },
  };
}
