"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { LanePolicy, TeamsView } from "../../lib/protocol/teams";
import { RefetchStore } from "../live/refetchStore";
import { useLiveEvent } from "../live/useLiveEvent";
import type { ApiResult } from "../ui/apiRequest";
import { fetchTeams, putLaneOwners, putLanePolicy } from "./teamsApi";

export interface BoardTeams {
  /** Null until the first answer (and for guests, who are not told who owns what). */
  teams: TeamsView | null;
  error: string | null;
  /** Board owners only (the server checks). */
  setLaneOwners: (laneId: string, userIds: string[]) => Promise<ApiResult<TeamsView>>;
  setPolicy: (policy: LanePolicy) => Promise<ApiResult<TeamsView>>;
}

interface State {
  teams: TeamsView | null;
  error: string | null;
}
const EMPTY: State = { teams: null, error: null };

/**
 * The board's lane owners and lane policy, kept current: loaded once, again when the server
 * says they changed (`teams` notice) or the live connection came back. `enabled` is false for
 * guests on a share link.
 */
export function useTeams(boardId: string, enabled: boolean): BoardTeams {
  const [store] = useState(() => new RefetchStore(EMPTY, () => fetchTeams(boardId), (teams): State => ({ teams, error: null })));
  const state = useSyncExternalStore(store.subscribe, store.get, () => EMPTY);
  useEffect(() => {
    if (enabled) void store.refresh();
  }, [store, enabled]);
  useLiveEvent(
    (notice) => {
      if (notice.type === "reconnected" || (notice.type === "teams" && notice.boardId === boardId)) void store.refresh();
    },
    boardId,
    enabled,
  );
  // Resolves once the page shows the change, so a control can drop its optimistic state.
  const after = useCallback(
    async (result: ApiResult<TeamsView>) => {
      if (result.ok) await store.refresh();
      return result;
    },
    [store],
  );
  const setLaneOwners = useCallback(async (laneId: string, userIds: string[]) => after(await putLaneOwners(boardId, laneId, userIds)), [boardId, after]);
  const setPolicy = useCallback(async (policy: LanePolicy) => after(await putLanePolicy(boardId, policy)), [boardId, after]);
  return useMemo(() => ({ ...state, setLaneOwners, setPolicy }), [state, setLaneOwners, setPolicy]);
}
