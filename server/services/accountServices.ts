import { z } from "zod";
import { newUserId, type UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { ok } from "../../lib/model/result";
import type { AppServices, UserSummary } from "../../lib/protocol/appServices";
import { decoyHash, hashPassword, verifyPassword } from "../auth/passwords";
import type { Storage } from "../storage/storage";
import { fail } from "./serviceErrors";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "is too long")
  .pipe(z.email("must be a valid email address"));

const signUpSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  password: z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters"),
});

const summary = (u: { id: UserId; email: string; name: string }): UserSummary => ({ id: u.id, email: u.email, name: u.name });

/** Sign-up, credential checks and OAuth accounts. */
export function accountServices(storage: Storage): Pick<AppServices, "signUp" | "verifyCredentials" | "upsertOAuthUser" | "getUser"> {
  return {
    async signUp(input) {
      const parsed = signUpSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const { email, name, password } = parsed.data;
      const user = await storage.createUser({ id: newUserId(), email, name, passwordHash: await hashPassword(password) });
      if (!user) return fail("conflict", "an account with this email already exists; sign in instead");
      return ok(summary(user));
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
  };
}
