import { TokenBucket } from "../sync/tokenBucket";

/**
 * What one person may ask of dependency requests per unit of time. Each request starts a comment
 * thread and notifies a team, each answer replies in it and may write to the document: a loop
 * would flood inboxes and the board. A person clicking never meets these.
 */
export const REQUEST_LIMITS = {
  ask: { perMinute: 20, burst: 10 },
  answer: { perMinute: 60, burst: 20 },
} as const;
export type RequestLimited = keyof typeof REQUEST_LIMITS;

/** Buckets remembered at most; the least recently used goes first (a bounded map, not a leak). */
const MAX_KEYS = 10_000;

export class RequestLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Spends one of the actor's tokens for `action`; false when they have none left just now. */
  take(actor: string, action: RequestLimited): boolean {
    const key = `${action}:${actor}`;
    let bucket = this.buckets.get(key);
    if (bucket) this.buckets.delete(key);
    else {
      const { perMinute, burst } = REQUEST_LIMITS[action];
      bucket = new TokenBucket(perMinute / 60, burst, this.now);
    }
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    return bucket.take();
  }
}
