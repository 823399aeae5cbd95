import type { BoardId, UserId } from "../../lib/model/ids";
import type { LiveEvent } from "../../lib/protocol/comments";

/** One open event stream: whose it is, and how to reach it. */
export interface LiveSubscriber {
  readonly userId: UserId;
  /** The sign-in session it was opened in (absent for sessions from before they had ids). */
  readonly sessionId?: string;
  send(event: LiveEvent): void;
  /** The stream's board access ended (removed from the board, board deleted): close it. */
  end(): void;
}

/** What the services need: say that something changed, to a board's readers or to one person. */
export interface LivePublisher {
  publishToBoard(boardId: BoardId, event: LiveEvent): void;
  publishToUser(userId: UserId, event: LiveEvent): void;
}

/**
 * Fan-out of live notices to open event streams. In memory for one process; a Redis-backed hub
 * with the same interface carries them between instances (a stream on one instance must hear
 * of a comment written through another, and of access removed there).
 */
export interface LiveHub extends LivePublisher {
  /** Delivers the user's notices, and the board's when `boardId` is given, until the returned function runs. */
  subscribe(subscriber: LiveSubscriber, boardId: BoardId | null): () => void;
  /** Ends the streams on a board of one user who lost access, or of everyone (`null`: the board is gone). */
  endBoardAccess(boardId: BoardId, userId: UserId | null): void;
  /** Ends the streams opened in a sign-in session that was signed out. */
  endSession(userId: UserId, sessionId: string): void;
  /** Ends every stream (shutdown). */
  close(): void;
}

/** The single-process hub. */
export function createMemoryHub(): LiveHub {
  const byBoard = new Map<BoardId, Set<LiveSubscriber>>();
  const byUser = new Map<UserId, Set<LiveSubscriber>>();

  const add = <K>(index: Map<K, Set<LiveSubscriber>>, key: K, sub: LiveSubscriber) => {
    const set = index.get(key) ?? new Set();
    set.add(sub);
    index.set(key, set);
  };
  const remove = <K>(index: Map<K, Set<LiveSubscriber>>, key: K, sub: LiveSubscriber) => {
    const set = index.get(key);
    if (!set) return;
    set.delete(sub);
    if (set.size === 0) index.delete(key);
  };
  /** A stream that throws while sending is the stream's problem, never the writer's. */
  const deliver = (subs: Set<LiveSubscriber> | undefined, event: LiveEvent) => {
    for (const sub of [...(subs ?? [])]) {
      try {
        sub.send(event);
      } catch {
        // The stream's own close handler unsubscribes it.
      }
    }
  };

  return {
    subscribe(sub, boardId) {
      add(byUser, sub.userId, sub);
      if (boardId) add(byBoard, boardId, sub);
      return () => {
        remove(byUser, sub.userId, sub);
        if (boardId) remove(byBoard, boardId, sub);
      };
    },
    publishToBoard: (boardId, event) => deliver(byBoard.get(boardId), event),
    publishToUser: (userId, event) => deliver(byUser.get(userId), event),
    endBoardAccess(boardId, userId) {
      for (const sub of [...(byBoard.get(boardId) ?? [])]) if (userId === null || sub.userId === userId) sub.end();
    },
    endSession(userId, sessionId) {
      for (const sub of [...(byUser.get(userId) ?? [])]) if (sub.sessionId === sessionId) sub.end();
    },
    close() {
      for (const subs of [...byUser.values()]) for (const sub of [...subs]) sub.end();
    },
  };
}
