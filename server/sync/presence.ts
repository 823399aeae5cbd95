import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { cleanPresence, MAX_PRESENCE_STATE_CHARS } from "../../lib/protocol/presence";
import { presenceColorFor } from "../../lib/protocol/presenceColor";

/** The identity the server vouches for; it replaces whatever `user` a client announces. */
export interface ServerIdentity {
  id: string;
  name: string;
  color: string;
  /** True for share-link guests and other read-only connections, so the UI can mark them. */
  readOnly: boolean;
  /**
   * May comment (owners, editors, commenters): a commenter is read-only on the roadmap but not
   * a mere viewer, and others should see that they can join the discussion.
   */
  canComment: boolean;
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
  /** Entries dropped as echoes: another's state sent back no newer than the server has it. */
  echoes: number;
}

/** Who a client id belongs to, and the newest clock the server has seen for it (if any). */
export interface ClientIdInfo {
  owner: "self" | "other" | "none";
  clock: number | undefined;
}

/**
 * Rewrites an awareness update from one connection so it tells the truth: entries for client
 * ids owned by another connection are dropped (nobody can move or remove someone else's
 * presence), every state's `user` is replaced by the identity the server knows, and only the
 * presence fields lib/protocol/presence allows are kept, each only when well-formed: 40 people
 * receive whatever one of them announces, so junk and bulk stop here.
 *
 * Stock y-websocket clients send every awareness change they receive straight back, so most
 * entries for other people's ids are echoes, not attacks: those at a clock the server already
 * has are dropped unparsed and unreported; only a newer clock counts as forged. A removal
 * (null state) of an id nobody owns is dropped too: echoed after someone left, it changes
 * nothing here and must not use up the ids the echoing connection may claim.
 */
export function sanitizeAwarenessUpdate(
  update: Uint8Array,
  identity: ServerIdentity,
  infoOf: (clientId: number) => ClientIdInfo,
  ownedCount: number,
): SanitizeResult {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const encoder = encoding.createEncoder();
  const kept: [number, number, string][] = [];
  const forged: number[] = [];
  let echoes = 0;
  let newlyClaimed = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    const { owner, clock: known } = infoOf(clientId);
    if (owner === "other") {
      if (known !== undefined && clock <= known) echoes++;
      else forged.push(clientId);
      continue;
    }
    // Parsed even when oversized, so garbage still closes the connection as a bad frame; an
    // oversized state keeps only who it is.
    const state: unknown = JSON.parse(raw);
    if (owner === "none" && state === null) {
      echoes++;
      continue;
    }
    if (owner === "none" && ownedCount + newlyClaimed >= MAX_CLIENT_IDS_PER_PEER) {
      forged.push(clientId);
      continue;
    }
    if (owner === "none") newlyClaimed++;
    kept.push([clientId, clock, truthfulState(state, raw.length, identity)]);
  }
  if (kept.length === 0) return { update: null, forged, echoes };
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return { update: encoding.toUint8Array(encoder), forged, echoes };
}

/**
 * The awareness update that restates one connection's presence after its role changed: the
 * state the server holds, re-cleaned for the identity it has now (a downgraded editor's drag,
 * follow-me, bring-here and laser leave everyone's screens at once, not with their next
 * message, which a hostile client need never send), at the next clock so every client takes it.
 */
export function restatementOf(clientId: number, clock: number, state: Record<string, unknown>, identity: ServerIdentity): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock + 1);
  encoding.writeVarString(encoder, truthfulState(state, 0, identity));
  return encoding.toUint8Array(encoder);
}

/** A state as the server relays it: null stays null (they left), anything else is an object. */
function truthfulState(state: unknown, rawLength: number, identity: ServerIdentity): string {
  if (state === null || typeof state !== "object" || Array.isArray(state)) return "null";
  const fields = rawLength > MAX_PRESENCE_STATE_CHARS ? {} : cleanPresence(state as Record<string, unknown>, { mayEdit: !identity.readOnly });
  return JSON.stringify({ ...fields, user: identity });
}
