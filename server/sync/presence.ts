import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { presenceColorFor } from "../../lib/protocol/presenceColor";

/** The identity the server vouches for; it replaces whatever `user` a client announces. */
export interface ServerIdentity {
  id: string;
  name: string;
  color: string;
  /** True for share-link guests and other read-only connections, so the UI can mark them. */
  readOnly: boolean;
}

/** More awareness ids than this per connection is not a browser tab but someone filling memory. */
export const MAX_CLIENT_IDS_PER_PEER = 4;

/** A stable colour per identity, so a person looks the same to everyone on every board. */
export const colorFor = presenceColorFor;

export interface SanitizeResult {
  /** The update to apply, or null when nothing in it was acceptable. */
  update: Uint8Array | null;
  /** Client ids this peer tried to speak for that belong to another connection. */
  forged: number[];
}

/**
 * Rewrites an awareness update from one connection so it tells the truth: entries for client
 * ids owned by another connection are dropped (nobody can move or remove someone else's
 * presence), and every state's `user` is replaced by the identity the server knows.
 * `ownerOf(id)` says whether a client id is this connection's, another's, or unclaimed.
 */
export function sanitizeAwarenessUpdate(
  update: Uint8Array,
  identity: ServerIdentity,
  ownerOf: (clientId: number) => "self" | "other" | "none",
  ownedCount: number,
): SanitizeResult {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const encoder = encoding.createEncoder();
  const kept: [number, number, string][] = [];
  const forged: number[] = [];
  let newlyClaimed = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    const state: unknown = JSON.parse(raw);
    const owner = ownerOf(clientId);
    if (owner === "other" || (owner === "none" && ownedCount + newlyClaimed >= MAX_CLIENT_IDS_PER_PEER)) {
      forged.push(clientId);
      continue;
    }
    if (owner === "none") newlyClaimed++;
    const truthful =
      state !== null && typeof state === "object" && !Array.isArray(state)
        ? JSON.stringify({ ...(state as Record<string, unknown>), user: identity })
        : "null";
    kept.push([clientId, clock, truthful]);
  }
  if (kept.length === 0) return { update: null, forged };
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return { update: encoding.toUint8Array(encoder), forged };
}
