import type { UserId } from "../../lib/model/ids";
import type { CloseCodeValue } from "../../lib/protocol/sync";
import type { Principal, Role } from "../../lib/protocol/roles";
import type { ServerIdentity } from "./presence";

/** What the server knows about who is behind a connection; the role can change while connected. */
export interface PeerAccess {
  principal: Principal;
  role: Role;
  identity: ServerIdentity;
}

/**
 * One client connection as a room sees it. Rooms never touch sockets, so they can be driven by
 * tests and by other transports.
 */
export interface Peer {
  /** Unique per connection, for logs. */
  readonly id: string;
  access: PeerAccess;
  send(message: Uint8Array): void;
  close(code: CloseCodeValue, reason: string): void;
}

/** A frame that breaks the protocol; the room closes that one connection. */
export class ProtocolError extends Error {
  override readonly name = "ProtocolError";
}

/** The signed-in user behind a connection; null for a guest on a share link. */
export function userOf(peer: Peer): UserId | null {
  const { principal } = peer.access;
  return principal.kind === "user" ? (principal.userId as UserId) : null;
}
