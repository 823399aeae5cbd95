/**
 * What the sign-in, sign-up and session code in app/ asks of the server process besides the
 * board services: attempt limits and ended sessions. Registered on globalThis at start-up, like
 * AppServices (app/ never imports server/).
 */

import { countOf } from "../format/plural";

/**
 * How long a session lasts without use (next-auth's maxAge, renewed as it is used). An ended
 * session is remembered this long: no copy of its cookie can be valid for longer.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * The sign-in session a next-auth token belongs to: its `sid`, given at sign-in. A token from
 * before sessions had ids is named by its `jti` (set when the cookie was written, unchanged
 * while it is not renewed), so signing it out works too.
 */
export function sessionIdOf(claims: Record<string, unknown>): string | undefined {
  if (typeof claims.sid === "string") return claims.sid;
  return typeof claims.jti === "string" ? `jti:${claims.jti}` : undefined;
}

/** Refused for now: try again after this long. */
export interface Refusal {
  ok: false;
  retryAfterMs: number;
}

/** A sign-in attempt that may go ahead; `finish` reports how the password check went. */
export interface SignInTicket {
  ok: true;
  finish(succeeded: boolean): Promise<void>;
}

export interface AuthGuards {
  /**
   * Before a password is checked: whether this client may try this email now. Counts the
   * attempt; the ticket's `finish(true)` forgives the pair's failures.
   */
  beginSignIn(email: string, clientAddress: string): Promise<SignInTicket | Refusal>;
  /** Before an account is created: whether this client may sign up now (counts the attempt). */
  beginSignUp(clientAddress: string): Promise<{ ok: true } | Refusal>;
  /** Whether the session was signed out (its cookie and sync tokens no longer count). */
  isSessionEnded(sessionId: string): Promise<boolean>;
  /** Signs one session out on the server: remembered as ended, its open sockets closed. */
  endSession(sessionId: string, userId: string): Promise<void>;
}

/** "3 seconds", "1 minute", "10 minutes": a wait as a person reads it (rounded up). */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return countOf(seconds, "second");
  const minutes = Math.ceil(seconds / 60);
  return countOf(minutes, "minute");
}

const KEY = Symbol.for("waymark.authGuards");

export function registerAuthGuards(guards: AuthGuards): void {
  (globalThis as Record<symbol, unknown>)[KEY] = guards;
}

/** The running server's guards; throws when the app runs without the Waymark server. */
export function authGuards(): AuthGuards {
  const guards = (globalThis as Record<symbol, unknown>)[KEY] as AuthGuards | undefined;
  if (!guards) throw new Error("Waymark auth guards are not registered: start the app with `npm start` or `npm run dev`");
  return guards;
}
