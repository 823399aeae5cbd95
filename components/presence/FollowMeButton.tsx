"use client";

import type { FollowController } from "./followController";
import { useStore } from "./usePresence";

/**
 * The facilitator's switch: ask everyone on the board to follow this view, or end that. The
 * sync server relays the request only from owners and editors; this button is only shown to them.
 */
export function FollowMeButton({ follow }: { follow: FollowController }) {
  const leading = useStore(follow.leading) !== null;
  return (
    <button
      type="button"
      data-testid="follow-me"
      aria-pressed={leading}
      onClick={() => (leading ? follow.endLead() : follow.lead())}
      title={leading ? "End: people stop following your view" : "Ask everyone on this board to follow your view (zoom and scrolling)"}
      className={`flex items-center gap-1.5 whitespace-nowrap rounded-lg border px-2 py-1 text-xs font-medium ${
        leading
          ? "border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-500/50 dark:bg-indigo-500/15 dark:text-indigo-200"
          : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      }`}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-3.5 text-indigo-600 dark:text-indigo-300">
        <path d="M2 6.5v3h2l5 3v-9l-5 3z" fill="currentColor" />
        <path d="M11.5 5.5a3.5 3.5 0 0 1 0 5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <span className="sr-only xl:not-sr-only">{leading ? "Everyone follows you · End" : "Ask everyone to follow me"}</span>
    </button>
  );
}
