"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { parseView, searchWithView, type RoadmapViewKind } from "./viewParam";

/**
 * The roadmap view kept in the URL (`?view=phases`), so a shared link opens the same view.
 * Switching replaces the history entry rather than adding one: flipping between views is
 * looking, not navigating, and Back should leave the board. Next.js syncs useSearchParams with
 * history.replaceState, so no server round trip happens.
 */
export function useViewParam(): [RoadmapViewKind, (view: RoadmapViewKind) => void] {
  const view = parseView(useSearchParams().get("view"));
  const setView = useCallback((next: RoadmapViewKind) => {
    const { pathname, search, hash } = window.location;
    window.history.replaceState(null, "", `${pathname}${searchWithView(search, next)}${hash}`);
  }, []);
  return [view, setView];
}
