import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { BoardId } from "../../lib/model/ids";
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, CloseCode } from "../../lib/protocol/sync";
import type { Logger } from "../log";
import type { ActivityStore } from "../storage/activityStore";
import type { AppendResult, BoardStore } from "../storage/boardStore";
import type { VersionStore } from "../storage/versionStore";
import { BoardVersioner } from "../history/autoVersions";
import { canComment, canEditRoadmap, type Role } from "../../lib/protocol/roles";
import { permissionDeniedMessage, syncStep1Message, updateMessage } from "./messages";
import { StoredAnswer } from "./storedAnswer";
import { SnapshotBase } from "./snapshotBase";
import { DeferredDoc, LOAD_ORIGIN } from "./deferredDoc";
import { ActivityRecorder } from "./activityRecorder";
import { ProtocolError, userOf, type Peer } from "./peer";
import { RoomPresence } from "./roomPresence";
import { readOnlyReason, SyncExchange } from "./syncExchange";
import { VisitTracker } from "./visitTracker";
import type { WriteBatcher } from "./writeBatcher";
import type { EncodeGate } from "./encodeGate";
import { secondsSince, type SyncMetrics } from "../ops/metrics";
import type { Fanout } from "../fanout/fanout";
import { RoomLink } from "./roomLink";
import { REMOTE_ORIGIN } from "./origins";
import { ClientUpdates, type ClientUpdateDeps } from "./clientUpdates";
import { boundedTitle } from "../../lib/model/plainText";

export interface RoomDeps extends ClientUpdateDeps {
  /** Board updates, and the history and visits behind "what changed since your last visit". */
  store: BoardStore & ActivityStore & VersionStore;
  batcher: WriteBatcher;
  log: Logger;
  /** Fold the update log into a snapshot once it holds this many rows. */
  compactThreshold: number;
  /** Shared by all rooms: state encodes for connecting clients run a few at a time. */
  encodes: EncodeGate;
  metrics?: SyncMetrics;
  /** Other instances serving the same boards (Redis); absent when this process is alone. */
  fanout?: Fanout;
  /** How often a room tells the other instances its state vector, so lost messages get repaired. */
  repairIntervalMs?: number;
}

/**
 * One loaded board: its Y.Doc, awareness and connected peers. The rule that matters: an update
 * is committed to storage before any other peer receives it, and no sync answer contains
 * content that is not yet committed, so whatever anyone has seen survives a crash.
 */
export class Room {
  /** The board's document, built from storage only when something needs it (see DeferredDoc). */
  private readonly board = new DeferredDoc(
    () => this.watchEdits(),
    (update, index, reason) => this.quarantine(update, index, reason),
  );
  /** Checks, applies, holds back or refuses what editors send (see ClientUpdates). */
  private readonly updates: ClientUpdates;
  /** Answers sync step 1, takes step 2 and updates (see SyncExchange). */
  private readonly sync: SyncExchange;
  /** Who is here and what they say of themselves (see RoomPresence). */
  private readonly presence: RoomPresence;
  /** The connections in the room. */
  private readonly peers = new Set<Peer>();
  private recorder: ActivityRecorder | null = null;
  private versioner: BoardVersioner | null = null;
  /** The last log row the loaded state covers. */
  private loadedSeq = 0;
  private readonly visits: VisitTracker;
  /** Settles when every update applied so far is committed (or its write failed). */
  private lastWrite: Promise<unknown> = Promise.resolve();
  private lastSeq = 0;
  private compactedSeq = 0;
  private logLength = 0;
  private compacting = false;
  private failed = false;
  private link: RoomLink | null = null;

  private constructor(
    readonly boardId: BoardId,
    private readonly deps: RoomDeps,
  ) {
    this.presence = new RoomPresence(this.board.raw, {
      boardId,
      log: deps.log,
      metrics: deps.metrics,
      publish: (local) => this.link?.publish("awareness", awarenessProtocol.encodeAwarenessUpdate(this.awareness, local)),
    });
    this.visits = new VisitTracker(boardId, deps.store, deps.log);
    this.updates = new ClientUpdates(this, deps);
    this.sync = new SyncExchange(this, { log: deps.log, metrics: deps.metrics, encodes: deps.encodes, updates: this.updates });
  }

  /** Everyone's presence on this board (y-protocols awareness), as RoomPresence keeps it. */
  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  /** Writes refused because the connection may not edit, for tests and metrics. */
  get refusedWrites(): number {
    return this.sync.refusedWrites;
  }

  /** Loads a board from storage; the room answers nobody before this completes. */
  static async load(boardId: BoardId, deps: RoomDeps): Promise<Room> {
    const room = new Room(boardId, deps);
    // Listen before reading storage: an update another instance commits meanwhile arrives
    // either in what we read or on the channel (and the state-vector exchange catches the rest).
    if (deps.fanout) room.link = new RoomLink(room, deps.fanout, deps.store, deps.log, deps.metrics, deps.repairIntervalMs);
    // Lane rules are read before an editor's upgrade (syncServer), not here: every round trip
    // added to a load keeps sockets out of the room longer (docs/teams.md).
    const { updates, logLength, snapshotStateVector, checked, lastSeq } = await deps.store.loadUpdates(boardId);
    room.logLength = logLength;
    room.loadedSeq = lastSeq ?? 0;
    // Stored bytes go out as they are only when every one of them passed the layout check when
    // written; anything else (older rows, rows written around the server) is checked when the
    // document is built, and answers are encoded from the document.
    const allChecked = checked.length === updates.length && checked.every(Boolean);
    // Another instance's update applied while storage was read makes the document more than
    // what was stored: then the stored form is not the whole answer (and the document is built).
    if (allChecked && room.board.raw.store.clients.size === 0) room.sync.stored = new StoredAnswer(updates);
    if (updates[0] && checked[0]) room.sync.base = new SnapshotBase(updates[0], snapshotStateVector ?? null);
    room.board.load(updates, snapshotStateVector, checked);
    return room;
  }

  /**
   * The board's document, built from storage on first use. Everything that reads or changes
   * the content goes through here; only the handshake of clients that have nothing, and
   * empty updates, are answered without it.
   */
  get doc(): Y.Doc {
    return this.board.doc;
  }

  /** Whether the document has been built (tests). */
  get materialized(): boolean {
    return this.board.built;
  }

  /** The document's state vector, read off the stored updates while the document is not built. */
  stateVector(): Uint8Array {
    return this.board.stateVector();
  }

  /**
   * Starts storing and relaying edits and recording activity, once the stored board is in.
   * Not before: with an "update" listener Yjs encodes the whole load transaction as one update
   * (as costly as encoding the board again, only for the listener to ignore it), and a deep
   * observer makes it build an event for every item and description loaded. On a 10,000-item
   * board those two were a third of the load time. Connections may be open already, but
   * nothing has changed the document before this (changing it builds it), and the recorder
   * learns every loaded object's name when it starts.
   */
  private watchEdits(): void {
    this.board.raw.on("update", this.onDocUpdate);
    this.recorder = new ActivityRecorder(this.board.raw, {
      boardId: this.boardId,
      store: this.deps.store,
      log: this.deps.log,
      peerOf: (origin) => (this.peers.has(origin as Peer) ? (origin as Peer) : undefined),
    });
    this.versioner = new BoardVersioner(this.board.raw, {
      boardId: this.boardId,
      store: this.deps.store,
      log: this.deps.log,
      userOf: (origin) => (this.peers.has(origin as Peer) ? userOf(origin as Peer) : null),
      // Rows this room committed, or loaded: all are in the document (pending ones come after).
      position: () => Math.max(this.loadedSeq, this.lastSeq),
      // Read after the load, not during it: a load that takes longer keeps connections waiting.
      lastEditedAt: async () => (await this.deps.store.getBoard(this.boardId))?.updatedAt ?? null,
    });
  }

  /** Takes this board's versions (named, automatic, before a restore); asking for it builds the document. */
  get versions(): BoardVersioner {
    void this.doc;
    if (!this.versioner) throw new Error("the room is not loaded yet");
    return this.versioner;
  }

  /** Who changed which object, and how; tests flush it to read what was recorded. */
  get activity(): ActivityRecorder {
    // Recording starts with the document; asking for it builds the document.
    void this.doc;
    if (!this.recorder) throw new Error("the room is not loaded yet");
    return this.recorder;
  }

  /** Writes the activity waiting to be recorded (a summary is about to be read); no document is built for it. */
  async flushActivity(): Promise<void> {
    await this.recorder?.flush();
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** The connections now in the room (a copy). */
  connectedPeers(): Peer[] {
    return [...this.peers];
  }

  /** Starts the standard y-websocket handshake with a new peer. */
  join(peer: Peer): void {
    this.peers.add(peer);
    this.visits.joined(peer);
    peer.send(syncStep1Message(this.stateVector()));
    this.presence.join(peer);
    if (!canEditRoadmap(peer.access.role)) peer.send(permissionDeniedMessage(readOnlyReason(peer.access.role)));
  }

  /**
   * Applies a role change to the open connections it concerns, at once: a downgrade refuses
   * the very next update; `null` (removed, link revoked) closes the connection.
   */
  updateAccess(matches: (peer: Peer) => boolean, role: Role | null): void {
    for (const peer of [...this.peers]) {
      if (!matches(peer)) continue;
      if (role === null) {
        this.leave(peer);
        peer.close(CloseCode.Forbidden, "access to this board was removed");
        continue;
      }
      const wasEditor = canEditRoadmap(peer.access.role);
      peer.access = { ...peer.access, role, identity: { ...peer.access.identity, readOnly: !canEditRoadmap(role), canComment: peer.access.principal.kind === "user" && canComment(role) } };
      if (wasEditor && !canEditRoadmap(role)) {
        peer.send(permissionDeniedMessage(readOnlyReason(role)));
        this.presence.restate(peer);
      }
    }
  }

  /** The board was deleted: close every connection and never write for it again. */
  discard(): void {
    this.failed = true;
    this.recorder?.discard();
    this.visits.discard();
    for (const peer of [...this.peers]) {
      this.leave(peer);
      peer.close(CloseCode.NotFound, "board deleted");
    }
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.visits.left(peer);
    this.updates.forget(peer);
    this.sync.leave(peer);
    this.presence.leave(peer);
  }

  /**
   * Handles one frame from a peer. Anything malformed closes that peer only; the room and the
   * other peers carry on.
   */
  receive(peer: Peer, frame: Uint8Array): void {
    if (this.failed || !this.peers.has(peer)) return;
    try {
      this.dispatch(peer, frame);
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : "malformed message";
      this.deps.log.warn({ board: this.boardId, peer: peer.id, err: String(error) }, "closing peer: bad message");
      this.deps.metrics?.refused("malformed");
      this.leave(peer);
      peer.close(CloseCode.BadMessage, reason);
    }
  }

  /** Whether the connection is in the room. */
  has(peer: Peer): boolean {
    return this.peers.has(peer);
  }

  /** Settles when every update applied so far is committed (rejects when a write failed). */
  committed(): Promise<unknown> {
    return this.lastWrite;
  }

  /** Settles once everything applied so far is committed. */
  async flushed(): Promise<void> {
    await this.lastWrite.catch(() => undefined);
  }

  /** Flushes, compacts what is logged and frees the document. */
  async unload(): Promise<void> {
    await this.flushed();
    if (!this.failed && this.lastSeq > this.compactedSeq) await this.compact();
    this.versioner?.stop();
    await Promise.all([this.recorder?.close(), this.visits.close(), this.versioner?.settled()]);
    this.link?.close();
    for (const peer of this.peers) peer.close(CloseCode.GoingAway, "board unloaded");
    this.peers.clear();
    this.presence.stop();
    this.board.raw.off("update", this.onDocUpdate);
    this.awareness.destroy();
    this.board.raw.destroy();
  }

  private dispatch(peer: Peer, frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return this.sync.receive(peer, decoder);
      case MESSAGE_AWARENESS:
        return this.presence.receive(peer, decoding.readVarUint8Array(decoder));
      case MESSAGE_QUERY_AWARENESS:
        // Each answer encodes every presence state on the board: paced like sync step 1.
        return this.presence.query(peer, frame);
      case MESSAGE_AUTH:
        // Clients do not send auth messages in this protocol; ignoring one is harmless.
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  /**
   * Something went wrong while the document changed: stop, close every connection with 1011
   * (clients reconnect and re-send what was not stored) and let the registry reload the board
   * from storage on the next connection. Updates already handed to storage still commit.
   */
  failClosed(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.deps.log.error({ board: this.boardId, err: String(error) }, "applying an update failed; closing the room to reload it from storage");
    for (const peer of [...this.peers]) {
      this.leave(peer);
      peer.close(CloseCode.ServerError, "the board reloads after a server error; reconnect");
    }
  }

  /** A stored update that breaks the layout (from before the check): a copy is kept aside. */
  private quarantine(update: Uint8Array, index: number, reason: string): void {
    this.deps.log.error(
      { board: this.boardId, index, bytes: update.byteLength, reason },
      "stored update outside the board's layout: kept in quarantine, its misplaced content removed from the board",
    );
    this.deps.store.quarantine(this.boardId, update, reason).catch((error: unknown) => {
      this.deps.log.error({ board: this.boardId, err: String(error) }, "could not store a quarantined update");
    });
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    this.sync.stored = null;
    if (origin === REMOTE_ORIGIN) {
      // Committed by the instance that received it: show it, do not store or publish it again.
      const message = updateMessage(update);
      for (const peer of this.peers) peer.send(message);
      return;
    }
    const arrived = performance.now();
    // The listing's copy of the title is bounded and cleaned like the field itself (plainText.ts).
    const written = this.deps.batcher.append(this.boardId, update, boundedTitle(this.doc.getMap("board").get("title")));
    this.lastWrite = written;
    written.then(
      (result) => this.afterCommit(update, origin, result, arrived),
      (error: unknown) => this.fail(error),
    );
  };

  private afterCommit(update: Uint8Array, origin: unknown, result: AppendResult, arrived: number): void {
    if (this.failed) return;
    this.lastSeq = Math.max(this.lastSeq, result.lastSeq);
    this.logLength = result.logLength;
    const message = updateMessage(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
    this.deps.metrics?.updateApplied();
    this.deps.metrics?.fannedOut(secondsSince(arrived));
    this.link?.publish("update", update);
    if (this.logLength >= this.deps.compactThreshold) void this.compact();
  }

  private async compact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    try {
      const upToSeq = this.lastSeq;
      // With other instances writing the same log, rows below our last one may be theirs and
      // not have reached us yet (a lost or late message): read them in first, or the snapshot
      // that replaces those rows would lack them.
      if (this.link) await this.link.repair();
      // The document holds every logged row up to upToSeq (and maybe more, which is harmless).
      // The vector is the document's own: exactly what Yjs would read off the encoded state
      // (both count each client's structs without a gap from 0), at none of the cost.
      const state = Y.encodeStateAsUpdate(this.doc);
      const stateVector = Y.encodeStateVector(this.doc);
      await this.deps.store.compact(this.boardId, state, upToSeq, stateVector);
      this.sync.base = new SnapshotBase(state, stateVector);
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
    for (const peer of [...this.peers]) {
      this.leave(peer);
      peer.close(CloseCode.ServerError, "storage unavailable, reconnect");
    }
  }

  get isFailed(): boolean {
    return this.failed;
  }
}
