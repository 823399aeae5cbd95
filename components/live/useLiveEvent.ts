"use client";

import { useEffect, useRef } from "react";
import { liveEvents, type LiveNotice } from "./liveEvents";

/**
 * Calls `onNotice` for every live notice while mounted (the latest callback, without
 * resubscribing on each render). With `boardId`, that board's notices arrive as well.
 * `enabled: false` listens to nothing: the stream is for signed-in people only (a guest on a
 * share link would be answered 401, again and again), and it opens only while someone listens.
 */
export function useLiveEvent(onNotice: (notice: LiveNotice) => void, boardId?: string, enabled = true): void {
  const latest = useRef(onNotice);
  useEffect(() => {
    latest.current = onNotice;
  });
  useEffect(() => (enabled ? liveEvents.subscribe((notice) => latest.current(notice), boardId) : undefined), [boardId, enabled]);
}
