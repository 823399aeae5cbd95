import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Logger } from "../log";
import type { SyncMetrics } from "../ops/metrics";
import type { BoardStore } from "../storage/boardStore";
import type { BoardChannel, Fanout, FanoutKind, FanoutMessage } from "../fanout/fanout";
import { REMOTE_ORIGIN } from "./origins";
import { checkEncodedUpdate } from "./updateGuard";
import type { Room } from "./room";

/** Default interval of the state-vector exchange. */
const REPAIR_INTERVAL_MS = 2_000;

/**
 * Connects one loaded board to the same board on other instances. Updates and presence from
 * them are applied with REMOTE_ORIGIN (broadcast here, never stored or published again).
 *
 * Pub/sub may drop or reorder messages. Reordering is harmless (Yjs holds an update until what
 * it depends on arrives). Loss is repaired: every few seconds each instance publishes its
 * state vector; one that sees a peer instance knows content it lacks reads the board from the
 * shared database (which holds everything any instance has broadcast) and applies it. Reading
 * storage rather than asking the other instance means nothing uncommitted ever travels.
 */
export class RoomLink {
  private readonly channel: BoardChannel;
  private readonly timer: NodeJS.Timeout;
  private repairing: Promise<void> | null = null;
  private closed = false;
  /** Repairs run so far (tests read it). */
  repairs = 0;

  constructor(
    private readonly room: Room,
    fanout: Fanout,
    private readonly store: Pick<BoardStore, "loadUpdates">,
    private readonly log: Logger,
    private readonly metrics?: SyncMetrics,
    intervalMs = REPAIR_INTERVAL_MS,
  ) {
    this.channel = fanout.join(room.boardId, (message) => this.receive(message));
    this.timer = setInterval(() => this.publish("state-vector", room.stateVector()), intervalMs);
    this.timer.unref();
  }

  publish(kind: FanoutKind, payload: Uint8Array): void {
    if (!this.closed) this.channel.publish(kind, payload);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    this.channel.leave();
  }

  private receive(message: FanoutMessage): void {
    if (this.closed) return;
    try {
      switch (message.kind) {
        case "update":
          // Decoded first: junk is dropped below; an exception while applying fails the room closed.
          Y.decodeUpdate(message.payload);
          try {
            Y.applyUpdate(this.room.doc, message.payload, REMOTE_ORIGIN);
          } catch (error) {
            this.room.failClosed(error);
            return;
          }
          this.metrics?.fannedOut(Math.max(0, Date.now() - message.sentAt) / 1000);
          return;
        case "awareness":
          awarenessProtocol.applyAwarenessUpdate(this.room.awareness, message.payload, REMOTE_ORIGIN);
          return;
        case "state-vector":
          if (this.lacksContentOf(Y.decodeStateVector(message.payload))) void this.repair();
          return;
      }
    } catch (error) {
      // Another instance of ours sent it, so junk means a bug or a foreign publisher: log, carry on.
      this.log.warn({ board: this.room.boardId, kind: message.kind, err: String(error) }, "dropped a fan-out message");
    }
  }

  private lacksContentOf(remote: Map<number, number>): boolean {
    const local = Y.decodeStateVector(this.room.stateVector());
    for (const [client, clock] of remote) if (clock > (local.get(client) ?? 0)) return true;
    return false;
  }

  /** Applies the stored board; Yjs keeps only what was missing, and that is broadcast here. */
  repair(): Promise<void> {
    this.repairing ??= (async () => {
      try {
        const { updates, checked } = await this.store.loadUpdates(this.room.boardId);
        if (this.closed) return;
        this.repairs++;
        const doc = this.room.doc;
        doc.transact(() => {
          updates.forEach((update, index) => {
            // Rows not checked when written get the layout check the room's own load gives them.
            if (!checked[index] && checkEncodedUpdate(doc, update).kind === "refused") return;
            Y.applyUpdate(doc, update, REMOTE_ORIGIN);
          });
        }, REMOTE_ORIGIN);
      } catch (error) {
        this.log.warn({ board: this.room.boardId, err: String(error) }, "repair from storage failed; will retry");
      } finally {
        this.repairing = null;
      }
    })();
    return this.repairing;
  }
}
