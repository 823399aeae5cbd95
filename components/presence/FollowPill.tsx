import { Avatar } from "../board/Avatar";
import type { Following } from "./followController";
import { inkOn } from "../ui/inkOn";

/**
 * Floats over the top of the timeline while following someone: whose view this is, and the way
 * out. A frame in their colour marks the whole timeline as someone else's view.
 */
export function FollowPill({ following, onStop }: { following: Following; onStop: () => void }) {
  return (
    <>
      <div aria-hidden className="pointer-events-none absolute inset-0 z-40" style={{ boxShadow: `inset 0 0 0 3px ${following.color}` }} />
      <div
        role="status"
        data-testid="follow-pill"
        data-name={following.name}
        className="absolute bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-2 rounded-full bg-white py-1 pl-1 pr-1 text-xs font-medium text-slate-800 shadow-md dark:bg-slate-900 dark:text-slate-100"
        style={{ boxShadow: `0 0 0 2px ${following.color}, 0 4px 12px rgb(15 23 42 / 0.18)` }}
      >
        <Avatar name={following.name} color={following.color} size={22} />
        <span>
          Following <strong className="font-semibold">{following.name}</strong>
        </span>
        <button
          type="button"
          onClick={onStop}
          className="rounded-full px-2.5 py-0.5 font-semibold hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400"
          style={{ background: following.color, color: inkOn(following.color) }}
        >
          Stop
        </button>
      </div>
    </>
  );
}
