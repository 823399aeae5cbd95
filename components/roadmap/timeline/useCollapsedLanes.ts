"use client";

import { useCallback, useState } from "react";

/** Per board, so folding a lane on one roadmap leaves the others alone. */
const storageKey = (boardId: string) => `waymark:collapsed-lanes:${boardId}`;
/** More ids than any board has lanes means the stored value is not ours: ignore it. */
const MAX_STORED = 500;

function read(boardId: string): ReadonlySet<string> {
  try {
    const raw = window.localStorage.getItem(storageKey(boardId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed) || parsed.length > MAX_STORED) return new Set();
    return new Set(parsed.filter((id): id is string => typeof id === "string"));
  } catch {
    // Storage disabled (private mode, policy) or junk in it: start with every lane open.
    return new Set();
  }
}

/**
 * Which lanes this viewer has folded away. A personal view choice, like zoom: kept in this
 * browser's localStorage per board and never written to the shared document, so folding a
 * lane in a workshop does not fold it on everyone's screen. Ids of lanes deleted since stay
 * stored and do nothing.
 */
export function useCollapsedLanes(boardId: string): { collapsed: ReadonlySet<string>; toggle: (laneId: string) => void } {
  // The roadmap only renders in the browser (after the first sync), so storage is there.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => (typeof window === "undefined" ? new Set() : read(boardId)));
  const toggle = useCallback(
    (laneId: string) => {
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(laneId)) next.add(laneId);
        try {
          window.localStorage.setItem(storageKey(boardId), JSON.stringify([...next]));
        } catch {
          // Not stored: the choice still holds until the page is left.
        }
        return next;
      });
    },
    [boardId],
  );
  return { collapsed, toggle };
}
