"use client";

import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { CastBallot, OpenVote, StartWorkshop, WorkshopAction, WorkshopView } from "../../lib/protocol/workshops";
import { useLiveEvent } from "../live/useLiveEvent";
import type { ApiResult } from "../ui/apiRequest";
import type { ServerClock } from "./serverClock";
import { workshopClient } from "./workshopClient";
import { WorkshopStore } from "./workshopStore";

/** Every action answers null when it worked, else the sentence to show. */
export interface WorkshopActions {
  start: (input: StartWorkshop) => Promise<string | null>;
  act: (action: WorkshopAction) => Promise<string | null>;
  openVote: (input: OpenVote) => Promise<string | null>;
  cast: (ballot: CastBallot) => Promise<string | null>;
  voteState: (state: "closed" | "revealed") => Promise<string | null>;
  revealDrafts: (target: { kind: "tray" } | { kind: "lane"; laneId: string }) => Promise<string | null>;
  refresh: () => void;
}

export interface WorkshopBinding {
  boardId: string;
  workshop: WorkshopView | null;
  loaded: boolean;
  error: string | null;
  clock: ServerClock;
  actions: WorkshopActions;
}

/**
 * The board's running workshop, kept current for everyone on the board. Members read it from the
 * routes and the live events; a guest on a share link (`access: "guest"`) from the live events
 * alone (the routes take signed-in people only), so a guest who arrives mid-session sees the bar
 * from the next change on.
 */
export function useWorkshop(boardId: string, access: "member" | "guest" | "none"): WorkshopBinding {
  const [store] = useState(() => new WorkshopStore(access === "member" ? () => workshopClient.current(boardId) : null));
  const state = useSyncExternalStore(store.subscribe, store.get, () => WorkshopStore.initial);
  const enabled = access !== "none";
  useEffect(() => {
    if (access !== "member") return;
    void store.refresh();
    // Back in a tab that slept: the clock may have jumped, and events may have been missed.
    const onVisible = () => document.visibilityState === "visible" && void store.refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [store, access]);
  useLiveEvent(
    (notice) => {
      if (notice.type === "reconnected") void store.refresh();
      else if (notice.type === "workshop" && notice.boardId === boardId) store.onEvent(notice.workshop, notice.serverNow);
    },
    boardId,
    enabled,
  );

  const workshop = state.held.workshop;
  const wid = workshop?.id ?? null;
  const voteId = workshop?.vote?.id ?? null;
  const actions = useMemo((): WorkshopActions => {
    const apply = async (request: Promise<ApiResult<{ workshop: WorkshopView }>>) => {
      const result = await request;
      if (!result.ok) {
        // Refused because the session moved on meanwhile (ended, a new vote): show what is true now.
        if (result.status === 409 || result.status === 404) void store.refresh();
        return result.error;
      }
      store.onAnswer(result.value.workshop);
      return null;
    };
    const none = async () => "There is no workshop running on this board.";
    return {
      start: (input) => apply(workshopClient.start(boardId, input)),
      act: (action) => (wid ? apply(workshopClient.act(boardId, wid, action)) : none()),
      openVote: (input) => (wid ? apply(workshopClient.openVote(boardId, wid, input)) : none()),
      cast: (ballot) => (wid && voteId ? apply(workshopClient.cast(boardId, wid, voteId, ballot)) : none()),
      voteState: (next) => (wid && voteId ? apply(workshopClient.voteState(boardId, wid, voteId, next)) : none()),
      revealDrafts: (target) => (wid ? apply(workshopClient.revealDrafts(boardId, wid, target)) : none()),
      refresh: () => void store.refresh(),
    };
  }, [boardId, store, wid, voteId]);

  return useMemo(
    () => ({ boardId, workshop, loaded: state.loaded, error: state.error, clock: store.clock, actions }),
    [boardId, workshop, state.loaded, state.error, store.clock, actions],
  );
}
