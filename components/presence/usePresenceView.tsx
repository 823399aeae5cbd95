"use client";

import { useCallback, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";
import type { TimeScale } from "../../lib/model/schemas";
import type { BoardSession } from "../collab/boardSession";
import type { TimelineGeometry } from "../roadmap/timeline/geometry";
import type { DragPreview } from "../roadmap/timeline/gestures/useItemDrag";
import { activeRequest, type FollowController } from "./followController";
import { BroughtHereNotice } from "./BroughtHereNotice";
import { FollowBanner } from "./FollowBanner";
import { FollowEndedNotice } from "./FollowEndedNotice";
import { FollowPill } from "./FollowPill";
import { PresenceOverlay } from "./PresenceOverlay";
import { useStore } from "./usePresence";
import { useViewportPresence } from "./useViewportPresence";

export interface PresenceView {
  /** Hand to the timeline as its scrolling element's ref. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The zoom control's handler: a zoom of one's own ends following. */
  onUserScale: (scale: TimeScale) => void;
  /** The timeline's drag preview, announced so others see the bar outlined. */
  onDragPreview: (preview: DragPreview | null) => void;
  /** Drawn inside the timeline canvas, over the bars. */
  overlay: ReactNode;
  /** Drawn over the timeline's visible area (it must be positioned): the "Following Ana" pill, "Moved to Ana's view", or why following ended. */
  pill: ReactNode;
  /** A strip above the timeline while someone asks everyone to follow them. */
  banner: ReactNode;
}

/**
 * Everything presence adds to the roadmap view, in one place so the view only wires it in:
 * cursors and drags of others, this person's pointer, viewport and drags announced, following.
 */
export function usePresenceView(
  session: BoardSession,
  follow: FollowController,
  geometry: TimelineGeometry,
  scale: TimeScale,
  setScale: (scale: TimeScale) => void,
  /** Owners and editors: their laser pointer is announced (the server drops anyone else's). */
  canLead: boolean,
): PresenceView {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The timeline is not drawn while another view (phases, table) is shown: its scrolling element
  // comes and goes, and the overlay says when, so the viewport effects attach to the new one.
  const [timelineMounts, setTimelineMounts] = useState(0);
  const onTimelineMount = useCallback(() => setTimelineMounts((n) => n + 1), []);
  const following = useStore(follow.state);
  const leading = useStore(follow.leading);
  const ended = useStore(follow.ended);
  const clearEnded = useCallback(() => follow.ended.set(null), [follow]);
  const { gather } = follow;
  const brought = useStore(gather.brought);
  const dismissBrought = useCallback(() => gather.dismiss(), [gather]);
  const peers = useStore(session.presence.peers);
  const { announce } = session;
  useViewportPresence({ scrollRef, timelineMounts, geometry, scale, setScale, announce, viewports: session.presence.viewports, follow, following });

  const onUserScale = useCallback(
    (next: TimeScale) => {
      follow.stop("moved");
      setScale(next);
    },
    [follow, setScale],
  );
  const onDragPreview = useCallback(
    (preview: DragPreview | null) =>
      announce.setDragging(preview && { item: preview.itemId, mode: preview.mode, days: preview.dayDelta, lane: preview.laneId }),
    [announce],
  );
  const leader = activeRequest(peers);
  return {
    scrollRef,
    onUserScale,
    onDragPreview,
    overlay: useMemo(
      () => <PresenceOverlay session={session} geometry={geometry} canLead={canLead} onMount={onTimelineMount} />,
      [session, geometry, canLead, onTimelineMount],
    ),
    pill: following ? (
      <FollowPill following={following} onStop={() => follow.stop()} />
    ) : brought ? (
      <BroughtHereNotice brought={brought} onBack={() => gather.goBack()} onDone={dismissBrought} />
    ) : (
      ended && <FollowEndedNotice ended={ended} onDone={clearEnded} />
    ),
    banner: (leading || leader) && (
      <FollowBanner
        leader={leader}
        leading={leading !== null}
        following={following}
        onFollow={(peer) => follow.follow(peer, peer.followMe?.id ?? null)}
        onStopFollowing={() => follow.stop()}
        onEndLead={() => follow.endLead()}
      />
    ),
  };
}
