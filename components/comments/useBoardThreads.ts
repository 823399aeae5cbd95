"use client";

import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { CommentAnchor, ThreadView } from "../../lib/protocol/comments";
import { RefetchStore } from "../live/refetchStore";
import { useLiveEvent } from "../live/useLiveEvent";
import { apiRequest, type ApiResult } from "../ui/apiRequest";

export interface ThreadActions {
  createThread(anchor: CommentAnchor, body: unknown): Promise<ApiResult<ThreadView>>;
  reply(threadId: string, body: unknown): Promise<ApiResult<unknown>>;
  edit(commentId: string, body: unknown): Promise<ApiResult<unknown>>;
  remove(commentId: string): Promise<ApiResult<unknown>>;
  setResolved(threadId: string, resolved: boolean): Promise<ApiResult<unknown>>;
}

export interface BoardThreads {
  /** Null until the first load. */
  threads: ThreadView[] | null;
  error: string | null;
  actions: ThreadActions;
}

interface ThreadsState {
  threads: ThreadView[] | null;
  error: string | null;
}

/** One board's threads as the server has them (see RefetchStore), and the writes that refetch them. */
class ThreadsStore extends RefetchStore<ThreadView[], ThreadsState> {
  readonly actions: ThreadActions;

  constructor(boardId: string) {
    super({ threads: null, error: null }, () => apiRequest<ThreadView[]>("GET", `/api/boards/${boardId}/threads`), (threads) => ({ threads, error: null }));
    this.actions = threadActions(boardId, () => void this.refresh());
  }
}

/** The writes on a board's threads; each that succeeds calls `changed` (a refetch). */
function threadActions(boardId: string, changed: () => void): ThreadActions {
  const base = `/api/boards/${boardId}`;
  const then = async <T,>(request: Promise<ApiResult<T>>) => {
    const result = await request;
    if (result.ok) changed();
    return result;
  };
  return {
    createThread: (anchor, body) => then(apiRequest<ThreadView>("POST", `${base}/threads`, { anchor, body })),
    reply: (threadId, body) => then(apiRequest("POST", `${base}/threads/${threadId}/comments`, { body })),
    edit: (commentId, body) => then(apiRequest("PATCH", `${base}/comments/${commentId}`, { body })),
    remove: (commentId) => then(apiRequest("DELETE", `${base}/comments/${commentId}`)),
    setResolved: (threadId, resolved) => then(apiRequest("PATCH", `${base}/threads/${threadId}`, { resolved })),
  };
}

const SERVER_STATE: ThreadsState = { threads: null, error: null };

/**
 * The board's comment threads, kept current: loaded once, again whenever the server says they
 * changed (or the live connection came back), and after each of our own writes.
 */
export function useBoardThreads(boardId: string, enabled = true): BoardThreads {
  const [store] = useState(() => new ThreadsStore(boardId));
  const state = useSyncExternalStore(store.subscribe, store.get, () => SERVER_STATE);
  useEffect(() => {
    if (enabled) void store.refresh();
  }, [store, enabled]);
  useLiveEvent(
    (notice) => {
      if (notice.type === "reconnected" || (notice.type === "threads" && notice.boardId === boardId)) void store.refresh();
    },
    boardId,
    enabled,
  );
  return useMemo(() => ({ ...state, actions: store.actions }), [state, store]);
}

/** Anchor id ("board" for the board itself) of a thread. */
export const anchorKey = (anchor: CommentAnchor): string => (anchor.kind === "board" ? "board" : anchor.id);

/** Per anchor: comments still shown in its open threads (what a badge counts). */
export function openCommentCounts(threads: readonly ThreadView[] | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads ?? []) {
    if (thread.resolvedAt) continue;
    const n = thread.comments.filter((c) => !c.deletedAt).length;
    if (n > 0) counts.set(anchorKey(thread.anchor), (counts.get(anchorKey(thread.anchor)) ?? 0) + n);
  }
  return counts;
}
