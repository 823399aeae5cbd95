import type { Peer } from "../collab/presenceFeed";
import type { Following } from "./followController";

interface FollowBannerProps {
  /** The person asking everyone to follow them; null when this person is the one asking. */
  leader: Peer | null;
  /** True while this person asks everyone to follow them. */
  leading: boolean;
  following: Following | null;
  onFollow: (leader: Peer) => void;
  onStopFollowing: () => void;
  onEndLead: () => void;
}

const BAR =
  "flex shrink-0 items-center gap-2 border-b border-indigo-200 bg-indigo-50 px-4 py-1.5 text-sm text-indigo-950 dark:border-indigo-500/30 dark:bg-indigo-500/10 dark:text-indigo-100";
const BUTTON =
  "rounded-md border border-indigo-300 bg-white px-2.5 py-0.5 text-xs font-medium hover:bg-indigo-100 dark:border-indigo-500/40 dark:bg-slate-900 dark:hover:bg-indigo-500/20";

/**
 * A facilitator's "follow me" as everyone sees it: the people asked can leave and rejoin; the
 * facilitator sees that the request stands and can end it.
 */
export function FollowBanner({ leader, leading, following, onFollow, onStopFollowing, onEndLead }: FollowBannerProps) {
  if (leading) {
    return (
      <div role="status" data-testid="follow-banner" data-leading className={BAR}>
        <MegaphoneIcon />
        <p className="min-w-0 flex-1">
          <strong className="font-semibold">You asked everyone to follow you.</strong> Their screens follow your zoom and scrolling until they move by themselves.
        </p>
        <button type="button" onClick={onEndLead} className={BUTTON}>
          End follow me
        </button>
      </div>
    );
  }
  if (!leader) return null;
  const followingLeader = following?.clientId === leader.clientId;
  return (
    <div role="status" data-testid="follow-banner" data-name={leader.name} className={BAR}>
      <MegaphoneIcon />
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">{leader.name} asks everyone to follow along.</strong>{" "}
        {followingLeader ? "Your view follows theirs until you scroll or zoom." : "You stopped following; join again any time."}
      </p>
      {followingLeader ? (
        <button type="button" onClick={onStopFollowing} className={BUTTON}>
          Stop following
        </button>
      ) : (
        <button type="button" onClick={() => onFollow(leader)} className={BUTTON}>
          Follow {leader.name}
        </button>
      )}
    </div>
  );
}

function MegaphoneIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-4 shrink-0 text-indigo-600 dark:text-indigo-300">
      <path d="M2 6.5v3h2l5 3v-9l-5 3z" fill="currentColor" />
      <path d="M11.5 5.5a3.5 3.5 0 0 1 0 5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
