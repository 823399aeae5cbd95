import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { BoardId } from "../../lib/model/ids";
import { canEditRoadmap, type Role } from "../../lib/protocol/roles";
import type { Logger } from "../log";
import type { SyncMetrics } from "../ops/metrics";
import { AnswerPacer } from "./answerPacer";
import type { ClientUpdates } from "./clientUpdates";
import type { EncodeGate } from "./encodeGate";
import { bringsNothingNew } from "./knownContent";
import { permissionDeniedMessage, syncStep2Message } from "./messages";
import { ProtocolError, type Peer } from "./peer";
import type { SnapshotBase } from "./snapshotBase";
import type { StoredAnswer } from "./storedAnswer";

/** The room as the sync exchange needs it. */
export interface SyncHost {
  readonly boardId: BoardId;
  /** The board's document (asking for it builds it). */
  readonly doc: Y.Doc;
  readonly isFailed: boolean;
  /** Whether the connection is still in the room. */
  has(peer: Peer): boolean;
  /** Settles when every update applied so far is committed (or its write failed). */
  committed(): Promise<unknown>;
}

export interface SyncExchangeDeps {
  log: Logger;
  metrics?: SyncMetrics | undefined;
  /** Shared by all rooms: state encodes for connecting clients run a few at a time. */
  encodes: EncodeGate;
  /** Where an editor's step 2 and updates go (checked, applied or held back). */
  updates: ClientUpdates;
}

/**
 * The sync half of the y-websocket protocol for one room: answers each connection's sync step 1
 * (paced) with what it lacks, never with uncommitted content, and takes step 2 and updates: an
 * editor's go to ClientUpdates, a read-only connection's are refused (docs/roles.md).
 */
export class SyncExchange {
  /** Paces each connection's sync step 1 answers (see AnswerPacer). */
  private readonly answers = new AnswerPacer();
  /** For clients that have nothing, while the document is still exactly what was loaded. */
  stored: StoredAnswer | null = null;
  /** The stored snapshot, for clients that have nothing once the document has changed. */
  base: SnapshotBase | null = null;
  /** Read-only connections whose sync step 2 has been received (see firstStep2). */
  private readonly step2Seen = new WeakSet<Peer>();
  /** When each read-only peer was last told its write was refused (told at most once a second). */
  private readonly refusalNotified = new Map<Peer, number>();
  /** Writes refused because the connection may not edit, for tests and metrics. */
  refusedWrites = 0;

  constructor(
    private readonly host: SyncHost,
    private readonly deps: SyncExchangeDeps,
  ) {}

  /** A sync message (its type already read off the frame). */
  receive(peer: Peer, decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      // Decoding throws on junk before anything is deferred.
      const hasNothing = Y.decodeStateVector(payload).size === 0;
      this.answers.request(peer, payload, () => this.answerStep1(peer, payload, hasNothing));
    } else if (kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate) {
      // Decoding first rejects truncated or garbled updates before they touch the document.
      const decoded = Y.decodeUpdate(payload);
      // A fresh client's answer to our sync step 1 carries nothing: no need to build the document for it.
      if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
      if (canEditRoadmap(peer.access.role)) {
        this.deps.updates.receive(peer, payload, decoded);
      } else if (!(kind === syncProtocol.messageYjsSyncStep2 && this.firstStep2(peer) && bringsNothingNew(this.host.doc, decoded))) {
        // Never applied, never stored, never broadcast: a read-only connection only reads.
        this.refuseWrite(peer);
      }
    } else {
      throw new ProtocolError(`unknown sync message ${kind}`);
    }
  }

  /** A connection left: nothing is answered to it any more. */
  leave(peer: Peer): void {
    this.refusalNotified.delete(peer);
    this.answers.drop(peer);
  }

  /** Answers a sync step 1 (paced per connection by `answers`): what the peer lacks, as sync step 2. */
  private answerStep1(peer: Peer, stateVector: Uint8Array, hasNothing: boolean): void {
    if (!this.host.has(peer) || this.host.isFailed) return;
    const stored = hasNothing ? (this.stored?.frames() ?? []) : [];
    if (stored.length > 0) {
      for (const frame of stored) peer.send(frame);
      return;
    }
    // Encoded when the gate lets it (reconnect storms take turns), holding only content
    // applied by then, and sent once all of that is committed.
    this.deps.encodes.run(() => {
      if (!this.host.has(peer) || this.host.isFailed) return;
      const base = hasNothing && this.base?.large ? this.base : null;
      const answer = base ? base.framesFor(this.host.doc) : [syncStep2Message(this.host.doc, stateVector)];
      this.host.committed().then(
        () => {
          if (this.host.has(peer)) for (const frame of answer) peer.send(frame);
        },
        () => undefined,
      );
    });
  }

  /**
   * A stock client sends one sync step 2 per connection, answering ours. Only that one may be
   * looked at for being nothing new (docs/roles.md): the look costs up to one pass over the
   * document, so a read-only connection cannot make the server repeat it.
   */
  private firstStep2(peer: Peer): boolean {
    if (this.step2Seen.has(peer)) return false;
    this.step2Seen.add(peer);
    return true;
  }

  private refuseWrite(peer: Peer): void {
    this.refusedWrites++;
    this.deps.metrics?.refused("read-only");
    this.deps.log.info({ board: this.host.boardId, peer: peer.id, role: peer.access.role }, "refused update from read-only connection");
    const now = Date.now();
    if (now - (this.refusalNotified.get(peer) ?? 0) < 1000) return;
    this.refusalNotified.set(peer, now);
    peer.send(permissionDeniedMessage(readOnlyReason(peer.access.role)));
  }
}

/** What a read-only connection is told (stock clients log it). */
export function readOnlyReason(role: Role): string {
  return `read-only: your role on this board is ${role}; edits are not saved`;
}
