"use client";

import { useEffect, useState } from "react";
import type { MemberSummary } from "../../lib/protocol/appServices";
import { apiRequest } from "../ui/apiRequest";

/** The board's members with their roles ("@" mentions, lane owners); empty for guests and until loaded. */
export function useBoardMembers(boardId: string, enabled: boolean): MemberSummary[] {
  const [members, setMembers] = useState<MemberSummary[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let stale = false;
    void apiRequest<{ members: MemberSummary[] }>("GET", `/api/boards/${boardId}/members`).then((result) => {
      if (!stale && result.ok) setMembers(result.value.members);
    });
    return () => {
      stale = true;
    };
  }, [boardId, enabled]);
  return members;
}
