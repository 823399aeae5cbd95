/**
 * Waymark's own share of an edit's trip, read off its `/metrics`: the histogram
 * `waymark_fanout_seconds` times each update from being applied to being sent to the other
 * peers, which includes the wait for its commit. Its difference over the measured window tells
 * the server's part of the end-to-end latency from the machine's (network, load generators,
 * stalls of the whole machine).
 */

/** Cumulative bucket counts: upper bound in ms → updates at or under it. */
export type Buckets = [number, number][];

const BUCKET_LINE = /^waymark_fanout_seconds_bucket\{[^}]*le="([^"]+)"[^}]*\}\s+(\d+(?:\.\d+)?)$/;

/** The fan-out histogram's cumulative buckets in a Prometheus text exposition (le="+Inf" as Infinity). */
export function parseFanoutBuckets(exposition: string): Buckets {
  const buckets: Buckets = [];
  for (const line of exposition.split("\n")) {
    const match = BUCKET_LINE.exec(line.trim());
    if (!match) continue;
    const le = match[1] === "+Inf" ? Infinity : Number(match[1]) * 1000;
    buckets.push([le, Number(match[2])]);
  }
  return buckets.sort((a, b) => a[0] - b[0]);
}

/** What was counted between two readings (`before` may be empty: counted from the start). */
export function bucketsBetween(before: Buckets, after: Buckets): Buckets {
  const earlier = new Map(before);
  return after.map(([le, count]) => [le, count - (earlier.get(le) ?? 0)]);
}

/** Adds readings of several windows (rounds) bucket by bucket. */
export function addBuckets(parts: Buckets[]): Buckets {
  const sums = new Map<number, number>();
  for (const part of parts) for (const [le, count] of part) sums.set(le, (sums.get(le) ?? 0) + count);
  return [...sums].sort((a, b) => a[0] - b[0]);
}

/**
 * The upper bound of the bucket holding the q-quantile: "at most this many ms". A histogram
 * cannot say more; NaN when nothing was counted.
 */
export function bucketQuantile(buckets: Buckets, q: number): number {
  const total = buckets.at(-1)?.[1] ?? 0;
  if (total <= 0) return NaN;
  const rank = Math.ceil(q * total);
  return buckets.find(([, count]) => count >= rank)?.[0] ?? Infinity;
}

/** Reads the histogram from a running Waymark server's `/metrics`. */
export async function readFanoutBuckets(httpBase: string): Promise<Buckets> {
  const response = await fetch(`${httpBase}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return parseFanoutBuckets(await response.text());
}
