import { randomBytes } from "node:crypto";
import type { BoardId } from "../../lib/model/ids";

/** What instances tell each other about a board. */
export type FanoutKind = "update" | "awareness" | "state-vector";

export interface FanoutMessage {
  kind: FanoutKind;
  payload: Uint8Array;
  /** The sender's clock when it published (ms since the epoch), for the fan-out latency metric. */
  sentAt: number;
}

/** One board's channel as seen from one room. */
export interface BoardChannel {
  /** Sends to every other instance that has the board loaded (never back to this one). */
  publish(kind: FanoutKind, payload: Uint8Array): void;
  /** Stops listening (the board unloads). */
  leave(): void;
}

/**
 * How sync-server instances share boards. An update is published only after the instance that
 * received it has committed it to the shared database, so receivers apply and broadcast it
 * without storing it again. Delivery may lose or reorder messages (Redis pub/sub does): rooms
 * repair that themselves by exchanging state vectors (see Room).
 */
export interface Fanout {
  join(boardId: BoardId, onMessage: (message: FanoutMessage) => void): BoardChannel;
  close(): Promise<void>;
}

const KINDS: FanoutKind[] = ["update", "awareness", "state-vector"];
const ID_BYTES = 16;
const HEADER_BYTES = 1 + ID_BYTES + 8;

/** A random id per process: messages carrying it are this instance's own echoes. */
export const newInstanceId = (): Buffer => randomBytes(ID_BYTES);

/** [kind byte][sender instance id][sentAt as float64][payload] */
export function encodeFanoutMessage(instance: Buffer, kind: FanoutKind, payload: Uint8Array, sentAt = Date.now()): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + payload.byteLength);
  out[0] = KINDS.indexOf(kind);
  instance.copy(out, 1);
  out.writeDoubleBE(sentAt, 1 + ID_BYTES);
  out.set(payload, HEADER_BYTES);
  return out;
}

/** The message, or null for junk and for this instance's own echoes. */
export function decodeFanoutMessage(instance: Buffer, raw: Buffer): FanoutMessage | null {
  if (raw.length < HEADER_BYTES) return null;
  const kind = KINDS[raw[0]!];
  if (!kind) return null;
  if (raw.subarray(1, 1 + ID_BYTES).equals(instance)) return null;
  return { kind, sentAt: raw.readDoubleBE(1 + ID_BYTES), payload: new Uint8Array(raw.subarray(HEADER_BYTES)) };
}
