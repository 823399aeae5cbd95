import type { BoardId, UserId } from "../../lib/model/ids";
import type { LiveEvent } from "../../lib/protocol/events";
import type { Role } from "../../lib/protocol/roles";
import type { LiveHub } from "../events/liveEvents";

/**
 * What one instance must tell the others besides document traffic: access changes (the
 * connection of a removed member may sit on another instance) and live notices (an event
 * stream may be open on another instance than the one that stored the comment).
 */
export type ClusterEvent =
  | { type: "member-changed"; boardId: BoardId; userId: UserId; role: Role | null }
  | { type: "link-revoked"; boardId: BoardId; linkId: string }
  | { type: "board-deleted"; boardId: BoardId }
  | { type: "teams-changed"; boardId: BoardId }
  | { type: "session-ended"; userId: UserId; sessionId: string }
  | { type: "live-board"; boardId: BoardId; event: LiveEvent }
  | { type: "live-user"; userId: UserId; event: LiveEvent };

export interface ClusterBus {
  /** Settles once this instance listens: events published before then would not reach it. */
  readonly ready: Promise<void>;
  /** Whether this instance currently listens (false until subscribed, and while Redis is away). */
  listening(): boolean;
  /** To every other instance (never back to this one). */
  publish(event: ClusterEvent): void;
  /** Events from the other instances. */
  onEvent(handler: (event: ClusterEvent) => void): void;
  close(): Promise<void>;
}

/**
 * A live hub whose notices also reach streams open on other instances: each publish is
 * delivered here and sent on the bus; notices from the bus are delivered here only.
 */
export function clusteredHub(local: LiveHub, bus: ClusterBus): LiveHub {
  return {
    ...local,
    publishToBoard(boardId, event) {
      local.publishToBoard(boardId, event);
      bus.publish({ type: "live-board", boardId, event });
    },
    publishToUser(userId, event) {
      local.publishToUser(userId, event);
      bus.publish({ type: "live-user", userId, event });
    },
  };
}
