"use client";

import { useMemo } from "react";
import type { ApiResult } from "../../ui/apiRequest";
import type { BoardVersions } from "../history/useBoardVersions";
import { versionsClient } from "./versionsClient";

/**
 * What the versions panel writes: save, rename, delete, the baseline. The list itself is the
 * board's one versions store (history/useBoardVersions, which the baseline and Compare read
 * too); after each write it is read again at once, without waiting for the live notice.
 */
export function useVersionActions(boardId: string, list: BoardVersions) {
  const { refresh, setBaseline } = list;
  return useMemo(() => {
    const then = async <T,>(request: Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
      const result = await request;
      if (result.ok) refresh();
      return result;
    };
    return {
      save: (input: { name: string; note?: string }) => then(versionsClient.save(boardId, input)),
      rename: (versionId: string, name: string) => then(versionsClient.rename(boardId, versionId, { name })),
      remove: (versionId: string) => then(versionsClient.remove(boardId, versionId)),
      setBaseline,
    };
  }, [boardId, refresh, setBaseline]);
}

export type VersionActions = ReturnType<typeof useVersionActions>;
