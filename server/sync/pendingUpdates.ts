import type { Peer } from "./peer";

/** What a held update waits for: the struct of `client` at `clock`. */
export interface Needs {
  client: number;
  clock: number;
}

interface Held {
  update: Uint8Array;
  needs: Needs;
  /** Times it was checked again and still waited. */
  retries: number;
}

/**
 * Checks again of one held update before its connection is refused. Each costs a full check of
 * the update, and an attacker can make every small accepted update trigger one (an update that
 * waits on a thousand made-up clients, each supplied in turn); an honest client's early edit
 * waits for one sync step and goes in at the first or second try.
 */
export const MAX_RETRIES = 8;
/** What all boards of this process may hold aside together, whoever sends it. */
export const MAX_PENDING_BYTES_PER_PROCESS = 64 * 1024 * 1024;
let processBytes = 0;

/**
 * Client updates that build on content the room does not have yet, kept OUTSIDE the document.
 * A stock y-websocket client sends an edit the moment its socket opens, before the sync step
 * that carries the offline edits it builds on, so such an update is normal for a moment. Yjs
 * would keep it pending inside the document, where every fresh client is sent it and the
 * snapshot stores it, although it was never committed (docs/document-rules.md). Here it waits
 * per connection, in arrival order, is retried when what it needs arrives, and is dropped when
 * its connection leaves (the client re-sends it on reconnecting). Bounded per connection and
 * per board; beyond either, the connection is refused.
 */
export class PendingUpdates {
  private readonly byPeer = new Map<Peer, Held[]>();
  private readonly bytesByPeer = new Map<Peer, number>();
  /** Per account: one person's many connections share one connection's budget. */
  private readonly bytesByOwner = new Map<string, number>();
  private total = 0;

  /**
   * @param ownerOf who is behind a connection (an account): the per-connection byte bound also
   * holds for all of one person's connections to the board together, so one editor with many
   * sockets cannot fill the board's budget and leave others' honest early edits refused.
   */
  constructor(
    private readonly maxBytesPerPeer: number,
    private readonly maxBytesPerBoard: number,
    private readonly maxUpdatesPerPeer = 1_000,
    private readonly ownerOf: (peer: Peer) => string = (peer) => peer.id,
  ) {}

  private addBytes(peer: Peer, bytes: number): void {
    const owner = this.ownerOf(peer);
    const left = (this.bytesByOwner.get(owner) ?? 0) + bytes;
    if (left > 0) this.bytesByOwner.set(owner, left);
    else this.bytesByOwner.delete(owner);
    this.total += bytes;
    processBytes += bytes;
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.byPeer.size;
  }

  /** Keeps an update aside; false (nothing kept) when that would cross a bound. */
  hold(peer: Peer, update: Uint8Array, needs: Needs): boolean {
    const held = this.byPeer.get(peer) ?? [];
    const bytes = (this.bytesByPeer.get(peer) ?? 0) + update.byteLength;
    if (
      held.length >= this.maxUpdatesPerPeer ||
      bytes > this.maxBytesPerPeer ||
      (this.bytesByOwner.get(this.ownerOf(peer)) ?? 0) + update.byteLength > this.maxBytesPerPeer ||
      this.total + update.byteLength > this.maxBytesPerBoard ||
      processBytes + update.byteLength > MAX_PENDING_BYTES_PER_PROCESS
    ) {
      return false;
    }
    held.push({ update, needs, retries: 0 });
    this.byPeer.set(peer, held);
    this.bytesByPeer.set(peer, bytes);
    this.addBytes(peer, update.byteLength);
    return true;
  }

  /** Whether this connection has updates waiting (its later ones must wait behind them). */
  has(peer: Peer): boolean {
    return this.byPeer.has(peer);
  }

  /** The oldest update of each connection whose need `has` now says is met. */
  *ready(has: (needs: Needs) => boolean): Generator<[Peer, Uint8Array]> {
    for (const [peer, held] of [...this.byPeer]) {
      const head = held[0];
      if (head && has(head.needs)) yield [peer, head.update];
    }
  }

  /** Removes the oldest update of a connection (it was applied or refused). */
  shift(peer: Peer): void {
    const held = this.byPeer.get(peer);
    const head = held?.shift();
    if (!held || !head) return;
    this.addBytes(peer, -head.update.byteLength);
    this.bytesByPeer.set(peer, (this.bytesByPeer.get(peer) ?? 0) - head.update.byteLength);
    if (held.length === 0) this.drop(peer);
  }

  /**
   * Replaces the oldest update's need (it was retried and still waits, for something else);
   * false once it has been retried MAX_RETRIES times (the caller refuses the connection).
   */
  waitAgain(peer: Peer, needs: Needs): boolean {
    const head = this.byPeer.get(peer)?.[0];
    if (!head) return true;
    head.needs = needs;
    return ++head.retries <= MAX_RETRIES;
  }

  /** Forgets a connection's updates (it left or was refused). */
  drop(peer: Peer): void {
    for (const held of this.byPeer.get(peer) ?? []) this.addBytes(peer, -held.update.byteLength);
    this.byPeer.delete(peer);
    this.bytesByPeer.delete(peer);
  }
}
