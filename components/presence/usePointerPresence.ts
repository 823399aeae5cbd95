"use client";

import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import type { PresencePublisher } from "../collab/presencePublisher";
import type { TimelineGeometry } from "../roadmap/timeline/geometry";
import { pointerAt } from "./presenceGeometry";

/**
 * Announces this person's mouse over the timeline canvas (the element `layer` is drawn in), in
 * document coordinates. The publisher rate-limits; leaving the canvas or the tab clears it.
 */
export function usePointerPresence(layer: RefObject<HTMLElement | null>, geometry: TimelineGeometry, announce: PresencePublisher): void {
  const latest = useRef(geometry);
  useLayoutEffect(() => {
    latest.current = geometry;
  });
  useEffect(() => {
    const canvas = layer.current?.parentElement;
    if (!canvas) return;
    let last: { x: number; y: number } | null = null;
    const publish = () => {
      if (!last) return;
      const rect = canvas.getBoundingClientRect();
      announce.setPointer(pointerAt(latest.current, last.x - rect.left, last.y - rect.top));
    };
    const onMove = (event: PointerEvent) => {
      // Touch and pen drags scroll or edit; only a mouse hovering is a cursor worth showing.
      if (event.pointerType !== "mouse") return;
      last = { x: event.clientX, y: event.clientY };
      publish();
    };
    const onLeave = () => {
      last = null;
      announce.setPointer(null);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") onLeave();
    };
    canvas.addEventListener("pointermove", onMove, { passive: true });
    canvas.addEventListener("pointerleave", onLeave);
    // Scrolling with the wheel moves the board under a still mouse: it now points elsewhere.
    document.addEventListener("scroll", publish, { capture: true, passive: true });
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      canvas.removeEventListener("pointermove", onMove);
      canvas.removeEventListener("pointerleave", onLeave);
      document.removeEventListener("scroll", publish, { capture: true });
      document.removeEventListener("visibilitychange", onVisibility);
      announce.setPointer(null);
    };
  }, [layer, announce]);
}
