"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { RefetchStore } from "../../live/refetchStore";
import { useLiveEvent } from "../../live/useLiveEvent";
import type { ApiResult } from "../../ui/apiRequest";
import { fetchVersions, putBaseline, type Version } from "./versionsApi";

export interface BoardVersions {
  /** Newest first; null until the first answer. */
  versions: Version[] | null;
  baselineId: string | null;
  error: string | null;
  refresh: () => void;
  /** Owners only (the server checks): sets or clears the board's baseline. */
  setBaseline: (versionId: string | null) => Promise<ApiResult<{ baselineId: string | null }>>;
}

interface State {
  versions: Version[] | null;
  baselineId: string | null;
  error: string | null;
}

const EMPTY: State = { versions: null, baselineId: null, error: null };

/**
 * The board's versions and its baseline, kept current: loaded once, again when the server says
 * they changed (someone saved a version or set the baseline) or the live connection came back.
 * `enabled` is false for guests on a share link, who cannot read versions.
 */
export function useBoardVersions(boardId: string, enabled: boolean): BoardVersions {
  const [store] = useState(() => new RefetchStore(EMPTY, () => fetchVersions(boardId), (list): State => ({ ...list, error: null })));
  const state = useSyncExternalStore(store.subscribe, store.get, () => EMPTY);
  useEffect(() => {
    if (enabled) void store.refresh();
  }, [store, enabled]);
  useLiveEvent(
    (notice) => {
      if (notice.type === "reconnected" || (notice.type === "versions" && notice.boardId === boardId)) void store.refresh();
    },
    boardId,
    enabled,
  );
  const refresh = useCallback(() => void store.refresh(), [store]);
  const setBaseline = useCallback(
    async (versionId: string | null) => {
      const result = await putBaseline(boardId, versionId);
      if (result.ok) void store.refresh();
      return result;
    },
    [boardId, store],
  );
  return useMemo(() => ({ ...state, refresh, setBaseline }), [state, refresh, setBaseline]);
}
