import { TokenBucket } from "./tokenBucket";
import type { Peer } from "./peer";

interface Lane {
  bucket: TokenBucket;
  /** The latest request not yet answered; an older one waiting is replaced, never queued. */
  waiting: Uint8Array | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Paces the answers to one connection's sync step 1 frames. Each answer encodes part of the
 * board and queues it on the socket: a connection that sends step 1 again and again (with a
 * made-up state vector, and never reads) made the server encode and queue the whole board
 * each time, gigabytes in seconds. Here a connection gets `burst` answers at once, then one per
 * `1 / ratePerSecond` seconds; requests in between are coalesced into the latest, which is what
 * a client that asks again wants anyway.
 */
export class AnswerPacer {
  private readonly lanes = new Map<Peer, Lane>();

  constructor(
    private readonly ratePerSecond = 1,
    private readonly burst = 4,
  ) {}

  /** Runs `answer(request)` now if the connection has a turn, else once it has (latest request only). */
  request(peer: Peer, request: Uint8Array, answer: (request: Uint8Array) => void): void {
    let lane = this.lanes.get(peer);
    if (!lane) this.lanes.set(peer, (lane = { bucket: new TokenBucket(this.ratePerSecond, this.burst), waiting: null, timer: null }));
    if (lane.timer === null && lane.bucket.take()) return answer(request);
    lane.waiting = request;
    if (lane.timer !== null) return;
    const current = lane;
    current.timer = setTimeout(() => {
      current.timer = null;
      const next = current.waiting;
      current.waiting = null;
      if (next && this.lanes.get(peer) === current) this.request(peer, next, answer);
    }, lane.bucket.waitMs());
    current.timer.unref();
  }

  /** Forgets a connection (it left). */
  drop(peer: Peer): void {
    const lane = this.lanes.get(peer);
    if (lane?.timer) clearTimeout(lane.timer);
    this.lanes.delete(peer);
  }
}
