import * as Y from "yjs";
import type { BoardId } from "../../lib/model/ids";
import { CloseCode } from "../../lib/protocol/sync";
import type { Logger } from "../log";
import type { SyncMetrics } from "../ops/metrics";
import { ProtocolError, type Peer } from "./peer";
import { PendingUpdates, type Needs } from "./pendingUpdates";
import { LANE_REFUSED_CLOSE } from "../../lib/protocol/teams";
import { laneRefusal } from "./laneGuard";
import type { LaneRules } from "./laneRules";
import { checkEncodedUpdate, checkUpdate, type DecodedUpdate, type Verdict } from "./updateGuard";

export interface ClientUpdateDeps {
  log: Logger;
  metrics?: SyncMetrics;
  /**
   * False only for the benchmark's reference (`waymark-unchecked` in bench:sync), which measures
   * what the layout check costs; never settable from the environment.
   */
  checkUpdates?: boolean;
  /** Bytes of updates one connection, and the whole board, may have waiting for content the room lacks. */
  maxPendingBytesPerPeer?: number;
  maxPendingBytesPerBoard?: number;
  /** Lane owners and the lane policy of loaded boards (docs/teams.md); absent: no lane is owned. */
  laneRules?: LaneRules;
}

/** Defaults of the pending bounds: far above the few edits a reconnecting client sends early. */
export const MAX_PENDING_BYTES_PER_PEER = 1024 * 1024;
export const MAX_PENDING_BYTES_PER_BOARD = 8 * 1024 * 1024;

/** The room as the intake of client updates needs it. */
export interface UpdateHost {
  readonly boardId: BoardId;
  readonly doc: Y.Doc;
  readonly isFailed: boolean;
  leave(peer: Peer): void;
  failClosed(error: unknown): void;
}

const UNCHECKED: Verdict = { kind: "ok" };

/** The account behind a connection (a share link's guests count as one). */
function ownerOf(peer: Peer): string {
  const { principal } = peer.access;
  return principal.kind === "user" ? `user:${principal.userId}` : `link:${principal.shareLinkId}`;
}

/**
 * What an editor's update becomes (docs/document-rules.md): checked against the board's layout
 * and against what the document holds (updateGuard.ts), then applied, kept aside until what it
 * builds on arrives (PendingUpdates), or refused with 4400. Applying never goes on half-done:
 * any exception fails the room closed.
 */
export class ClientUpdates {
  private readonly pending: PendingUpdates;

  constructor(
    private readonly host: UpdateHost,
    private readonly deps: ClientUpdateDeps,
  ) {
    this.pending = new PendingUpdates(
      deps.maxPendingBytesPerPeer ?? MAX_PENDING_BYTES_PER_PEER,
      deps.maxPendingBytesPerBoard ?? MAX_PENDING_BYTES_PER_BOARD,
      1_000,
      ownerOf,
    );
  }

  /** An editor's non-empty update, decoded. */
  receive(peer: Peer, update: Uint8Array, decoded: DecodedUpdate): void {
    const verdict = this.deps.checkUpdates === false ? UNCHECKED : checkUpdate(this.host.doc, decoded);
    if (verdict.kind === "refused") return this.refuse(peer, verdict.reason);
    if (verdict.kind === "missing") {
      if (!this.pending.hold(peer, update, verdict.needs)) this.refusePending(peer);
      return;
    }
    if (this.outsideLanes(peer, () => decoded)) return;
    // An update that builds only on what the document has goes in at once, even while an
    // older one of the same connection waits: it cannot depend on that one.
    if (this.integrate(peer, update)) this.retryPending();
  }

  /** Drops what a connection had waiting (it left; the client re-sends it when it reconnects). */
  forget(peer: Peer): void {
    this.pending.drop(peer);
  }

  /** Applies held updates whose missing content has arrived, until none moves. */
  private retryPending(): void {
    const doc = this.host.doc;
    const has = (needs: Needs) => Y.getState(doc.store, needs.client) > needs.clock;
    for (let moved = true; moved && !this.host.isFailed; ) {
      moved = false;
      for (const [peer, update] of this.pending.ready(has)) {
        const verdict = checkEncodedUpdate(doc, update);
        if (verdict.kind === "missing") {
          if (!this.pending.waitAgain(peer, verdict.needs)) this.refusePending(peer);
          continue;
        }
        this.pending.shift(peer);
        if (verdict.kind === "refused") {
          this.refuse(peer, verdict.reason);
          continue;
        }
        if (this.outsideLanes(peer, () => Y.decodeUpdate(update))) continue;
        try {
          if (!this.integrate(peer, update)) return;
        } catch (error) {
          this.refuse(peer, error instanceof ProtocolError ? error.message : "update could not be applied");
          continue;
        }
        moved = true;
      }
    }
  }

  /**
   * Applies a checked update. Any exception while applying fails the room closed: Yjs may have
   * stopped half-way through a transaction, and a document in that state must not go on
   * storing and relaying (it did, silently, before).
   */
  private integrate(origin: Peer, update: Uint8Array): boolean {
    const store = this.host.doc.store;
    const hadPending = store.pendingStructs !== null || store.pendingDs !== null;
    try {
      Y.applyUpdate(this.host.doc, update, origin);
    } catch (error) {
      this.host.failClosed(error);
      return false;
    }
    if (!hadPending && (store.pendingStructs !== null || store.pendingDs !== null)) {
      // The guard let through something Yjs could not place: it must not stay in the document.
      store.pendingStructs = null;
      store.pendingDs = null;
      throw new ProtocolError("update refers to content the server does not have");
    }
    return true;
  }

  /**
   * An editor's update that reaches a lane owned by others, on a board whose policy asks
   * them to propose (docs/teams.md): refused whole, like a layout refusal, but with 4403 so
   * the client knows to drop its unsaved copy and reload rather than resend it.
   */
  private outsideLanes(peer: Peer, decoded: () => DecodedUpdate): boolean {
    const { principal, role } = peer.access;
    const mayEdit = this.deps.laneRules?.restriction(this.host.boardId, role, principal.kind === "user" ? principal.userId : null);
    if (!mayEdit) return false;
    const reason = laneRefusal(this.host.doc, decoded(), mayEdit);
    if (!reason) return false;
    this.deps.metrics?.refused("lane");
    this.deps.log.info({ board: this.host.boardId, peer: peer.id, reason }, "refused update: a lane owned by others");
    this.host.leave(peer);
    peer.close(LANE_REFUSED_CLOSE, reason);
    return true;
  }

  /** Too much waits, or waits too long: the connection goes; an honest client reconnects and re-sends. */
  private refusePending(peer: Peer): void {
    this.deps.metrics?.refused("pending-full");
    this.deps.log.warn(
      { board: this.host.boardId, peer: peer.id, pendingBytes: this.pending.bytes },
      "refused connection: too much waiting for content the server lacks",
    );
    this.host.leave(peer);
    peer.close(CloseCode.TooMuchPending, "too many updates that build on content the server does not have; reconnect");
  }

  /** An update that breaks the board's layout: never applied, stored or relayed. */
  private refuse(peer: Peer, reason: string): void {
    this.deps.metrics?.refused("layout");
    this.deps.log.warn({ board: this.host.boardId, peer: peer.id, reason }, "refused update: outside the board's layout");
    this.host.leave(peer);
    peer.close(CloseCode.BadMessage, `update refused: ${reason}`);
  }
}
