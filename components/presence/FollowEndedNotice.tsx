"use client";

import { useEffect } from "react";
import type { FollowEnd } from "./followController";

const SHOWN_MS = 4_000;

/**
 * Says why the view stopped following when that was not this person's doing (the leader left,
 * or ended their "follow me"), so a screen that suddenly holds still is not a mystery.
 */
export function FollowEndedNotice({ ended, onDone }: { ended: { name: string; why: FollowEnd }; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [ended, onDone]);
  if (ended.why !== "left" && ended.why !== "ended") return null;
  return (
    <div
      role="status"
      data-testid="follow-ended"
      className="absolute bottom-4 left-1/2 z-50 -translate-x-1/2 rounded-full bg-slate-900 px-3.5 py-1.5 text-xs font-medium text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
    >
      {ended.why === "left" ? `${ended.name} left the board; you are no longer following.` : `${ended.name} ended "follow me"; your view is yours again.`}
    </div>
  );
}
