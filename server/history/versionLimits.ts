import { TokenBucket } from "../sync/tokenBucket";

/**
 * What one person may ask of versions per unit of time. Saving (a named version, or a restore,
 * which saves one first) stores a whole board state, up to megabytes, that automatic thinning
 * never removes in under a week: a hostile editor in a loop would fill the disk. Replaying a
 * past moment or comparing versions not in memory builds large documents, a second of CPU
 * each at 10,000 items: a viewer in a loop would starve everyone's edits. So each person gets
 * a small bucket of each; honest use (a person clicking) never meets it.
 */
export const LIMITS = {
  save: { perMinute: 6, burst: 6 },
  replay: { perMinute: 120, burst: 30 },
  /** An import parses, checks and writes a whole file (server/services/importExportServices.ts). */
  import: { perMinute: 10, burst: 10 },
  /** A PDF or PNG of the timeline: up to seconds of CPU on a big board (server/render). */
  render: { perMinute: 6, burst: 4 },
  /** Duplicating a board or saving it as a template stores a whole board (server/services/templateServices.ts). */
  copy: { perMinute: 6, burst: 6 },
  /**
   * One calendar feed read, keyed by the feed (calendar apps poll every few minutes to hours;
   * a leaked URL in a loop must not cost more than this). Misses share one key.
   */
  calendar: { perMinute: 30, burst: 10 },
  /** Lane owners and the lane policy (server/services/teamServices.ts): each change makes every room re-read them. */
  teams: { perMinute: 60, burst: 20 },
  /** Proposals and their answers (server/services/proposalServices.ts): each starts or adds to a comment thread and notifies a team. */
  proposals: { perMinute: 30, burst: 15 },
} as const;
export type LimitedAction = keyof typeof LIMITS;

/** Buckets remembered at most; the least recently used goes first (a bounded map, not a leak). */
const MAX_KEYS = 10_000;

export class VersionLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Spends one of the actor's tokens for `action`; false when they have none left just now. */
  take(actor: string, action: LimitedAction): boolean {
    const key = `${action}:${actor}`;
    let bucket = this.buckets.get(key);
    if (bucket) this.buckets.delete(key);
    else {
      const { perMinute, burst } = LIMITS[action];
      bucket = new TokenBucket(perMinute / 60, burst, this.now);
    }
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    return bucket.take();
  }
}
