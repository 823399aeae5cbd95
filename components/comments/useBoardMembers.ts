"use client";

import { useEffect, useState } from "react";
import type { MemberSummary } from "../../lib/protocol/appServices";
import type { MentionCandidate } from "../editor/MentionMenu";
import { apiRequest } from "../ui/apiRequest";

/** The board's members, for "@" mentions; empty for guests and until loaded. */
export function useBoardMembers(boardId: string, enabled: boolean): MentionCandidate[] {
  const [members, setMembers] = useState<MentionCandidate[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let stale = false;
    void apiRequest<{ members: MemberSummary[] }>("GET", `/api/boards/${boardId}/members`).then((result) => {
      if (!stale && result.ok) setMembers(result.value.members.map((m) => ({ id: m.id, name: m.name, email: m.email })));
    });
    return () => {
      stale = true;
    };
  }, [boardId, enabled]);
  return members;
}
