import { TokenBucket } from "../sync/tokenBucket";

/**
 * What one person may ask of workshops per unit of time. Every ballot and draft change sends
 * the workshop to everyone on the board, so a hostile voter clicking in a loop would flood
 * every screen; a person clicking dots never meets these (a dot a second, bursts of 20).
 * Starting a workshop saves a whole board state, and a record compares two of them.
 */
export const WORKSHOP_LIMITS = {
  ballot: { perMinute: 120, burst: 20 },
  draft: { perMinute: 60, burst: 20 },
  start: { perMinute: 6, burst: 6 },
  /** The facilitator's controls, votes opened, closed and revealed, reveals of drafts: each is announced to everyone. */
  run: { perMinute: 120, burst: 30 },
  record: { perMinute: 60, burst: 20 },
} as const;
export type WorkshopLimited = keyof typeof WORKSHOP_LIMITS;

/** Buckets remembered at most; the least recently used goes first. */
const MAX_KEYS = 10_000;

export class WorkshopLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  take(actor: string, action: WorkshopLimited): boolean {
    const key = `${action}:${actor}`;
    let bucket = this.buckets.get(key);
    if (bucket) this.buckets.delete(key);
    else {
      const { perMinute, burst } = WORKSHOP_LIMITS[action];
      bucket = new TokenBucket(perMinute / 60, burst, this.now);
    }
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    return bucket.take();
  }
}
