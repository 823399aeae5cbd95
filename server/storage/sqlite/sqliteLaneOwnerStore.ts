import type Database from "better-sqlite3";
import type { UserId } from "../../../lib/model/ids";
import { lanePolicySchema } from "../../../lib/protocol/teams";
import type { LaneOwnerStore } from "../laneOwnerStore";

/** Lane owners and the lane policy in the same SQLite file as the boards. */
export function sqliteLaneOwnerStore(db: Database.Database): LaneOwnerStore {
  const q = {
    policy: db.prepare<[string], { lane_policy: string }>("SELECT lane_policy FROM boards WHERE id = ?"),
    setPolicy: db.prepare("UPDATE boards SET lane_policy = ? WHERE id = ?"),
    owners: db.prepare<[string], { lane_id: string; user_id: string }>(
      "SELECT lane_id, user_id FROM lane_owners WHERE board_id = ? ORDER BY lane_id, user_id",
    ),
    clear: db.prepare("DELETE FROM lane_owners WHERE board_id = ? AND lane_id = ?"),
    add: db.prepare("INSERT OR IGNORE INTO lane_owners (board_id, lane_id, user_id) VALUES (?, ?, ?)"),
  };
  const replace = db.transaction((boardId: string, laneId: string, userIds: readonly string[]) => {
    q.clear.run(boardId, laneId);
    for (const userId of userIds) q.add.run(boardId, laneId, userId);
  });
  return {
    async getLanePolicy(boardId) {
      const parsed = lanePolicySchema.safeParse(q.policy.get(boardId)?.lane_policy);
      return parsed.success ? parsed.data : "open";
    },
    async setLanePolicy(boardId, policy) {
      q.setPolicy.run(policy, boardId);
    },
    async listLaneOwners(boardId) {
      return q.owners.all(boardId).map((r) => ({ laneId: r.lane_id, userId: r.user_id as UserId }));
    },
    async setLaneOwners(boardId, laneId, userIds) {
      replace(boardId, laneId, userIds);
    },
  };
}
