/**
 * The server's share of a fresh client's sync, without the client's: a bare websocket speaks
 * the y-websocket protocol's opening (sync step 1 with an empty state vector) and the clock
 * stops when the whole sync step 2 answer has arrived, before anything is applied.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import type { ClientSpec } from "./types";

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const TIMEOUT_MS = 60_000;

/** Sync step 1 from a client that has nothing: its state vector is empty (a single 0). */
function emptyStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP_1);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
  return encoding.toUint8Array(encoder);
}

/** The URL y-websocket's WebsocketProvider would open for `spec`. */
function providerUrl(spec: ClientSpec): string {
  const query = spec.token ? `?token=${encodeURIComponent(spec.token)}` : "";
  return `${spec.url}/${encodeURIComponent(spec.room)}${query}`;
}

/** Ms from opening the socket to holding the server's whole sync step 2; rejects on close, error or timeout. */
export function timeRawAnswer(spec: ClientSpec): Promise<number> {
  if (spec.protocol !== "y-websocket") return Promise.reject(new Error("raw answers are timed for the y-websocket protocol only"));
  const started = performance.now();
  const ws = new WebSocket(providerUrl(spec));
  ws.binaryType = "nodebuffer";
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync step 2 within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on("error", () => undefined);
      ws.close();
      outcome();
    };
    ws.on("open", () => ws.send(emptyStep1()));
    ws.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      if (decoding.readVarUint(decoder) !== SYNC_STEP_2) return;
      const ms = performance.now() - started;
      finish(() => resolve(ms));
    });
    ws.on("close", (code) => finish(() => reject(new Error(`closed with ${code} before sync step 2`))));
    ws.on("error", (error) => finish(() => reject(error)));
  });
}
