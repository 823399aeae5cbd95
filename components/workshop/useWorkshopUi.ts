"use client";

import { useCallback, useMemo, useState } from "react";
import { canComment, canEditRoadmap, canManageBoard, type Role } from "../../lib/protocol/roles";
import { useWorkshop, type WorkshopBinding } from "./useWorkshop";
import { canFacilitate } from "./workshopState";
import type { VoteBinding } from "./voteContext";

export type WorkshopPanel = "vote" | "drafts";

export interface WorkshopUi {
  binding: WorkshopBinding;
  /** The signed-in person's id; "" for a guest. */
  selfId: string;
  /** A member of the board (false: a guest on a share link, who only watches). */
  member: boolean;
  role: Role;
  facilitating: boolean;
  /** Owners and editors start workshops. */
  canStart: boolean;
  /** Owners, editors and commenters vote and draft; viewers watch. */
  canTakePart: boolean;
  panel: WorkshopPanel | null;
  setPanel: (panel: WorkshopPanel | null) => void;
  dialog: "start" | "vote" | "past" | null;
  setDialog: (dialog: "start" | "vote" | "past" | null) => void;
  vote: VoteBinding | null;
  voteError: string | null;
}

/**
 * The workshop as the board page shows it: who may do what, the open panel and dialog, the vote
 * for bars and cards. `selfId` is null for a guest on a share link (`guest`: true), who watches:
 * the session bar and revealed or open counts, from the live events; null for no one else.
 */
export function useWorkshopUi(boardId: string, selfId: string | null, role: Role, guest = false): WorkshopUi | null {
  const binding = useWorkshop(boardId, selfId !== null ? "member" : guest ? "guest" : "none");
  const [panel, setPanel] = useState<WorkshopPanel | null>(null);
  const [dialog, setDialog] = useState<"start" | "vote" | "past" | null>(null);
  const [pending, setPending] = useState(false);
  const [voteError, setVoteError] = useState<string | null>(null);
  const { workshop, actions } = binding;
  const member = selfId !== null;
  const facilitating = member && canFacilitate(workshop, selfId, canManageBoard(role));
  const canTakePart = member && canComment(role);

  // A vote opening, or drafting opening, brings its panel up once; the person may close it.
  const voteKey = workshop?.vote ? `${workshop.vote.id}:${workshop.vote.state}` : null;
  const draftKey = workshop ? `${workshop.id}:${workshop.drafting.state}` : null;
  const [seen, setSeen] = useState<{ vote: string | null; draft: string | null }>({ vote: null, draft: null });
  if (voteKey !== seen.vote || draftKey !== seen.draft) {
    // Adjusting state while rendering (React's pattern for "reset when a prop changes").
    setSeen({ vote: voteKey, draft: draftKey });
    if (voteKey !== seen.vote) setVoteError(null);
    if (voteKey && voteKey !== seen.vote && (workshop?.vote?.state === "open" || workshop?.vote?.state === "revealed")) setPanel("vote");
    else if (draftKey !== seen.draft && workshop?.drafting.state === "open" && canTakePart) setPanel("drafts");
    else if (!workshop) setPanel(null);
  }

  const cast = useCallback(
    async (itemId: string, delta: 1 | -1) => {
      setPending(true);
      setVoteError(await actions.cast({ itemId, delta }));
      setPending(false);
    },
    [actions],
  );

  const vote = useMemo((): VoteBinding | null => {
    const v = workshop?.vote;
    if (!v) return null;
    return { vote: v, items: new Set(v.itemIds), mine: workshop.mine, canVote: canTakePart, cast: (itemId, delta) => void cast(itemId, delta), pending };
  }, [workshop, canTakePart, cast, pending]);

  if (!member && !guest) return null;
  return { binding, selfId: selfId ?? "", member, role, facilitating, canStart: member && canEditRoadmap(role), canTakePart, panel, setPanel, dialog, setDialog, vote, voteError };
}
