"use client";

import { useState } from "react";
import type { Peer } from "../collab/boardSession";
import type { Identity } from "../collab/identity";
import { Avatar } from "./Avatar";
import { IdentityEditor } from "./IdentityEditor";

const MAX_SHOWN = 6;

interface PresenceBarProps {
  peers: Peer[];
  identity: Identity | null;
  onIdentityChange: (next: Identity) => boolean;
}

/** Everyone on the board now. One person in two tabs is one person, so peers merge by name and colour. */
export function PresenceBar({ peers, identity, onIdentityChange }: PresenceBarProps) {
  const [editing, setEditing] = useState(false);
  const others: Peer[] = [];
  const seen = new Set<string>();
  for (const peer of peers) {
    const key = `${peer.name}\u0000${peer.color}`;
    if (peer.isLocal || seen.has(key) || (identity && peer.name === identity.name && peer.color === identity.color)) continue;
    seen.add(key);
    others.push(peer);
  }
  const shown = others.slice(0, MAX_SHOWN);
  return (
    <div className="relative flex items-center gap-2">
      <ul aria-label="People on this board" data-testid="presence" className="flex items-center -space-x-1.5">
        {shown.map((peer) => (
          <li key={peer.clientId} data-testid="presence-peer" data-name={peer.name} title={peer.name}>
            <Avatar name={peer.name} color={peer.color} />
            <span className="sr-only">{peer.name}</span>
          </li>
        ))}
        {others.length > shown.length && (
          <li className="inline-flex size-7 items-center justify-center rounded-full bg-slate-200 text-[11px] font-semibold text-slate-700 ring-2 ring-white dark:bg-slate-700 dark:text-slate-200 dark:ring-slate-900">
            +{others.length - shown.length}
          </li>
        )}
      </ul>
      {identity && (
        <button
          type="button"
          data-testid="identity-button"
          onClick={() => setEditing((v) => !v)}
          aria-expanded={editing}
          title="Change your name and colour"
          className="flex items-center gap-2 rounded-full py-0.5 pl-0.5 pr-2.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <Avatar name={identity.name} color={identity.color} />
          <span className="max-w-32 truncate font-medium">{identity.name}</span>
          <span className="text-xs text-slate-400">(you)</span>
        </button>
      )}
      {editing && identity && (
        <>
          {/* A click anywhere else closes the editor without saving. */}
          <div aria-hidden className="fixed inset-0 z-40" onClick={() => setEditing(false)} />
          <IdentityEditor identity={identity} onSave={onIdentityChange} onClose={() => setEditing(false)} />
        </>
      )}
    </div>
  );
}
