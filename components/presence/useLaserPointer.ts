"use client";

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { PresenceLaser } from "../../lib/protocol/presence";
import type { PresencePublisher } from "../collab/presencePublisher";
import { ValueStore } from "../collab/store";
import type { TimelineGeometry } from "../roadmap/timeline/geometry";
import { isLaserKey, isShieldedTarget } from "../roadmap/toolbar/shortcuts";
import { LASER_TRAIL_MS, LaserTrail } from "./laserTrail";
import { pointerAt } from "./presenceGeometry";

/**
 * A facilitator's laser pointer: while they hold the laser key (L) with the mouse over the
 * timeline canvas (the element `layer` is drawn in), the trail is announced at the pointer's
 * rate (the publisher throttles it) and cleared at once on key up, on leaving the tab or the
 * window. Only for people who may lead (`enabled`); the server drops it from anyone else.
 * Returns this person's own trail, for them to see what the others see.
 */
export function useLaserPointer(layer: RefObject<HTMLElement | null>, geometry: TimelineGeometry, announce: PresencePublisher, enabled: boolean): ValueStore<PresenceLaser | null> {
  const [own] = useState(() => new ValueStore<PresenceLaser | null>(null));
  const latest = useRef(geometry);
  useLayoutEffect(() => {
    latest.current = geometry;
  });
  useEffect(() => {
    const canvas = layer.current?.parentElement;
    if (!enabled || !canvas) return;
    const trail = new LaserTrail();
    let mouse: { x: number; y: number } | null = null;
    let held = false;
    let fade: ReturnType<typeof setTimeout> | undefined;
    const show = (laser: PresenceLaser | null) => {
      announce.setLaser(laser);
      own.set(laser);
    };
    const mark = () => {
      if (!held || !mouse) return;
      const rect = canvas.getBoundingClientRect();
      const x = mouse.x - rect.left;
      const y = mouse.y - rect.top;
      const point = pointerAt(latest.current, x, y);
      const laser = point && trail.add(performance.now(), x, y, point);
      if (!laser) return;
      show(laser);
      // When the mouse rests, the tail still fades: one trim after it would have, not a timer per frame.
      clearTimeout(fade);
      fade = setTimeout(() => held && show(trail.trim(performance.now())), LASER_TRAIL_MS + 20);
    };
    const release = () => {
      if (!held) return;
      held = false;
      clearTimeout(fade);
      trail.clear();
      show(null);
    };
    const onMove = (event: PointerEvent) => {
      if (event.pointerType !== "mouse") return;
      mouse = { x: event.clientX, y: event.clientY };
      mark();
    };
    // Off the timeline there is nothing to point at: the trail goes until the mouse is back.
    const onLeave = () => {
      mouse = null;
      if (!held) return;
      clearTimeout(fade);
      trail.clear();
      show(null);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented || event.isComposing || !isLaserKey(event) || isShieldedTarget(event.target)) return;
      held = true;
      mark();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      // Whatever modifiers are down by now: letting go of L ends the laser.
      if (isLaserKey({ key: event.key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false })) release();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") release();
    };
    canvas.addEventListener("pointermove", onMove, { passive: true });
    canvas.addEventListener("pointerleave", onLeave);
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("keyup", onKeyUp);
    // Key up never comes to a window that lost focus while the key was down.
    window.addEventListener("blur", release);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      canvas.removeEventListener("pointermove", onMove);
      canvas.removeEventListener("pointerleave", onLeave);
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("keyup", onKeyUp);
      window.removeEventListener("blur", release);
      document.removeEventListener("visibilitychange", onVisibility);
      release();
    };
  }, [layer, announce, enabled, own]);
  return own;
}
