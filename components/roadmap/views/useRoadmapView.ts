"use client";

import { useCallback, useEffect } from "react";
import type { FollowController } from "../../presence/followController";
import { useViewParam } from "./useViewParam";
import type { RoadmapViewKind } from "./viewParam";

/**
 * The view this person looks at (kept in the URL), squared with following: following mirrors
 * someone's timeline, so starting to follow (or being asked to by a facilitator) brings the
 * timeline up, and choosing another view is moving away, which ends following. Being brought
 * to someone's view ("bring everyone here") brings the timeline up too.
 */
export function useRoadmapView(follow: FollowController): [RoadmapViewKind, (view: RoadmapViewKind) => void] {
  const [view, setView] = useViewParam();
  useEffect(() => {
    const unsubscribeFollow = follow.state.subscribe(() => {
      if (follow.state.get()) setView("timeline");
    });
    const unsubscribeJump = follow.gather.jump.subscribe(() => {
      if (follow.gather.jump.get()) setView("timeline");
    });
    return () => {
      unsubscribeFollow();
      unsubscribeJump();
    };
  }, [follow, setView]);
  const choose = useCallback(
    (next: RoadmapViewKind) => {
      if (next !== "timeline") follow.stop("moved");
      setView(next);
    },
    [follow, setView],
  );
  return [view, choose];
}
