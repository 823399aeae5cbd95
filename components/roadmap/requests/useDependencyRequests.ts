"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { OPEN_REQUEST_STATES, type DependencyRequestView, type RequestAction } from "../../../lib/protocol/dependencyRequests";
import { RefetchStore } from "../../live/refetchStore";
import { useLiveEvent } from "../../live/useLiveEvent";
import type { ApiResult } from "../../ui/apiRequest";
import { fetchRequests, postAnswer, postRequest } from "./requestsApi";

export interface DependencyRequests {
  /** Oldest first; empty until the first answer (and for guests, who cannot read them). */
  requests: readonly DependencyRequestView[];
  /** What the timeline and the conflicts read: requests not dismissed by this viewer. */
  shown: readonly DependencyRequestView[];
  error: string | null;
  /** Open requests this reader may act on: the count on the toolbar's toggle. */
  actionable: number;
  ask: (input: { fromItemId: string; toItemId: string; neededBy: string; note?: string }) => Promise<ApiResult<{ request: DependencyRequestView }>>;
  answer: (requestId: string, action: RequestAction, input?: Record<string, string>) => Promise<ApiResult<{ request: DependencyRequestView }>>;
  /** Hides a declined request's struck arrow on this screen (kept in this browser, per board). */
  dismiss: (requestId: string) => void;
}

interface State {
  requests: DependencyRequestView[];
  error: string | null;
}
const EMPTY: State = { requests: [], error: null };

const dismissedKey = (boardId: string) => `waymark:dismissed-requests:${boardId}`;

function readDismissed(boardId: string): Set<string> {
  try {
    const raw = typeof window === "undefined" ? null : window.localStorage.getItem(dismissedKey(boardId));
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return new Set(Array.isArray(list) ? list.filter((id): id is string => typeof id === "string") : []);
  } catch {
    return new Set();
  }
}

/**
 * The board's dependency requests between teams (docs/teams.md), kept current: loaded once, again
 * when the server says they changed (`requests`) or the live connection came back. `enabled` is
 * false for guests on a share link, who cannot read them.
 */
export function useDependencyRequests(boardId: string, enabled: boolean): DependencyRequests {
  const [store] = useState(() => new RefetchStore(EMPTY, () => fetchRequests(boardId), (value): State => ({ requests: value.requests, error: null })));
  const state = useSyncExternalStore(store.subscribe, store.get, () => EMPTY);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => readDismissed(boardId));
  useEffect(() => {
    if (enabled) void store.refresh();
  }, [store, enabled]);
  useLiveEvent(
    (notice) => {
      if (notice.type === "reconnected" || (notice.type === "requests" && notice.boardId === boardId)) void store.refresh();
    },
    boardId,
    enabled,
  );
  const ask = useCallback<DependencyRequests["ask"]>(
    async (input) => {
      const result = await postRequest(boardId, input);
      if (result.ok) void store.refresh();
      return result;
    },
    [boardId, store],
  );
  const answer = useCallback<DependencyRequests["answer"]>(
    async (requestId, action, input = {}) => {
      const result = await postAnswer(boardId, requestId, action, input);
      // A lost race (409) changed the request too: show it as it is now.
      if (result.ok || result.status === 409) void store.refresh();
      return result;
    },
    [boardId, store],
  );
  const dismiss = useCallback(
    (requestId: string) =>
      setDismissed((was) => {
        const next = new Set(was).add(requestId);
        try {
          window.localStorage.setItem(dismissedKey(boardId), JSON.stringify([...next].slice(-500)));
        } catch {
          // Private mode: dismissed for this visit only.
        }
        return next;
      }),
    [boardId],
  );
  const shown = useMemo(() => state.requests.filter((r) => !(r.state === "declined" && dismissed.has(r.id))), [state.requests, dismissed]);
  const actionable = useMemo(() => state.requests.filter((r) => OPEN_REQUEST_STATES.includes(r.state) && r.mayAnswer).length, [state.requests]);
  return useMemo(
    () => ({ requests: state.requests, shown, error: state.error, actionable, ask, answer, dismiss }),
    [state.requests, shown, state.error, actionable, ask, answer, dismiss],
  );
}
