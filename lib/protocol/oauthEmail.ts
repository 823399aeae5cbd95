import { z } from "zod";

/** One entry of GitHub's `GET /user/emails`. */
const githubEmailsSchema = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }).loose());
const googleProfileSchema = z.object({ email: z.string().min(3), email_verified: z.boolean() }).loose();

/**
 * The email address an OAuth provider vouches for, or null when it vouches for none. Signing in
 * with a provider finds the Waymark account by email, so an address the provider has not
 * verified would let anyone who types someone else's address at the provider into their
 * Waymark account (and any password account with that address). Hence:
 * - Google: the profile's address only when `email_verified` is true;
 * - GitHub: the PRIMARY address only when GitHub marks it verified (from `GET /user/emails`;
 *   the profile's public email is whatever the user typed and proves nothing);
 * - any other provider: none.
 * Addresses are lower-cased and trimmed, as Waymark stores them.
 */
export function oauthVouchedEmail(input: { provider: string; profile: unknown; githubEmails?: unknown }): string | null {
  const normalize = (email: string) => email.trim().toLowerCase();
  switch (input.provider) {
    case "google": {
      const profile = googleProfileSchema.safeParse(input.profile);
      return profile.success && profile.data.email_verified === true ? normalize(profile.data.email) : null;
    }
    case "github": {
      const emails = githubEmailsSchema.safeParse(input.githubEmails);
      const primary = emails.success ? emails.data.find((e) => e.primary) : undefined;
      return primary?.verified === true ? normalize(primary.email) : null;
    }
    default:
      return null;
  }
}
