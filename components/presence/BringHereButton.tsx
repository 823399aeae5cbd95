"use client";

import type { PresencePublisher } from "../collab/presencePublisher";
import type { FollowController } from "./followController";
import { useStore } from "./usePresence";

/**
 * The facilitator's "Bring everyone here": moves everyone's timeline to this view once, without
 * "follow me" (they may scroll away at once). The sync server relays it only from owners and
 * editors; this button is only shown to them. Needs a view to bring people to: the timeline's.
 */
export function BringHereButton({ follow, announce }: { follow: FollowController; announce: PresencePublisher }) {
  const sent = useStore(follow.gather.request) !== null;
  const bring = () => {
    const viewport = announce.current.viewport;
    if (viewport) follow.gather.bring(viewport);
  };
  return (
    <button
      type="button"
      data-testid="bring-here"
      data-sent={sent}
      onClick={bring}
      title="Move everyone's timeline to what you see now, once (they are not kept there: use “follow me” for that)"
      // Not on a phone's header, which has no room for a third control beside the people; facilitators lead from wider screens.
      className={`hidden items-center gap-1.5 sm:flex whitespace-nowrap rounded-lg border px-2 py-1 text-xs font-medium ${
        sent
          ? "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-500/50 dark:bg-emerald-500/15 dark:text-emerald-200"
          : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      }`}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-3.5 text-indigo-600 dark:text-indigo-300">
        <circle cx="8" cy="8" r="2" fill="currentColor" />
        <path d="M8 1.5v3M8 11.5v3M1.5 8h3M11.5 8h3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      {/* The same name while the request stands (green): pressing again brings everyone again. */}
      <span className="sr-only xl:not-sr-only">Bring everyone here</span>
    </button>
  );
}
