import type { Peer } from "../collab/boardSession";
import { Avatar } from "./Avatar";

const MAX_SHOWN = 6;

interface PresenceBarProps {
  peers: Peer[];
  /** The signed-in account's id: its other tabs are not "someone else". Null for guests. */
  selfId: string | null;
}

/**
 * Everyone else on the board now, as the server identifies them (account name and colour).
 * One person in two tabs is one person, so peers merge by identity id.
 */
export function PresenceBar({ peers, selfId }: PresenceBarProps) {
  const others: Peer[] = [];
  const seen = new Set<string>();
  for (const peer of peers) {
    if (peer.isLocal || peer.id === selfId || seen.has(peer.id)) continue;
    seen.add(peer.id);
    others.push(peer);
  }
  const shown = others.slice(0, MAX_SHOWN);
  return (
    <ul aria-label="People on this board" data-testid="presence" className="flex items-center -space-x-1.5">
      {shown.map((peer) => {
        const label = peer.readOnly ? `${peer.name} (view only)` : peer.name;
        return (
          <li key={peer.clientId} data-testid="presence-peer" data-name={peer.name} data-read-only={peer.readOnly} title={label} className="relative">
            <Avatar name={peer.name} color={peer.color} />
            {peer.readOnly && (
              <span
                aria-hidden
                className="absolute -bottom-0.5 -right-0.5 flex size-3.5 items-center justify-center rounded-full bg-white text-slate-500 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
              >
                <EyeIcon className="size-2.5" />
              </span>
            )}
            <span className="sr-only">{label}</span>
          </li>
        );
      })}
      {others.length > shown.length && (
        <li className="inline-flex size-7 items-center justify-center rounded-full bg-slate-200 text-[11px] font-semibold text-slate-700 ring-2 ring-white dark:bg-slate-700 dark:text-slate-200 dark:ring-slate-900">
          +{others.length - shown.length}
        </li>
      )}
    </ul>
  );
}

export function EyeIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={className}>
      <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <circle cx="8" cy="8" r="2" fill="currentColor" />
    </svg>
  );
}
