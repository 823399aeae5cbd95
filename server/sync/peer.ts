import type { CloseCodeValue } from "../../lib/protocol/sync";

/**
 * One client connection as a room sees it. Rooms never touch sockets, so they can be driven by
 * tests and by other transports.
 */
export interface Peer {
  /** Unique per connection, for logs. */
  readonly id: string;
  send(message: Uint8Array): void;
  close(code: CloseCodeValue, reason: string): void;
}

/** A frame that breaks the protocol; the room closes that one connection. */
export class ProtocolError extends Error {
  override readonly name = "ProtocolError";
}
