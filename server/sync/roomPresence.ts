import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import type { BoardId } from "../../lib/model/ids";
import type { Logger } from "../log";
import type { SyncMetrics } from "../ops/metrics";
import { AnswerPacer } from "./answerPacer";
import { awarenessMessage } from "./messages";
import { REMOTE_ORIGIN } from "./origins";
import type { Peer } from "./peer";
import { restatementOf, sanitizeAwarenessUpdate } from "./presence";
import { PresenceBatcher } from "./presenceBatcher";

export interface PresenceDeps {
  boardId: BoardId;
  log: Logger;
  metrics?: SyncMetrics | undefined;
  /** Publishes the states of these client ids, changed by this instance's connections, to the other instances. */
  publish: (local: number[]) => void;
}

/**
 * Who is in one room and what they say of themselves (awareness): each connection speaks only
 * for the client ids it announced (docs/roles.md), what it says is cleaned for its role
 * (sanitizeAwarenessUpdate), a role change restates it at once, and everything that changed
 * goes out in batches (PresenceBatcher).
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness client ids each peer has announced, removed when it leaves. */
  private readonly owned = new Map<Peer, Set<number>>();
  /** Which connection owns each awareness client id: nobody may speak for another's presence. */
  private readonly owners = new Map<number, Peer>();
  /** Awareness client ids of people connected to other instances: nobody here may speak for them. */
  private readonly remoteClients = new Set<number>();
  /** Paces each connection's awareness queries, whose answers hold every presence state. */
  private readonly queries = new AnswerPacer();
  private readonly batcher = new PresenceBatcher((ids, local) => {
    if (local.length) this.deps.publish(local);
    if (this.owned.size === 0) return;
    const message = awarenessMessage(this.awareness, ids);
    for (const peer of this.owned.keys()) peer.send(message);
  });

  constructor(
    doc: Y.Doc,
    private readonly deps: PresenceDeps,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it must not announce presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** A new connection: it owns no client id yet, and is told everyone's presence. */
  join(peer: Peer): void {
    this.owned.set(peer, new Set());
    const states = [...this.awareness.getStates().keys()];
    if (states.length) peer.send(awarenessMessage(this.awareness, states));
  }

  /** A connection left: the presence it announced is removed, for everyone. */
  leave(peer: Peer): void {
    const ids = this.owned.get(peer);
    if (!ids) return;
    this.owned.delete(peer);
    this.queries.drop(peer);
    for (const id of ids) if (this.owners.get(id) === peer) this.owners.delete(id);
    if (ids.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  /** An awareness query: every presence state, paced per connection like sync step 1. */
  query(peer: Peer, frame: Uint8Array): void {
    this.queries.request(peer, frame, () => {
      if (this.owned.has(peer)) peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
    });
  }

  /** An awareness update from a connection: applied with only what it may say, for ids it may speak for. */
  receive(peer: Peer, update: Uint8Array): void {
    const owned = this.owned.get(peer)!;
    const { update: truthful, forged } = sanitizeAwarenessUpdate(
      update,
      peer.access.identity,
      (id) => {
        const clock = this.awareness.meta.get(id)?.clock;
        if (this.remoteClients.has(id)) return { owner: "other", clock };
        const owner = this.owners.get(id);
        return { owner: owner === undefined ? "none" : owner === peer ? "self" : "other", clock };
      },
      owned.size,
    );
    if (forged.length) {
      this.deps.log.warn({ board: this.deps.boardId, peer: peer.id, forged }, "dropped forged presence");
      this.deps.metrics?.refused("forged-presence");
    }
    if (truthful) awarenessProtocol.applyAwarenessUpdate(this.awareness, truthful, peer);
  }

  /**
   * A connection that may no longer lead stops leading now: its presence is restated under the
   * rules of its new role (see restatementOf). Its own client takes the restated state too
   * (a newer clock for its own id), and its next message is cleaned the same way.
   */
  restate(peer: Peer): void {
    for (const id of this.owned.get(peer) ?? []) {
      const state = this.awareness.getStates().get(id);
      const clock = this.awareness.meta.get(id)?.clock;
      if (!state || clock === undefined) continue;
      awarenessProtocol.applyAwarenessUpdate(this.awareness, restatementOf(id, clock, state, peer.access.identity), peer);
    }
  }

  /** Stops broadcasting (the room unloads). */
  stop(): void {
    this.batcher.stop();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = origin as Peer;
    const ids = this.owned.get(peer);
    if (origin === REMOTE_ORIGIN) {
      for (const id of [...added, ...updated]) this.remoteClients.add(id);
      for (const id of removed) this.remoteClients.delete(id);
    }
    if (ids) {
      // Ownership lasts until the connection leaves, even if it clears its state meanwhile.
      for (const id of [...added, ...updated]) {
        ids.add(id);
        this.owners.set(id, peer);
      }
    }
    this.batcher.note([...added, ...updated, ...removed], origin !== REMOTE_ORIGIN);
  };
}
