"use client";

import { useEffect, useRef, useState } from "react";
import type { TimerView } from "../../lib/protocol/workshops";
import { armChime, playChime } from "./chime";
import { msToNextSecond, remainingMs, type ServerClock } from "./serverClock";

/**
 * The countdown's milliseconds left, repainted on each second's boundary of the server's clock,
 * and `ended`: a running timer at zero (the session bar pulses). A soft tone plays once when
 * this screen saw the countdown run down to zero, where the browser allows sound (chime.ts).
 */
export function useCountdown(timer: TimerView | null, clock: ServerClock): { left: number; ended: boolean } {
  // This browser's time as of the last repaint; read in effects and timers, never while rendering.
  const [now, setNow] = useState(() => Date.now());
  const chimedFor = useRef<string | null>(null);
  // The tone is for a countdown seen running to zero, not for a page opened after it ended.
  const counting = useRef(false);
  const left = timer ? remainingMs(timer, clock.offset(), now) : 0;
  const running = timer?.state === "running";
  const endsAt = timer?.endsAt ?? null;

  useEffect(() => armChime(), []);
  // A new timer (started, paused, minutes added) repaints at once; a running one on each second's boundary.
  useEffect(() => {
    const handle = setTimeout(() => setNow(Date.now()), 0);
    return () => clearTimeout(handle);
  }, [timer]);
  useEffect(() => {
    if (!running || !timer) return;
    const actual = remainingMs(timer, clock.offset(), Date.now());
    if (actual === 0 && left === 0) return;
    const handle = setTimeout(() => setNow(Date.now()), msToNextSecond(actual) + 5);
    return () => clearTimeout(handle);
  });
  useEffect(() => {
    if (!running) {
      counting.current = false;
      return;
    }
    if (left > 0) counting.current = true;
    else if (endsAt !== null && chimedFor.current !== endsAt) {
      chimedFor.current = endsAt;
      if (counting.current) playChime();
      counting.current = false;
    }
  }, [running, left, endsAt]);
  return { left, ended: running && left === 0 };
}
