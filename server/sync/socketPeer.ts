import type { RawData, WebSocket } from "ws";
import type { CloseCodeValue } from "../../lib/protocol/sync";
import { CloseCode } from "../../lib/protocol/sync";
import type { Logger } from "../log";
import type { RefusalReason, SyncMetrics } from "../ops/metrics";
import { TokenBucket } from "./tokenBucket";
import type { Peer, PeerAccess } from "./peer";
import type { Room } from "./room";

export interface SocketPeerOptions {
  maxMessageBytes: number;
  /** Frames a connection may have waiting (e.g. while its board loads) before it is dropped. */
  maxQueuedMessages: number;
  /** Bytes those waiting frames may add up to. */
  maxQueuedBytes: number;
  /** Sustained messages per second a connection may send; beyond it the socket is read more slowly. */
  messagesPerSecond: number;
  /**
   * Bytes that may wait in the socket's send buffer before the next send; beyond, the
   * connection does not read what it is sent and is closed (4508), freeing what waits.
   */
  maxBufferedBytes: number;
  log: Logger;
  metrics?: SyncMetrics;
}

let nextPeer = 0;

/** A close frame's reason may hold 123 bytes of UTF-8 (ws throws beyond): cut on a character boundary. */
export function closeReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let cut = reason.slice(0, 123);
  while (Buffer.byteLength(cut) > 120) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Binds a websocket to a room. Frames are handled strictly in arrival order, queued while the
 * board loads; anything outside the protocol closes this socket with a named code, never
 * throwing into ws or the process.
 */
export function attachSocketPeer(
  ws: WebSocket,
  access: PeerAccess,
  roomReady: Promise<Room | null>,
  options: SocketPeerOptions,
) {
  const peer: Peer = {
    id: `c${++nextPeer}`,
    access,
    send(message) {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > options.maxBufferedBytes) return notReading();
      ws.send(message, (error) => {
        if (error) options.log.debug({ peer: peer.id, err: String(error) }, "send failed");
      });
    },
    close(code: CloseCodeValue, reason) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, closeReason(reason));
    },
  };
  let room: Room | null = null;
  let queued: Uint8Array[] | null = [];
  let queuedBytes = 0;
  // A burst of twice the rate is fine (a paste, a reconnect's catch-up); a flood is slowed down
  // by reading the socket less often, so TCP pushes back on the sender and nobody is dropped.
  const bucket = new TokenBucket(options.messagesPerSecond, options.messagesPerSecond * 2);
  let paused = false;

  const refuse = (code: CloseCodeValue, reason: string, metric: RefusalReason | null, detail: Record<string, unknown> = {}) => {
    options.log.warn({ peer: peer.id, board: room?.boardId, code, reason, ...detail }, "closing connection");
    if (metric) options.metrics?.refused(metric);
    room?.leave(peer);
    peer.close(code, reason);
  };

  /**
   * A connection that does not read: everything sent to it waits in memory. Close it with a
   * code that says so, and cut it a second later: the close frame waits behind the data too.
   */
  const notReading = () => {
    const waiting = ws.bufferedAmount;
    refuse(CloseCode.NotReading, `not reading: ${waiting} bytes wait to be sent`, "slow-reader", { waiting });
    setTimeout(() => ws.terminate(), 1_000).unref();
  };

  const throttle = () => {
    if (paused || bucket.take()) return;
    paused = true;
    options.metrics?.refused("rate-limited");
    ws.pause();
    setTimeout(() => {
      paused = false;
      ws.resume();
    }, bucket.waitMs()).unref();
  };

  ws.on("message", (data, isBinary) => {
    const frame = toBytes(data);
    if (!isBinary) return refuse(CloseCode.BadMessage, "text frames are not part of the sync protocol", "malformed");
    if (frame.byteLength > options.maxMessageBytes) {
      return refuse(CloseCode.TooLarge, `message of ${frame.byteLength} bytes exceeds ${options.maxMessageBytes}`, "too-large");
    }
    throttle();
    if (queued) {
      queuedBytes += frame.byteLength;
      if (queued.length >= options.maxQueuedMessages || queuedBytes > options.maxQueuedBytes) {
        return refuse(CloseCode.TooLarge, "too much sent before the board loaded", "queue-full");
      }
      queued.push(frame);
      return;
    }
    room?.receive(peer, frame);
  });

  roomReady.then(
    (ready) => {
      if (!ready) return refuse(CloseCode.NotFound, "board not found", "not-found");
      if (ws.readyState !== ws.OPEN) return;
      room = ready;
      room.join(peer);
      const backlog = queued ?? [];
      queued = null;
      for (const frame of backlog) room.receive(peer, frame);
    },
    (error: unknown) => refuse(CloseCode.ServerError, "board could not be loaded", null, { err: String(error) }),
  );

  return {
    peer,
    /** The room this socket joined, once it has. */
    room: () => room,
  };
}
