import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { BoardId } from "../../lib/model/ids";
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, CloseCode } from "../../lib/protocol/sync";
import type { Logger } from "../log";
import type { ActivityStore } from "../storage/activityStore";
import type { AppendResult, BoardStore } from "../storage/boardStore";
import type { VersionStore } from "../storage/versionStore";
import { BoardVersioner } from "../history/autoVersions";
import { canComment, canEditRoadmap, type Role } from "../../lib/protocol/roles";
import { awarenessMessage, permissionDeniedMessage, syncStep1Message, syncStep2Message, updateMessage } from "./messages";
import { StoredAnswer } from "./storedAnswer";
import { SnapshotBase } from "./snapshotBase";
import { DeferredDoc, LOAD_ORIGIN } from "./deferredDoc";
import { bringsNothingNew } from "./knownContent";
import { PresenceBatcher } from "./presenceBatcher";
import { ActivityRecorder } from "./activityRecorder";
import { ProtocolError, userOf, type Peer } from "./peer";
import { restatementOf, sanitizeAwarenessUpdate } from "./presence";
import { VisitTracker } from "./visitTracker";
import type { WriteBatcher } from "./writeBatcher";
import type { EncodeGate } from "./encodeGate";
import { secondsSince, type SyncMetrics } from "../ops/metrics";
import type { Fanout } from "../fanout/fanout";
import { RoomLink } from "./roomLink";
import { REMOTE_ORIGIN } from "./origins";
import { ClientUpdates, type ClientUpdateDeps } from "./clientUpdates";
import { AnswerPacer } from "./answerPacer";
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
  /** Paces each connection's sync step 1 answers (see AnswerPacer). */
  private readonly answers = new AnswerPacer();
  /** Paces each connection's awareness queries, whose answers hold every presence state. */
  private readonly awarenessQueries = new AnswerPacer();
  readonly awareness = new awarenessProtocol.Awareness(this.board.raw);
  /** Awareness client ids each peer has announced, removed when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  /** Which connection owns each awareness client id: nobody may speak for another's presence. */
  private readonly awarenessOwners = new Map<number, Peer>();
  /** When each read-only peer was last told its write was refused (told at most once a second). */
  private readonly refusalNotified = new Map<Peer, number>();
  /** Writes refused because the connection may not edit, for tests and metrics. */
  refusedWrites = 0;
  /** Read-only connections whose sync step 2 has been received (see firstStep2). */
  private readonly step2Seen = new WeakSet<Peer>();
  private recorder: ActivityRecorder | null = null;
  private versioner: BoardVersioner | null = null;
  /** The last log row the loaded state covers. */
  private loadedSeq = 0;
  /** For clients that have nothing, while the document is still exactly what was loaded. */
  private stored: StoredAnswer | null = null;
  /** The stored snapshot, for clients that have nothing once the document has changed. */
  private base: SnapshotBase | null = null;
  private readonly visits: VisitTracker;
  /** Settles when every update applied so far is committed (or its write failed). */
  private lastWrite: Promise<unknown> = Promise.resolve();
  private lastSeq = 0;
  private compactedSeq = 0;
  private logLength = 0;
  private compacting = false;
  private failed = false;
  private readonly presence = new PresenceBatcher((ids, local) => {
    if (local.length) this.link?.publish("awareness", awarenessProtocol.encodeAwarenessUpdate(this.awareness, local));
    if (this.peers.size === 0) return;
    const message = awarenessMessage(this.awareness, ids);
    for (const peer of this.peers.keys()) peer.send(message);
  });
  /** Awareness client ids of people connected to other instances: nobody here may speak for them. */
  private readonly remoteClients = new Set<number>();
  private link: RoomLink | null = null;

  private constructor(
    readonly boardId: BoardId,
    private readonly deps: RoomDeps,
  ) {
    // The server is not a participant: it must not announce presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onAwarenessUpdate);
    this.visits = new VisitTracker(boardId, deps.store, deps.log);
    this.updates = new ClientUpdates(this, deps);
  }

  /** Loads a board from storage; the room answers nobody before this completes. */
  static async load(boardId: BoardId, deps: RoomDeps): Promise<Room> {
    const room = new Room(boardId, deps);
    // Listen before reading storage: an update another instance commits meanwhile arrives
    // either in what we read or on the channel (and the state-vector exchange catches the rest).
    if (deps.fanout) room.link = new RoomLink(room, deps.fanout, deps.store, deps.log, deps.metrics, deps.repairIntervalMs);
    const [{ updates, logLength, snapshotStateVector, checked, lastSeq }] = await Promise.all([
      deps.store.loadUpdates(boardId),
      deps.laneRules?.load(boardId),
    ]);
    room.logLength = logLength;
    room.loadedSeq = lastSeq ?? 0;
    // Stored bytes go out as they are only when every one of them passed the layout check when
    // written; anything else (older rows, rows written around the server) is checked when the
    // document is built, and answers are encoded from the document.
    const allChecked = checked.length === updates.length && checked.every(Boolean);
    // Another instance's update applied while storage was read makes the document more than
    // what was stored: then the stored form is not the whole answer (and the document is built).
    if (allChecked && room.board.raw.store.clients.size === 0) room.stored = new StoredAnswer(updates);
    if (updates[0] && checked[0]) room.base = new SnapshotBase(updates[0], snapshotStateVector ?? null);
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
    return [...this.peers.keys()];
  }

  /** Starts the standard y-websocket handshake with a new peer. */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    this.visits.joined(peer);
    peer.send(syncStep1Message(this.stateVector()));
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
      peer.access = { ...peer.access, role, identity: { ...peer.access.identity, readOnly: !canEditRoadmap(role), canComment: peer.access.principal.kind === "user" && canComment(role) } };
      if (wasEditor && !canEditRoadmap(role)) {
        peer.send(permissionDeniedMessage(readOnlyReason(role)));
        this.restatePresence(peer);
      }
    }
  }

  /**
   * A connection that may no longer lead stops leading now: its presence is restated under the
   * rules of its new role (see restatementOf). Its own client takes the restated state too
   * (a newer clock for its own id), and its next message is cleaned the same way.
   */
  private restatePresence(peer: Peer): void {
    for (const id of this.peers.get(peer) ?? []) {
      const state = this.awareness.getStates().get(id);
      const clock = this.awareness.meta.get(id)?.clock;
      if (!state || clock === undefined) continue;
      awarenessProtocol.applyAwarenessUpdate(this.awareness, restatementOf(id, clock, state, peer.access.identity), peer);
    }
  }

  /** The board was deleted: close every connection and never write for it again. */
  discard(): void {
    this.failed = true;
    this.recorder?.discard();
    this.visits.discard();
    for (const peer of [...this.peers.keys()]) {
      this.leave(peer);
      peer.close(CloseCode.NotFound, "board deleted");
    }
  }

  leave(peer: Peer): void {
    const ids = this.peers.get(peer);
    if (!ids) return;
    this.peers.delete(peer);
    this.visits.left(peer);
    this.refusalNotified.delete(peer);
    this.updates.forget(peer);
    this.answers.drop(peer);
    this.awarenessQueries.drop(peer);
    for (const id of ids) if (this.awarenessOwners.get(id) === peer) this.awarenessOwners.delete(id);
    if (ids.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
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
    for (const peer of this.peers.keys()) peer.close(CloseCode.GoingAway, "board unloaded");
    this.peers.clear();
    this.presence.stop();
    this.board.raw.off("update", this.onDocUpdate);
    this.awareness.destroy();
    this.board.raw.destroy();
    this.deps.laneRules?.forget(this.boardId);
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
        // Each answer encodes every presence state on the board: paced like sync step 1.
        this.awarenessQueries.request(peer, frame, () => {
          if (this.peers.has(peer)) peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        });
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
      // Decoding throws on junk before anything is deferred.
      const hasNothing = Y.decodeStateVector(payload).size === 0;
      this.answers.request(peer, payload, () => this.answerStep1(peer, payload, hasNothing));
    } else if (kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate) {
      // Decoding first rejects truncated or garbled updates before they touch the document.
      const decoded = Y.decodeUpdate(payload);
      // A fresh client's answer to our sync step 1 carries nothing: no need to build the document for it.
      if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
      if (canEditRoadmap(peer.access.role)) {
        this.updates.receive(peer, payload, decoded);
      } else if (!(kind === syncProtocol.messageYjsSyncStep2 && this.firstStep2(peer) && bringsNothingNew(this.doc, decoded))) {
        // Never applied, never stored, never broadcast: a read-only connection only reads.
        this.refuseWrite(peer);
      }
    } else {
      throw new ProtocolError(`unknown sync message ${kind}`);
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
    for (const peer of [...this.peers.keys()]) {
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

  /** Answers a sync step 1 (paced per connection by `answers`): what the peer lacks, as sync step 2. */
  private answerStep1(peer: Peer, stateVector: Uint8Array, hasNothing: boolean): void {
    if (!this.peers.has(peer) || this.failed) return;
    const stored = hasNothing ? (this.stored?.frames() ?? []) : [];
    if (stored.length > 0) {
      for (const frame of stored) peer.send(frame);
      return;
    }
    // Encoded when the gate lets it (reconnect storms take turns), holding only content
    // applied by then, and sent once all of that is committed.
    this.deps.encodes.run(() => {
      if (!this.peers.has(peer) || this.failed) return;
      const base = hasNothing && this.base?.large ? this.base : null;
      const answer = base ? base.framesFor(this.doc) : [syncStep2Message(this.doc, stateVector)];
      this.lastWrite.then(
        () => {
          if (this.peers.has(peer)) for (const frame of answer) peer.send(frame);
        },
        () => undefined,
      );
    });
  }

  private receiveAwareness(peer: Peer, update: Uint8Array): void {
    const owned = this.peers.get(peer)!;
    const { update: truthful, forged } = sanitizeAwarenessUpdate(
      update,
      peer.access.identity,
      (id) => {
        const clock = this.awareness.meta.get(id)?.clock;
        if (this.remoteClients.has(id)) return { owner: "other", clock };
        const owner = this.awarenessOwners.get(id);
        return { owner: owner === undefined ? "none" : owner === peer ? "self" : "other", clock };
      },
      owned.size,
    );
    if (forged.length) {
      this.deps.log.warn({ board: this.boardId, peer: peer.id, forged }, "dropped forged presence");
      this.deps.metrics?.refused("forged-presence");
    }
    if (truthful) awarenessProtocol.applyAwarenessUpdate(this.awareness, truthful, peer);
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
    this.deps.log.info({ board: this.boardId, peer: peer.id, role: peer.access.role }, "refused update from read-only connection");
    const now = Date.now();
    if (now - (this.refusalNotified.get(peer) ?? 0) < 1000) return;
    this.refusalNotified.set(peer, now);
    peer.send(permissionDeniedMessage(readOnlyReason(peer.access.role)));
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    this.stored = null;
    if (origin === REMOTE_ORIGIN) {
      // Committed by the instance that received it: show it, do not store or publish it again.
      const message = updateMessage(update);
      for (const peer of this.peers.keys()) peer.send(message);
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
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    this.deps.metrics?.updateApplied();
    this.deps.metrics?.fannedOut(secondsSince(arrived));
    this.link?.publish("update", update);
    if (this.logLength >= this.deps.compactThreshold) void this.compact();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = origin as Peer;
    const ids = this.peers.get(peer);
    if (origin === REMOTE_ORIGIN) {
      for (const id of [...added, ...updated]) this.remoteClients.add(id);
      for (const id of removed) this.remoteClients.delete(id);
    }
    if (ids) {
      // Ownership lasts until the connection leaves, even if it clears its state meanwhile.
      for (const id of [...added, ...updated]) {
        ids.add(id);
        this.awarenessOwners.set(id, peer);
      }
    }
    this.presence.note([...added, ...updated, ...removed], origin !== REMOTE_ORIGIN);
  };

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
      this.base = new SnapshotBase(state, stateVector);
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
