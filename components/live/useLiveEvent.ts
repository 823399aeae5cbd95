"use client";

import { useEffect, useRef } from "react";
import { liveEvents, type LiveNotice } from "./liveEvents";

/**
 * Calls `onNotice` for every live notice while mounted (the latest callback, without
 * resubscribing on each render). With `boardId`, that board's notices arrive as well.
 */
export function useLiveEvent(onNotice: (notice: LiveNotice) => void, boardId?: string): void {
  const latest = useRef(onNotice);
  useEffect(() => {
    latest.current = onNotice;
  });
  useEffect(() => liveEvents.subscribe((notice) => latest.current(notice), boardId), [boardId]);
}
