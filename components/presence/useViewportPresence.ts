"use client";

import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import type { TimeScale } from "../../lib/model/schemas";
import type { PresenceViewport } from "../../lib/protocol/presence";
import type { PresencePublisher } from "../collab/presencePublisher";
import type { ValueStore } from "../collab/store";
import type { TimelineGeometry } from "../roadmap/timeline/geometry";
import type { FollowController, Following } from "./followController";
import { scrollFor, viewportOf } from "./presenceGeometry";
import { useStore } from "./usePresence";

interface ViewportPresenceOptions {
  /** The timeline's scrolling element. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Changes each time the timeline (and so that element) is mounted again. */
  timelineMounts: number;
  geometry: TimelineGeometry;
  scale: TimeScale;
  /** Changes the zoom on behalf of the person followed (not a gesture of this person's). */
  setScale: (scale: TimeScale) => void;
  announce: PresencePublisher;
  viewports: ValueStore<ReadonlyMap<number, PresenceViewport>>;
  follow: FollowController;
  following: Following | null;
}

/** Keys that scroll a focused scroll container. */
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End", " "]);

/**
 * The viewport half of presence: announces what this timeline shows whenever it scrolls or
 * zooms, and while following someone, mirrors their viewport (zoom first, then scroll) until
 * this person scrolls by themselves. Runs in the timeline's parent, so its layout effects come
 * after the timeline's own (which keeps the left-edge date when the zoom changes).
 */
export function useViewportPresence(options: ViewportPresenceOptions): void {
  const { scrollRef, timelineMounts, geometry, scale, setScale, announce, viewports, follow, following } = options;
  const latest = useRef({ geometry, scale });
  useLayoutEffect(() => {
    latest.current = { geometry, scale };
  });

  // Announce: on every scroll (the publisher waits for it to settle) and on zoom or layout changes.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const publish = () => {
      const { geometry: g, scale: s } = latest.current;
      announce.setViewport(viewportOf(g, s, el.scrollLeft, el.scrollTop));
    };
    publish();
    el.addEventListener("scroll", publish, { passive: true });
    return () => el.removeEventListener("scroll", publish);
  }, [scrollRef, timelineMounts, announce, geometry, scale]);

  // Follow: apply the leader's viewport now and whenever it changes.
  const clientId = following?.clientId ?? null;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (clientId === null || !el) return;
    const apply = () => {
      const viewport = viewports.get().get(clientId);
      if (!viewport) return;
      const { geometry: g, scale: s } = latest.current;
      // A zoom change re-renders with new geometry; this effect runs again and scrolls then.
      if (viewport.scale !== s) return setScale(viewport.scale);
      const { left, top } = scrollFor(g, viewport);
      el.scrollLeft = left;
      if (top !== null) el.scrollTop = top;
    };
    apply();
    return viewports.subscribe(apply);
  }, [clientId, scrollRef, timelineMounts, viewports, setScale, geometry, scale]);

  // Brought to someone's view (or back): shown once, zoom first, then scroll; nothing follows.
  // Waits for the timeline when another view is shown (that view switches to it).
  const jump = useStore(follow.gather.jump);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!jump || !el) return;
    const { geometry: g, scale: s } = latest.current;
    // A zoom change re-renders with new geometry; this effect runs again and scrolls then.
    if (jump.scale !== s) return setScale(jump.scale);
    const { left, top } = scrollFor(g, jump);
    el.scrollLeft = left;
    if (top !== null) el.scrollTop = top;
    follow.gather.jumped();
  }, [jump, follow, scrollRef, timelineMounts, setScale, geometry, scale]);

  // Following stops at this person's own scroll gestures. Scroll events cannot tell a gesture
  // from the scrolling done here, so the gestures themselves are watched.
  useEffect(() => {
    const el = scrollRef.current;
    if (clientId === null || !el) return;
    const moved = () => follow.stop("moved");
    const onKey = (event: KeyboardEvent) => {
      if (event.target === el && SCROLL_KEYS.has(event.key)) moved();
    };
    // A press on the scroll container itself, not on a bar or lane in it, is on its scrollbar.
    const onPointer = (event: PointerEvent) => {
      if (event.target === el) moved();
    };
    el.addEventListener("wheel", moved, { passive: true });
    el.addEventListener("touchmove", moved, { passive: true });
    el.addEventListener("keydown", onKey);
    el.addEventListener("pointerdown", onPointer);
    return () => {
      el.removeEventListener("wheel", moved);
      el.removeEventListener("touchmove", moved);
      el.removeEventListener("keydown", onKey);
      el.removeEventListener("pointerdown", onPointer);
    };
  }, [clientId, scrollRef, timelineMounts, follow]);
}
