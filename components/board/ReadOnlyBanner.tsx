import type { Role } from "../../lib/protocol/roles";
import { EyeIcon } from "./PresenceBar";

interface ReadOnlyBannerProps {
  role: Role;
  /** On a share link, not as a member. */
  guest: boolean;
  /** The role dropped while the board was open: edits since then were refused by the server. */
  downgraded: boolean;
}

/** Says, above the board, that it is view only and why, so nobody wonders why a bar will not move. */
export function ReadOnlyBanner({ role, guest, downgraded }: ReadOnlyBannerProps) {
  const why = guest ? "you opened a share link" : `your role is ${role}`;
  // Commenters may still talk about the roadmap; saying "view only" alone would hide that.
  const mayComment = !guest && role === "commenter";
  return (
    <div
      role="status"
      data-testid="read-only-banner"
      className="flex shrink-0 items-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-sm text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-200"
    >
      <EyeIcon className="size-4 shrink-0" />
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">
          {mayComment ? "Comments only" : "View only"} — {why}.
        </strong>{" "}
        {downgraded
          ? "An owner changed your role while the board was open; changes made since were not saved."
          : mayComment
            ? "You see every change live and can comment and reply, but cannot move, add or edit items."
            : "You see every change live, but cannot move, add or edit anything."}
      </p>
      {downgraded && (
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-md border border-amber-300 px-2 py-0.5 text-xs font-medium hover:bg-amber-100 dark:border-amber-500/40 dark:hover:bg-amber-500/20"
        >
          Reload
        </button>
      )}
    </div>
  );
}
