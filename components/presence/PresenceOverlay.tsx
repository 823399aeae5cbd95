"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { PresenceLaser } from "../../lib/protocol/presence";
import type { BoardSession } from "../collab/boardSession";
import type { ValueStore } from "../collab/store";
import type { TimelineGeometry } from "../roadmap/timeline/geometry";
import { LaserPath } from "./LaserPath";
import { IDLE_MS, laserPoints, overlayItems } from "./overlayItems";
import { PeerCursor } from "./PeerCursor";
import { PeerDragOutline } from "./PeerDragOutline";
import { useLaserPointer } from "./useLaserPointer";
import { useMotion, useStore } from "./usePresence";
import { usePointerPresence } from "./usePointerPresence";

/**
 * The layer over the timeline's bars where other people's cursors and drags are drawn, in
 * canvas pixels. It is mounted inside the canvas and subscribes to the presence motion store
 * itself, so pointers moving many times a second re-render this layer only, never the bars.
 * It also announces this person's own pointer over the same canvas, and their laser pointer
 * while they hold its key (people who may lead only: `canLead`).
 */
export function PresenceOverlay({ session, geometry, canLead, onMount }: { session: BoardSession; geometry: TimelineGeometry; canLead: boolean; onMount?: () => void }) {
  const layer = useRef<HTMLDivElement>(null);
  // Mounted with the timeline: tells the view that the timeline's elements are there (again).
  useEffect(() => {
    onMount?.();
  }, [onMount]);
  usePointerPresence(layer, geometry, session.announce);
  const ownLaser = useLaserPointer(layer, geometry, session.announce, canLead);
  const motion = useMotion(session);
  const now = useIdleClock(motion.some((m) => m.pointer !== null));
  const { cursors, drags, lasers } = useMemo(() => overlayItems(motion, geometry, now), [motion, geometry, now]);
  return (
    // Clipped, so a name near the right edge never widens the scrollable area.
    <div ref={layer} aria-hidden className="pointer-events-none absolute inset-0 z-40 overflow-clip">
      {drags.map((d) => (
        <PeerDragOutline key={d.clientId} box={d.box} target={d.target} pxPerDay={geometry.pxPerDay} dragging={d.dragging} name={d.name} color={d.color} />
      ))}
      {cursors.map((c) => (
        <PeerCursor key={c.clientId} x={c.x} y={c.y} name={c.name} color={c.color} />
      ))}
      {lasers.map((l) => (
        <LaserPath key={l.clientId} points={l.points} name={l.name} />
      ))}
      <OwnLaser trail={ownLaser} geometry={geometry} />
    </div>
  );
}

/** This person's own laser, as the others see it; its own component, so moving it redraws only it. */
function OwnLaser({ trail, geometry }: { trail: ValueStore<PresenceLaser | null>; geometry: TimelineGeometry }) {
  const laser = useStore(trail);
  const points = useMemo(() => laser && laserPoints(geometry, laser), [laser, geometry]);
  return points && <LaserPath points={points} name="" />;
}

/**
 * The time idleness is judged by (performance.now()): re-read on each render and once a second
 * while anyone is pointing, so a still cursor disappears even when nothing else changes.
 */
function useIdleClock(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), Math.min(1_000, IDLE_MS / 4));
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
