import { isIPv6 } from "node:net";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Refusal, SignInTicket } from "../../lib/protocol/authGuards";
import type { Logger } from "../log";

/**
 * Limits on sign-in and sign-up attempts (rate-limiter-flexible: in memory for one process, in
 * Redis when several instances share REDIS_URL, so a guesser cannot spread attempts over them).
 *
 * Sign-in failures are counted per email AND client address together: someone guessing Ana's
 * password from elsewhere slows down only their own pair, never Ana signing in from her
 * desk. After `freeFailures` failures in a row the pair must wait before its next attempt,
 * 1 s, 2 s, 4 s… up to `maxDelaySeconds`: never a lockout, and a success forgives the lot. A
 * looser count per client address alone stops one address spraying many emails.
 */
export interface AttemptLimitSettings {
  /** Failures of one email from one client before waits begin. */
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** How long a pair's failures are remembered (from the first). */
  failureMemorySeconds: number;
  /** Failed sign-ins per client address per window, across all emails. */
  clientFailures: number;
  clientWindowSeconds: number;
  /** Sign-ups per client address per window. */
  signUps: number;
  signUpWindowSeconds: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimitSettings = {
  freeFailures: 5,
  firstDelaySeconds: 1,
  maxDelaySeconds: 10 * 60,
  failureMemorySeconds: 24 * 60 * 60,
  clientFailures: 50,
  clientWindowSeconds: 10 * 60,
  signUps: 10,
  signUpWindowSeconds: 60 * 60,
};

/** How long an attempt past the free ones holds its pair's turn while its password is checked. */
const CLAIM_SECONDS = 30;

/**
 * The client part of a key: IPv4 as is (an IPv4-mapped IPv6 address as its IPv4), IPv6 by its
 * /64, which is what one subscriber gets; keying on the full address would let one host use
 * 2^64 keys.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/** An email as the accounts store it, so "Ana@X.dev " and "ana@x.dev" share one count. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

export interface AttemptLimits {
  beginSignIn(email: string, clientAddress: string): Promise<SignInTicket | Refusal>;
  beginSignUp(clientAddress: string): Promise<{ ok: true } | Refusal>;
}

const refusal = (res: RateLimiterRes): Refusal => ({ ok: false, retryAfterMs: Math.max(1, res.msBeforeNext) });

/** rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when the store failed. */
function overLimit(error: unknown): RateLimiterRes {
  if (error instanceof RateLimiterRes) return error;
  throw error;
}

export function createAttemptLimits(options: { redis?: Redis; log: Logger; settings?: Partial<AttemptLimitSettings>; prefix?: string }): AttemptLimits {
  const s = { ...DEFAULT_ATTEMPT_LIMITS, ...options.settings };
  const prefix = options.prefix ?? "waymark";
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const opts = { keyPrefix: `${prefix}:${name}`, points, duration };
    if (!options.redis) return new RateLimiterMemory(opts);
    // With Redis away, each instance keeps counting on its own rather than letting everyone
    // through or refusing every sign-in.
    return new RateLimiterRedis({ ...opts, storeClient: options.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(opts) });
  };
  // Points are a count nobody reaches: these two only count, the decisions are ours.
  const pairFailures = limiter("signin-pair", 1_000_000, s.failureMemorySeconds);
  const clientFailures = limiter("signin-client", s.clientFailures, s.clientWindowSeconds);
  // One point: a pair's turn. Held while an attempt past the free ones is checked, then blocked
  // for the wait its failure earned (or deleted when it succeeds).
  const turns = limiter("signin-turn", 1, CLAIM_SECONDS);
  const signUps = limiter("signup-client", s.signUps, s.signUpWindowSeconds);

  const delaySeconds = (failures: number) =>
    Math.min(s.maxDelaySeconds, s.firstDelaySeconds * 2 ** Math.min(30, failures - s.freeFailures));
  const quietly = (what: string) => (error: unknown) => options.log.warn({ err: String(error) }, `attempt limits: ${what} failed`);

  return {
    async beginSignIn(email, clientAddress) {
      const client = clientKey(clientAddress);
      const pair = `${emailKey(email)}|${client}`;
      const sprayed = await clientFailures.consume(client).then(() => null, overLimit);
      if (sprayed) return refusal(sprayed);
      // Counted before the (slow) password check, so a burst of parallel guesses each gets its
      // own number and only one of those past the free ones gets the pair's turn.
      const attempt = (await pairFailures.penalty(pair)).consumedPoints;
      if (attempt > s.freeFailures) {
        const waiting = await turns.consume(pair).then(() => null, overLimit);
        if (waiting) {
          // Refused attempts cost nothing: they neither lengthen the wait nor use up the client's budget.
          await Promise.all([pairFailures.reward(pair), clientFailures.reward(client)]);
          return refusal(waiting);
        }
      }
      return {
        ok: true,
        async finish(succeeded) {
          if (succeeded) {
            await Promise.all([pairFailures.delete(pair), turns.delete(pair), clientFailures.reward(client)]).catch(quietly("forgiving"));
          } else if (attempt >= s.freeFailures) {
            await turns.block(pair, delaySeconds(attempt)).catch(quietly("setting a wait"));
          }
        },
      };
    },
    async beginSignUp(clientAddress) {
      const over = await signUps.consume(clientKey(clientAddress)).then(() => null, overLimit);
      return over ? refusal(over) : { ok: true };
    },
  };
}
