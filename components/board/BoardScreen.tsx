import type { Role } from "../../lib/protocol/roles";
"use client";

import { useCallback } from "react";
import { updateBoard } from "../../lib/model/boardCommands";
import { useIdentity } from "../collab/identity";
import { useBoardSession, useConnection, usePeers, useSnapshot } from "../collab/useBoardSession";
import { RoadmapView } from "../roadmap/RoadmapView";
import { CommitInput } from "../ui/CommitInput";
import { Logo } from "../ui/Logo";
import { BoardLoading } from "./BoardLoading";
import { ConnectionBadge } from "./ConnectionBadge";
import { PresenceBar } from "./PresenceBar";

interface BoardScreenProps {
  boardId: string;
  /** The title the server knows, shown until the document itself has synced. */
  initialTitle: string;
  /** The viewer's role, decided by the server; the sync server enforces it on every message. */
  role: Role;
  /** A sync token for guests without a session cookie (share links). */
  syncToken?: string;
}

/** A board page: connects, shows who is here, and draws the roadmap once the first sync is in. */
export function BoardScreen({ boardId, initialTitle, role: _role, syncToken: _syncToken }: BoardScreenProps) {
  const [identity, setIdentity] = useIdentity();
  const session = useBoardSession(boardId, identity);
  const connection = useConnection(session);
  const snapshot = useSnapshot(session);
  const peers = usePeers(session);

  const rename = useCallback(
    (title: string) => {
      if (title.trim()) updateBoard(session.doc, session.origin, { title: title.trim() });
    },
    [session],
  );

  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <header className="flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
        <Logo />
        <span aria-hidden className="h-5 w-px bg-slate-200 dark:bg-slate-700" />
        {snapshot ? (
          <CommitInput
            aria-label="Board title"
            value={snapshot.board.title}
            maxLength={200}
            onCommit={rename}
            className="min-w-0 flex-1 truncate rounded-md border border-transparent bg-transparent px-2 py-1 text-base font-semibold outline-none hover:border-slate-200 focus:border-indigo-500 dark:hover:border-slate-700"
          />
        ) : (
          <h1 className="min-w-0 flex-1 truncate px-2 text-base font-semibold">{initialTitle}</h1>
        )}
        <PresenceBar peers={peers} identity={identity} onIdentityChange={setIdentity} />
        <ConnectionBadge connection={connection} />
      </header>
      {snapshot ? <RoadmapView session={session} snapshot={snapshot} peers={peers} /> : <BoardLoading connection={connection} />}
    </div>
  );
}
