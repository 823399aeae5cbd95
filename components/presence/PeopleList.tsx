"use client";

import { useEffect, useRef } from "react";
import { Avatar } from "../board/Avatar";
import type { Peer } from "../collab/presenceFeed";
import { countOf } from "../../lib/format/plural";
import { accessWords } from "./accessWords";

interface PeopleListProps {
  people: Peer[];
  followingClientId: number | null;
  onToggleFollow: (peer: Peer) => void;
  onClose: () => void;
}

/**
 * Everyone on the board, for a workshop too big for the row of avatars: names, who only
 * watches, and a follow button each. Closes on Escape or a press outside.
 */
export function PeopleList({ people, followingClientId, onToggleFollow, onClose }: PeopleListProps) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Element | null;
      // The "+12" button toggles the list itself.
      if (!root.current?.contains(target) && !target?.closest?.('[data-testid="presence-more"]')) onClose();
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [onClose]);
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div
      ref={root}
      role="dialog"
      aria-label="People on this board"
      data-testid="people-list"
      className="absolute right-0 top-full z-50 mt-2 w-72 rounded-xl border border-slate-200 bg-white p-1.5 shadow-xl dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="px-2.5 pb-1.5 pt-1 text-xs font-medium text-slate-500 dark:text-slate-400">
        {countOf(people.length, "person", "people")} here besides you
      </p>
      <ul className="max-h-80 overflow-y-auto">
        {sorted.map((peer) => {
          const followed = peer.clientId === followingClientId;
          return (
            <li key={peer.clientId} data-testid="people-list-person" data-name={peer.name} className="flex items-center gap-2.5 rounded-lg px-2.5 py-1.5 hover:bg-slate-50 dark:hover:bg-slate-800/60">
              <Avatar name={peer.name} color={peer.color} size={24} />
              <span className="min-w-0 flex-1 truncate text-sm">
                {peer.name}
                {accessWords(peer) && <span className="ml-1.5 text-xs text-slate-500 dark:text-slate-400">{accessWords(peer)}</span>}
              </span>
              <button
                type="button"
                aria-pressed={followed}
                aria-label={followed ? `Stop following ${peer.name}` : `Follow ${peer.name}`}
                onClick={() => {
                  onToggleFollow(peer);
                  onClose();
                }}
                className={`rounded-md px-2 py-0.5 text-xs font-medium ${
                  followed
                    ? "bg-indigo-600 text-white hover:bg-indigo-500"
                    : "border border-slate-200 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
                }`}
              >
                {followed ? "Following" : "Follow"}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
