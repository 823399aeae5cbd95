import { presenceColorFor } from "../../lib/protocol/presenceColor";
import type { LaneOwnerView } from "../../lib/protocol/teams";
import { Avatar } from "../board/Avatar";

/**
 * Who owns a lane, on its header (docs/teams.md): their initials, and a lock when this person
 * may not edit the lane directly (they propose instead). Nothing for a lane without owners.
 */
export function LaneOwners({ owners, locked, laneName, compact }: { owners: LaneOwnerView[]; locked: boolean; laneName: string; compact: boolean }) {
  if (owners.length === 0) return null;
  const names = owners.map((o) => o.name).join(", ");
  const words = `${laneName} is owned by ${names}${locked ? "; you propose changes to it" : ""}`;
  const shown = compact ? owners.slice(0, 1) : owners.slice(0, 3);
  return (
    <span data-testid="lane-owners" data-locked={locked} role="img" aria-label={words} title={words} className="flex shrink-0 items-center">
      {locked && (
        <svg aria-hidden viewBox="0 0 16 16" className="mr-1 size-3.5 text-slate-500 dark:text-slate-400">
          <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <rect x="3.5" y="7" width="9" height="7" rx="1.5" fill="currentColor" />
        </svg>
      )}
      <span className="flex -space-x-1.5">
        {shown.map((o) => (
          <Avatar key={o.id} name={o.name} color={presenceColorFor(o.id)} size={18} />
        ))}
      </span>
      {owners.length > shown.length && <span className="ml-1 text-[11px] text-slate-500 dark:text-slate-400">+{owners.length - shown.length}</span>}
    </span>
  );
}
