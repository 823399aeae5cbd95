"use client";

import { useState } from "react";
import type { Peer } from "../collab/boardSession";
import type { PresencePublisher } from "../collab/presencePublisher";
import { BringHereButton } from "../presence/BringHereButton";
import type { FollowController } from "../presence/followController";
import { FollowMeButton } from "../presence/FollowMeButton";
import { PeopleList } from "../presence/PeopleList";
import { useStore } from "../presence/usePresence";
import { useMinWidth } from "../ui/useMinWidth";
import { Avatar } from "./Avatar";
import { accessWords } from "../presence/accessWords";

/** Avatars shown before a "+n"; a phone's header has room for two beside the title. */
const MAX_SHOWN = 6;
const MAX_SHOWN_PHONE = 2;
/** Tailwind's sm: from here on, the header is no phone's. */
const SM_PX = 640;

interface PresenceBarProps {
  peers: Peer[];
  /** The signed-in account's id: its other tabs are not "someone else". Null for guests. */
  selfId: string | null;
  /** Clicking a person follows their view. */
  follow: FollowController;
  /** Owners and editors may ask everyone to follow them, or bring everyone to their view. */
  canLead: boolean;
  /** This browser's presence: the view "Bring everyone here" brings people to. */
  announce: PresencePublisher;
}

/**
 * Everyone else on the board now, as the server identifies them (account name and colour).
 * One person in two tabs is one person, so peers merge by identity id. A workshop of 40 shows
 * the first few and a "+34" that lists everyone.
 */
export function PresenceBar({ peers, selfId, follow, canLead, announce }: PresenceBarProps) {
  const [listOpen, setListOpen] = useState(false);
  const following = useStore(follow.state);
  const others: Peer[] = [];
  const seen = new Set<string>();
  for (const peer of peers) {
    if (peer.isLocal || peer.id === selfId || seen.has(peer.id)) continue;
    seen.add(peer.id);
    others.push(peer);
  }
  const wide = useMinWidth(SM_PX);
  const shown = others.slice(0, wide ? MAX_SHOWN : MAX_SHOWN_PHONE);
  const toggleFollow = (peer: Peer) => (following?.clientId === peer.clientId ? follow.stop() : follow.follow(peer));
  return (
    <div className="flex items-center gap-2">
      <ul aria-label="People on this board" data-testid="presence" className="relative flex items-center -space-x-1.5">
        {shown.map((peer) => {
          const access = accessWords(peer);
          const label = access ? `${peer.name} (${access})` : peer.name;
          const followed = following?.clientId === peer.clientId;
          return (
            <li key={peer.clientId} data-testid="presence-peer" data-name={peer.name} data-read-only={peer.readOnly} data-access={access ?? "edit"} className="relative">
              <button
                type="button"
                aria-pressed={followed}
                aria-label={followed ? `Stop following ${peer.name}` : `Follow ${peer.name}`}
                title={followed ? `${label}: following their view; click to stop` : `${label}: click to follow their view`}
                onClick={() => toggleFollow(peer)}
                className="block rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400 hover:z-10 hover:-translate-y-px"
                style={followed ? { outline: `2px solid ${peer.color}`, outlineOffset: 2 } : undefined}
              >
                <Avatar name={peer.name} color={peer.color} />
              </button>
              {peer.readOnly && (
                <span
                  aria-hidden
                  className="pointer-events-none absolute -bottom-0.5 -right-0.5 flex size-3.5 items-center justify-center rounded-full bg-white text-slate-500 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
                >
                  {access === "can comment" ? <SpeechIcon className="size-2.5" /> : <EyeIcon className="size-2.5" />}
                </span>
              )}
              <span className="sr-only">{label}</span>
            </li>
          );
        })}
        {others.length > shown.length && (
          <li>
            <button
              type="button"
              data-testid="presence-more"
              aria-haspopup="dialog"
              aria-expanded={listOpen}
              aria-label={`Everyone on this board (${others.length} people)`}
              onClick={() => setListOpen((open) => !open)}
              className="inline-flex h-7 min-w-7 items-center justify-center rounded-full bg-slate-200 px-1.5 text-[11px] font-semibold text-slate-700 ring-2 ring-white hover:bg-slate-300 dark:bg-slate-700 dark:text-slate-200 dark:ring-slate-900 dark:hover:bg-slate-600"
            >
              +{others.length - shown.length}
            </button>
          </li>
        )}
        {listOpen && (
          <PeopleList people={others} followingClientId={following?.clientId ?? null} onToggleFollow={toggleFollow} onClose={() => setListOpen(false)} />
        )}
      </ul>
      {canLead && <BringHereButton follow={follow} announce={announce} />}
      {canLead && <FollowMeButton follow={follow} />}
    </div>
  );
}

/** A speech bubble: can comment, cannot edit. */
function SpeechIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={className}>
      <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
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
