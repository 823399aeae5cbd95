"use client";

import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { VersionList } from "../../../lib/protocol/versions";
import { useLiveEvent } from "../../live/useLiveEvent";
import type { ApiResult } from "../../ui/apiRequest";
import { versionsClient } from "./versionsClient";

interface ListState {
  /** Null until the first answer. */
  list: VersionList | null;
  error: string | null;
}

const EMPTY: ListState = { list: null, error: null };

/**
 * One board's versions and baseline as the server has them. Fetches never overlap: a refresh
 * asked for during a fetch runs once more after it, so the answer is never older than the ask.
 */
class VersionListStore {
  private state: ListState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private inFlight = false;
  private again = false;

  constructor(private readonly boardId: string) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly get = () => this.state;

  async refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    do {
      this.again = false;
      const result = await versionsClient.list(this.boardId);
      this.state = result.ok ? { list: result.value, error: null } : { ...this.state, error: result.error };
      for (const listener of this.listeners) listener();
    } while (this.again);
    this.inFlight = false;
  }

  /** Runs a write, then refetches (the live notice would too, but the writer should not wait for it). */
  async then<T>(request: Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    const result = await request;
    if (result.ok) void this.refresh();
    return result;
  }
}

/**
 * The board's versions, kept current while `enabled` (the versions panel is open): loaded, and
 * loaded again whenever the server says versions or the baseline changed (someone saved one, an
 * automatic one was taken, the baseline moved) or the live connection came back.
 */
export function useVersionList(boardId: string, enabled: boolean) {
  const [store] = useState(() => new VersionListStore(boardId));
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
  const actions = useMemo(
    () => ({
      save: (input: { name: string; note?: string }) => store.then(versionsClient.save(boardId, input)),
      rename: (versionId: string, name: string) => store.then(versionsClient.rename(boardId, versionId, { name })),
      remove: (versionId: string) => store.then(versionsClient.remove(boardId, versionId)),
      setBaseline: (versionId: string | null) => store.then(versionsClient.setBaseline(boardId, versionId)),
      refresh: () => void store.refresh(),
    }),
    [boardId, store],
  );
  return useMemo(() => ({ ...state, actions }), [state, actions]);
}

export type VersionListBinding = ReturnType<typeof useVersionList>;
export type VersionActions = VersionListBinding["actions"];
