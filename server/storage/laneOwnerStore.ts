import type { BoardId, UserId } from "../../lib/model/ids";
import type { LanePolicy } from "../../lib/protocol/teams";

/** One owner of one lane. */
export interface LaneOwnerRow {
  laneId: string;
  userId: UserId;
}

/**
 * Lane owners and the board's lane policy (docs/teams.md): access control, so the server keeps
 * them, not the shared document. Only board owners change them, through the team services.
 */
export interface LaneOwnerStore {
  /** "open" for a board that never set one (and for an unknown board). */
  getLanePolicy(boardId: BoardId): Promise<LanePolicy>;
  setLanePolicy(boardId: BoardId, policy: LanePolicy): Promise<void>;
  /** Every lane's owners on the board, ordered by lane then user. */
  listLaneOwners(boardId: BoardId): Promise<LaneOwnerRow[]>;
  /** Replaces the lane's owners with these (none clears them), in one transaction. */
  setLaneOwners(boardId: BoardId, laneId: string, userIds: readonly UserId[]): Promise<void>;
}
