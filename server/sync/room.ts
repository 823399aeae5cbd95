import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { BoardId } from "../../lib/model/ids";
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, CloseCode } from "../../lib/protocol/sync";
import type { Logger } from "../log";
import type { AppendResult, BoardStore } from "../storage/boardStore";
import { canEditRoadmap, type Role } from "../../lib/protocol/roles";
import { awarenessMessage, permissionDeniedMessage, syncStep1Message, syncStep2Message, updateMessage } from "./messages";
import { ProtocolError, type Peer } from "./peer";
import { sanitizeAwarenessUpdate } from "./presence";
import type { WriteBatcher } from "./writeBatcher";

/** Origin of updates replayed from storage: they are already stored, so they are not re-written. */
const LOAD_ORIGIN = Symbol("load");

export interface RoomDeps {
  store: BoardStore;
  batcher: WriteBatcher;
  log: Logger;
  /** Fold the update log into a snapshot once it holds this many rows. */
  compactThreshold: number;
}

/**
 * One loaded board: its Y.Doc, awareness and connected peers. The rule that matters: an update
 * is committed to storage before any other peer receives it, and no sync answer contains
 * content that is not yet committed, so whatever anyone has seen survives a crash.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Awareness client ids each peer has announced, removed when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  /** Which connection owns each awareness client id: nobody may speak for another's presence. */
  private readonly awarenessOwners = new Map<number, Peer>();
  /** When each read-only peer was last told its write was refused (told at most once a second). */
  private readonly refusalNotified = new Map<Peer, number>();
  /** Writes refused because the connection may not edit, for tests and metrics. */
  refusedWrites = 0;
  /** Settles when every update applied so far is committed (or its write failed). */
  private lastWrite: Promise<unknown> = Promise.resolve();
  private lastSeq = 0;
  private compactedSeq = 0;
  private logLength = 0;
  private compacting = false;
  private failed = false;

  private constructor(
    readonly boardId: BoardId,
    private readonly deps: RoomDeps,
  ) {
    // The server is not a participant: it must not announce presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** Loads a board from storage; the room answers nobody before this completes. */
  static async load(boardId: BoardId, deps: RoomDeps): Promise<Room> {
    const room = new Room(boardId, deps);
    const { updates, logLength } = await deps.store.loadUpdates(boardId);
    room.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(room.doc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    room.logLength = logLength;
    return room;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Starts the standard y-websocket handshake with a new peer. */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    peer.send(syncStep1Message(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) peer.send(awarenessMessage(this.awareness, states));
    if (!canEditRoadmap(peer.access.role)) peer.send(permissionDeniedMessage(readOnlyReason(peer.access.role)));
  }

  /**
   * Applies a role change to the open connections it concerns, at once: a downgrade refuses
   * the very next update; `null` (removed, link revoked) closes the connection.
   */
  updateAccess(matches: (peer: Peer) => boolean, role: Role | null): void {
    for (const peer of [...this.peers.keys()]) {
      if (!matches(peer)) continue;
      if (role === null) {
        this.leave(peer);
        peer.close(CloseCode.Forbidden, "access to this board was removed");
        continue;
      }
      const wasEditor = canEditRoadmap(peer.access.role);
      peer.access = { ...peer.access, role, identity: { ...peer.access.identity, readOnly: !canEditRoadmap(role) } };
      if (wasEditor && !canEditRoadmap(role)) peer.send(permissionDeniedMessage(readOnlyReason(role)));
    }
  }

  /** The board was deleted: close every connection and never write for it again. */
  discard(): void {
    this.failed = true;
    for (const peer of [...this.peers.keys()]) {
      this.leave(peer);
      peer.close(CloseCode.NotFound, "board deleted");
    }
  }

  leave(peer: Peer): void {
    const ids = this.peers.get(peer);
    if (!ids) return;
    this.peers.delete(peer);
    this.refusalNotified.delete(peer);
    for (const id of ids) if (this.awarenessOwners.get(id) === peer) this.awarenessOwners.delete(id);
    if (ids.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  /**
   * Handles one frame from a peer. Anything malformed closes that peer only; the room and the
   * other peers carry on.
   */
  receive(peer: Peer, frame: Uint8Array): void {
    if (!this.peers.has(peer)) return;
    try {
      this.dispatch(peer, frame);
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : "malformed message";
      this.deps.log.warn({ board: this.boardId, peer: peer.id, err: String(error) }, "closing peer: bad message");
      this.leave(peer);
      peer.close(CloseCode.BadMessage, reason);
    }
  }

  /** Settles once everything applied so far is committed. */
  async flushed(): Promise<void> {
    await this.lastWrite.catch(() => undefined);
  }

  /** Flushes, compacts what is logged and frees the document. */
  async unload(): Promise<void> {
    await this.flushed();
    if (!this.failed && this.lastSeq > this.compactedSeq) await this.compact();
    for (const peer of this.peers.keys()) peer.close(CloseCode.GoingAway, "board unloaded");
    this.peers.clear();
    this.doc.off("update", this.onDocUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private dispatch(peer: Peer, frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return this.receiveSync(peer, decoder);
      case MESSAGE_AWARENESS:
        return this.receiveAwareness(peer, decoding.readVarUint8Array(decoder));
      case MESSAGE_QUERY_AWARENESS:
        peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case MESSAGE_AUTH:
        // Clients do not send auth messages in this protocol; ignoring one is harmless.
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  private receiveSync(peer: Peer, decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      Y.decodeStateVector(payload); // throws on junk before anything is deferred
      // Encode now (only content applied so far), send once all of that is committed.
      const answer = syncStep2Message(this.doc, payload);
      this.lastWrite.then(
        () => this.peers.has(peer) && peer.send(answer),
        () => undefined,
      );
    } else if (kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate) {
      // Decoding first rejects truncated or garbled updates before they touch the document.
      const decoded = Y.decodeUpdate(payload);
      if (canEditRoadmap(peer.access.role)) {
        Y.applyUpdate(this.doc, payload, peer);
      } else if (decoded.structs.length > 0 || decoded.ds.clients.size > 0) {
        // Never applied, never stored, never broadcast: a read-only connection only reads.
        this.refuseWrite(peer);
      }
    } else {
      throw new ProtocolError(`unknown sync message ${kind}`);
    }
  }

  private receiveAwareness(peer: Peer, update: Uint8Array): void {
    const owned = this.peers.get(peer)!;
    const { update: truthful, forged } = sanitizeAwarenessUpdate(
      update,
      peer.access.identity,
      (id) => {
        const owner = this.awarenessOwners.get(id);
        return owner === undefined ? "none" : owner === peer ? "self" : "other";
      },
      owned.size,
    );
    if (forged.length) this.deps.log.warn({ board: this.boardId, peer: peer.id, forged }, "dropped forged presence");
    if (truthful) awarenessProtocol.applyAwarenessUpdate(this.awareness, truthful, peer);
  }

  private refuseWrite(peer: Peer): void {
    this.refusedWrites++;
    this.deps.log.info({ board: this.boardId, peer: peer.id, role: peer.access.role }, "refused update from read-only connection");
    const now = Date.now();
    if (now - (this.refusalNotified.get(peer) ?? 0) < 1000) return;
    this.refusalNotified.set(peer, now);
    peer.send(permissionDeniedMessage(readOnlyReason(peer.access.role)));
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    const title = this.doc.getMap("board").get("title");
    const written = this.deps.batcher.append(this.boardId, update, typeof title === "string" ? title : undefined);
    this.lastWrite = written;
    written.then(
      (result) => this.afterCommit(update, origin, result),
      (error: unknown) => this.fail(error),
    );
  };

  private afterCommit(update: Uint8Array, origin: unknown, result: AppendResult): void {
    if (this.failed) return;
    this.lastSeq = Math.max(this.lastSeq, result.lastSeq);
    this.logLength = result.logLength;
    const message = updateMessage(update);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    if (this.logLength >= this.deps.compactThreshold) void this.compact();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = origin as Peer;
    const ids = this.peers.get(peer);
    if (ids) {
      // Ownership lasts until the connection leaves, even if it clears its state meanwhile.
      for (const id of [...added, ...updated]) {
        ids.add(id);
        this.awarenessOwners.set(id, peer);
      }
    }
    const changed = [...added, ...updated, ...removed];
    if (!changed.length) return;
    const message = awarenessMessage(this.awareness, changed);
    for (const peer of this.peers.keys()) peer.send(message);
  };

  private async compact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    try {
      const upToSeq = this.lastSeq;
      // The document holds every logged row up to upToSeq (and maybe more, which is harmless).
      await this.deps.store.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), upToSeq);
      this.compactedSeq = upToSeq;
      this.logLength = 0;
      this.deps.log.debug({ board: this.boardId, upToSeq }, "compacted update log");
    } catch (error) {
      this.deps.log.error({ board: this.boardId, err: String(error) }, "compaction failed; log kept");
    } finally {
      this.compacting = false;
    }
  }

  /**
   * A write failed: what is in memory is no longer what is stored. Drop every peer so they
   * reconnect to a freshly loaded room and re-send what they have; nothing unstored was shown.
   */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.deps.log.error({ board: this.boardId, err: String(error) }, "storage write failed; closing room");
    for (const peer of [...this.peers.keys()]) {
      this.leave(peer);
      peer.close(CloseCode.ServerError, "storage unavailable, reconnect");
    }
  }

  get isFailed(): boolean {
    return this.failed;
  }
}

function readOnlyReason(role: Role): string {
  return `read-only: your role on this board is ${role}; edits are not saved`;
}
