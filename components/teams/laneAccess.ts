"use client";

import { createContext, useContext } from "react";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { Role } from "../../lib/protocol/roles";
import { mayEditLane, type LaneOwnerView, type TeamsView } from "../../lib/protocol/teams";

/**
 * What this person may change, lane by lane (docs/teams.md): the UI's mirror of the sync
 * server's check, so an edit the server would refuse is stopped before it is made, with words
 * instead of a closed connection. The server decides; this only spares people the refusal.
 */
export interface LaneAccess {
  teams: TeamsView | null;
  /** Owners of a lane, or none. */
  ownersOf: (laneId: string | null) => LaneOwnerView[];
  mayEditLane: (laneId: string | null) => boolean;
  /** The item's lane may be edited (an item not on the board: yes, the command says why it fails). */
  mayEditItem: (itemId: string) => boolean;
  /** Why an edit of this item or lane is stopped, in words; null when it is not. */
  refusalFor: (target: { itemId?: string; laneId?: string | null }) => string | null;
}

const NONE: LaneOwnerView[] = [];

export function laneAccess(teams: TeamsView | null, role: Role | null, selfId: string | null, snapshot: BoardSnapshot | null): LaneAccess {
  const ownersOf = (laneId: string | null) => (laneId ? (teams?.laneOwners[laneId] ?? NONE) : NONE);
  const mayEdit = (laneId: string | null) =>
    !teams || laneId === null ? true : mayEditLane(role, selfId ?? "", ownersOf(laneId).map((o) => o.id), teams.policy);
  // Built on first use: a board without owned lanes never pays for it.
  let lanes: Map<string, string | null> | null = null;
  const laneOf = (itemId: string) => {
    lanes ??= new Map(snapshot?.items.map((i) => [i.id as string, i.laneId as string | null]) ?? []);
    return lanes.get(itemId) ?? null;
  };
  const laneName = (laneId: string) => snapshot?.lanes.find((l) => l.id === laneId)?.name || "This lane";
  const refusalFor = ({ itemId, laneId }: { itemId?: string; laneId?: string | null }) => {
    for (const lane of [itemId ? laneOf(itemId) : null, laneId ?? null]) {
      if (lane && !mayEdit(lane)) {
        const names = ownersOf(lane).map((o) => o.name);
        return `${laneName(lane)} is owned by ${names.join(", ") || "another team"}: propose the change instead of making it.`;
      }
    }
    return null;
  };
  return { teams, ownersOf, mayEditLane: mayEdit, mayEditItem: (itemId) => mayEdit(laneOf(itemId)), refusalFor };
}

/** Everyone may edit every lane: what the board had before lanes had owners (and what tests render with). */
export const OPEN_ACCESS: LaneAccess = laneAccess(null, null, null, null);

export const LaneAccessContext = createContext<LaneAccess>(OPEN_ACCESS);
export const useLaneAccess = () => useContext(LaneAccessContext);
