"use client";

import { createContext, useContext } from "react";
import type { MemberSummary } from "../../lib/protocol/appServices";
import type { BoardTeams } from "./useTeams";

/** What board setup needs to show and change lane owners: the board's teams, its members, and whether this person may change them. */
export interface TeamTools {
  board: BoardTeams;
  members: MemberSummary[];
  /** Board owners assign lane owners and set the policy (the server checks). */
  canManage: boolean;
}

export const TeamsContext = createContext<TeamTools | null>(null);
export const useTeamTools = () => useContext(TeamsContext);
