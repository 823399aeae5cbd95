"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { BoardSession, type BoardSessionOptions, type ConnectionState, type Peer } from "./boardSession";
import type { OfflineState } from "./offlineSync";
import type { UndoState } from "./undoHistory";

/**
 * Opens a board session for as long as the component is mounted. The session is bound to the
 * first `boardId` and options: render the owner with `key={boardId}` so another board gets a
 * new session.
 */
export function useBoardSession(boardId: string, options: BoardSessionOptions = {}): BoardSession {
  const [session] = useState(() => new BoardSession(boardId, options));
  useEffect(() => {
    session.connect();
    return () => session.disconnect();
  }, [session]);
  return session;
}

export function useConnection(session: BoardSession): ConnectionState {
  const { subscribe, get } = session.connection;
  return useSyncExternalStore(subscribe, get, get);
}

/** The board as plain data, re-read at most once per animation frame; null before first sync. */
export function useSnapshot(session: BoardSession): BoardSnapshot | null {
  const { subscribe, get } = session.snapshot;
  return useSyncExternalStore(subscribe, get, get);
}

/** Everyone on the board (as the server identifies them), in a stable order. */
export function usePeers(session: BoardSession): Peer[] {
  const { subscribe, get } = session.peers;
  return useSyncExternalStore(subscribe, get, get);
}

/** The copy on this device: edits waiting for the server, refused ones, the network. */
export function useOfflineState(session: BoardSession): OfflineState {
  const { subscribe, get } = session.offline.state;
  return useSyncExternalStore(subscribe, get, get);
}

/** Whether this session has anything of its own to undo or redo. */
export function useUndoState(session: BoardSession): UndoState {
  const { subscribe, get } = session.history.state;
  return useSyncExternalStore(subscribe, get, get);
}
