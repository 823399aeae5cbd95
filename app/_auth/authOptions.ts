import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { appServices } from "../../lib/protocol/appServices";
import { authGuards, SESSION_MAX_AGE_SECONDS, sessionIdOf, waitInWords } from "../../lib/protocol/authGuards";
import { oauthVouchedEmail } from "../../lib/protocol/oauthEmail";
import { CLIENT_ADDRESS_HEADER } from "../../lib/protocol/sync";
import { fetchGitHubEmails } from "./githubEmails";

/** Thrown by the jwt callback for a signed-out session: next-auth then answers "no session" and clears the cookie. */
const SESSION_ENDED = "this session was signed out";

/** Set by the Waymark server from the socket (or a trusted proxy); clients cannot forge it. */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const address = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof address === "string" ? address : "unknown";
}

/** The address the provider vouches for, set on the user in `signIn` and read in `jwt`. */
type VouchedUser = { vouchedEmail?: string };

/** The sign-in page's error code for a provider that does not vouch for the account's email. */
export const UNVERIFIED_EMAIL_ERROR = "OAuthEmailUnverified";

/** OAuth providers are offered only when their credentials are configured. */
function oauthProviders(env: NodeJS.ProcessEnv) {
  const providers = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  return providers;
}

/**
 * next-auth: email + password (scrypt hashes, checked by the server's services) and GitHub /
 * Google when configured. Sessions are JWTs signed with the server's secret; the token's `sub`
 * is the Waymark user id, which the sync server reads from the same cookie.
 */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Errors (a failed OAuth round trip) land on our sign-in page, which words them, not on
  // next-auth's own unstyled error page.
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = typeof credentials?.email === "string" ? credentials.email.trim().toLowerCase() : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        // Keyed on this email from this client: a guesser elsewhere slows down only themselves.
        const ticket = await authGuards().beginSignIn(email, clientAddress(req.headers));
        if (!ticket.ok) throw new Error(`Too many sign-in attempts; wait ${waitInWords(ticket.retryAfterMs)} and try again.`);
        const user = await appServices().verifyCredentials(email, password);
        await ticket.finish(user !== null);
        if (!user) return null;
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
    ...oauthProviders(process.env),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!account || account.provider === "credentials") return true;
      // OAuth accounts are found (and linked to password accounts) by email: only an address the
      // provider vouches for may do that (see oauthVouchedEmail).
      const githubEmails = account.provider === "github" && account.access_token ? await fetchGitHubEmails(account.access_token) : undefined;
      const email = oauthVouchedEmail({ provider: account.provider, profile, githubEmails });
      if (!email) return `/signin?error=${UNVERIFIED_EMAIL_ERROR}`;
      (user as VouchedUser).vouchedEmail = email;
      return true;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        if (account.provider === "credentials") {
          token.sub = user.id;
        } else {
          // OAuth: the provider's id is not ours; find or create the Waymark account by the
          // address signIn found vouched for. Missing means signIn did not run or refused: fail closed.
          const email = (user as VouchedUser).vouchedEmail;
          if (!email) throw new Error("the provider did not vouch for an email address");
          const local = await appServices().upsertOAuthUser({ email, name: user.name ?? "" });
          token.sub = local.id;
          token.name = local.name;
          token.email = local.email;
        }
        // Each sign-in is a session of its own, which signing out ends on the server.
        token.sid = crypto.randomUUID();
        return token;
      }
      const sessionId = sessionIdOf(token);
      if (sessionId !== undefined && (await authGuards().isSessionEnded(sessionId))) throw new Error(SESSION_ENDED);
      // A session from before sessions had ids keeps the name it has now, if the cookie is renewed.
      if (sessionId !== undefined) token.sid = sessionId;
      return token;
    },
    async session({ session, token }) {
      const user = session.user as { id?: string; sessionId?: string } | undefined;
      if (user && token.sub) user.id = token.sub;
      // Sync tokens minted in this session name it, so signing out refuses them too.
      const sessionId = sessionIdOf(token);
      if (user && sessionId !== undefined) user.sessionId = sessionId;
      return session;
    },
  },
  events: {
    // Signing out ends this session on the server (the cookie and any copy of it, the sync
    // tokens minted in it, its open sockets); the person's other sessions stay signed in.
    async signOut({ token }) {
      const sessionId = token ? sessionIdOf(token) : undefined;
      if (sessionId !== undefined && typeof token?.sub === "string") await authGuards().endSession(sessionId, token.sub);
    },
  },
  logger: {
    // A signed-out cookie is refused by throwing in the jwt callback; that is expected, not an error.
    error(code, metadata) {
      if ((metadata as { message?: unknown } | undefined)?.message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
