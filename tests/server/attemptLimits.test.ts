import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { Refusal, SignInTicket } from "../../lib/protocol/authGuards";
import { waitInWords } from "../../lib/protocol/authGuards";
import { clientKey, createAttemptLimits, type AttemptLimitSettings } from "../../server/auth/attemptLimits";
import { createLogger } from "../../server/log";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = createLogger("silent");
const FAST: Partial<AttemptLimitSettings> = { freeFailures: 3, firstDelaySeconds: 1, maxDelaySeconds: 4, clientFailures: 12, signUps: 3 };
const REDIS_URL = process.env.REDIS_URL;
const NO_REDIS = "REDIS_URL is not set; set it (redis://127.0.0.1:6379) to check that instances share their counts";

/** A failed attempt, or the refusal that stopped it. */
async function fail(limits: ReturnType<typeof createAttemptLimits>, email: string, address: string): Promise<SignInTicket | Refusal> {
  const ticket = await limits.beginSignIn(email, address);
  if (ticket.ok) await ticket.finish(false);
  return ticket;
}

describe("sign-in limits: per email and client address together, growing waits, never a lockout", () => {
  it("after the free failures the pair waits 1 s, then 2 s, and is told so; a success forgives everything", async () => {
    const limits = createAttemptLimits({ log, settings: FAST });
    for (let i = 0; i < 3; i++) expect((await fail(limits, "ana@x.dev", "203.0.113.9")).ok).toBe(true);
    const refused = await limits.beginSignIn("ana@x.dev", "203.0.113.9");
    expect(refused.ok).toBe(false);
    expect((refused as Refusal).retryAfterMs).toBeGreaterThan(500);
    expect((refused as Refusal).retryAfterMs).toBeLessThanOrEqual(1000);
    expect(waitInWords((refused as Refusal).retryAfterMs)).toBe("1 second");
    // Refused attempts do not lengthen the wait: after it, one attempt goes through.
    await sleep(1_050);
    expect((await fail(limits, "ana@x.dev", "203.0.113.9")).ok).toBe(true);
    const longer = (await limits.beginSignIn("ana@x.dev", "203.0.113.9")) as Refusal;
    expect(longer.ok).toBe(false);
    expect(longer.retryAfterMs).toBeGreaterThan(1_000);
    expect(longer.retryAfterMs).toBeLessThanOrEqual(2_000);
    await sleep(2_050);
    const right = await limits.beginSignIn("ana@x.dev", "203.0.113.9");
    expect(right.ok).toBe(true);
    await (right as SignInTicket).finish(true);
    // Forgiven: the free failures are free again.
    for (let i = 0; i < 3; i++) expect((await fail(limits, "ana@x.dev", "203.0.113.9")).ok).toBe(true);
  }, 10_000);

  it("a guesser elsewhere cannot lock Ana out: her own address is not slowed down", async () => {
    const limits = createAttemptLimits({ log, settings: FAST });
    for (let i = 0; i < 6; i++) await fail(limits, "ana@x.dev", "198.51.100.66");
    expect((await limits.beginSignIn("ana@x.dev", "198.51.100.66")).ok).toBe(false);
    // The same email from Ana's desk, in another case and spacing.
    expect((await limits.beginSignIn(" Ana@X.dev", "203.0.113.9")).ok).toBe(true);
  });

  it("a burst of parallel guesses past the free ones gets one turn, not one each", async () => {
    const limits = createAttemptLimits({ log, settings: FAST });
    for (let i = 0; i < 3; i++) await limits.beginSignIn("ana@x.dev", "198.51.100.7");
    const burst = await Promise.all(Array.from({ length: 8 }, () => limits.beginSignIn("ana@x.dev", "198.51.100.7")));
    expect(burst.filter((t) => t.ok)).toHaveLength(1);
  });

  it("one address spraying many emails is slowed down by its own failures, other addresses are not", async () => {
    const limits = createAttemptLimits({ log, settings: FAST });
    for (let i = 0; i < 12; i++) expect((await fail(limits, `person${i}@x.dev`, "198.51.100.8")).ok).toBe(true);
    expect((await limits.beginSignIn("someone.else@x.dev", "198.51.100.8")).ok).toBe(false);
    expect((await limits.beginSignIn("someone.else@x.dev", "198.51.100.9")).ok).toBe(true);
  });

  it("keys IPv6 clients by their /64 (one subscriber), and an IPv4-mapped address as IPv4", () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe(clientKey("2001:0db8:0001:0002:ffff:ffff:ffff:fffe"));
    expect(clientKey("2001:db8:1:2::1")).not.toBe(clientKey("2001:db8:1:3::1"));
    expect(clientKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });
});

describe("sign-up limits: per client address", () => {
  it("refuses the client after its sign-ups, saying how long to wait; another client may still sign up", async () => {
    const limits = createAttemptLimits({ log, settings: FAST });
    for (let i = 0; i < 3; i++) expect((await limits.beginSignUp("198.51.100.10")).ok).toBe(true);
    const refused = (await limits.beginSignUp("198.51.100.10")) as Refusal;
    expect(refused.ok).toBe(false);
    expect(waitInWords(refused.retryAfterMs)).toBe("60 minutes");
    expect((await limits.beginSignUp("198.51.100.11")).ok).toBe(true);
  });
});

describe.skipIf(!REDIS_URL)(`with REDIS_URL, instances share the counts${REDIS_URL ? "" : ` (skipped: ${NO_REDIS})`}`, () => {
  const clients: Redis[] = [];
  afterAll(async () => {
    for (const c of clients) await c.quit();
  });
  const instance = async (prefix: string) => {
    const redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: 1 });
    clients.push(redis);
    // Until the connection is ready each instance counts on its own (the insurance limiter).
    await new Promise((resolve) => redis.once("ready", resolve));
    return createAttemptLimits({ redis, log, settings: FAST, prefix });
  };

  it("failures on one instance make the pair wait on another; a success on another forgives them", async () => {
    const prefix = `waymark-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const [a, b] = await Promise.all([instance(prefix), instance(prefix)]);
    for (let i = 0; i < 3; i++) expect((await fail(i % 2 ? a : b, "ana@x.dev", "198.51.100.20")).ok).toBe(true);
    expect((await a.beginSignIn("ana@x.dev", "198.51.100.20")).ok).toBe(false);
    expect((await b.beginSignIn("ana@x.dev", "198.51.100.20")).ok).toBe(false);
    await sleep(1_050);
    const right = await b.beginSignIn("ana@x.dev", "198.51.100.20");
    expect(right.ok).toBe(true);
    await (right as SignInTicket).finish(true);
    for (let i = 0; i < 3; i++) expect((await fail(a, "ana@x.dev", "198.51.100.20")).ok).toBe(true);
  });

  it("sign-ups counted on one instance count on the other", async () => {
    const prefix = `waymark-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const [a, b] = await Promise.all([instance(prefix), instance(prefix)]);
    for (let i = 0; i < 3; i++) expect((await (i % 2 ? a : b).beginSignUp("198.51.100.21")).ok).toBe(true);
    expect((await a.beginSignUp("198.51.100.21")).ok).toBe(false);
  });
});
