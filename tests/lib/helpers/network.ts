import * as Y from "yjs";
import type { Rng } from "./prng";

/** Origin of updates the simulated network applies, so they are not re-broadcast. */
const NETWORK = Symbol("network");

/**
 * A simulated mesh between replicas: every local update is queued on one link per peer; links
 * deliver in random order (Yjs must cope with updates arriving out of order). A disconnected
 * replica's links hold their messages until it reconnects, or lose them when the connection
 * drops for good; either way a reconnect runs the state-vector handshake with every online
 * peer, as y-websocket's sync step 1/2 does.
 */
export class SimNetwork {
  readonly online: boolean[];
  private readonly queues = new Map<string, Uint8Array[]>();
  delivered = 0;
  handshakes = 0;

  constructor(readonly docs: Y.Doc[]) {
    this.online = docs.map(() => true);
    docs.forEach((doc, from) => {
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK) return;
        docs.forEach((_, to) => {
          if (to !== from) this.queue(from, to).push(update);
        });
      });
    });
  }

  private queue(from: number, to: number): Uint8Array[] {
    const key = `${from}>${to}`;
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = []));
    return q;
  }

  /** Links that can deliver now: both ends online and something queued. */
  private liveLinks(): [number, number, Uint8Array[]][] {
    const out: [number, number, Uint8Array[]][] = [];
    for (const [key, q] of this.queues) {
      const [from, to] = key.split(">").map(Number) as [number, number];
      if (q.length && this.online[from] && this.online[to]) out.push([from, to, q]);
    }
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  /** Delivers up to `count` messages, each from a random live link and a random place in its queue. */
  deliver(r: Rng, count: number): void {
    for (let i = 0; i < count; i++) {
      const links = this.liveLinks();
      if (!links.length) return;
      const [, to, q] = r.pick(links);
      const [update] = q.splice(r.int(q.length), 1);
      Y.applyUpdate(this.docs[to]!, update!, NETWORK);
      this.delivered++;
    }
  }

  disconnect(replica: number, loseInFlight: boolean): void {
    this.online[replica] = false;
    if (!loseInFlight) return;
    for (const [key, q] of this.queues) {
      const [from, to] = key.split(">").map(Number);
      if (from === replica || to === replica) q.length = 0;
    }
  }

  reconnect(replica: number): void {
    this.online[replica] = true;
    this.docs.forEach((_, peer) => {
      if (peer !== replica && this.online[peer]) this.handshake(replica, peer);
    });
  }

  /** Each side sends what the other's state vector says it lacks. */
  handshake(a: number, b: number): void {
    const [docA, docB] = [this.docs[a]!, this.docs[b]!];
    const toB = Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB));
    const toA = Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA));
    Y.applyUpdate(docB, toB, NETWORK);
    Y.applyUpdate(docA, toA, NETWORK);
    this.handshakes++;
  }

  /** Brings everyone online, delivers every queued message in random order, then handshakes all pairs. */
  settle(r: Rng): void {
    this.docs.forEach((_, i) => {
      if (!this.online[i]) this.reconnect(i);
    });
    while (this.liveLinks().length) this.deliver(r, 50);
    for (let a = 0; a < this.docs.length; a++) for (let b = a + 1; b < this.docs.length; b++) this.handshake(a, b);
  }
}
