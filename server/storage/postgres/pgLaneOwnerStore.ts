import type { Pool } from "pg";
import type { UserId } from "../../../lib/model/ids";
import { lanePolicySchema } from "../../../lib/protocol/teams";
import type { LaneOwnerStore } from "../laneOwnerStore";
import { inTransaction } from "./transaction";

/** Lane owners and the lane policy in the same PostgreSQL database as the boards. */
export function pgLaneOwnerStore(pool: Pool): LaneOwnerStore {
  return {
    async getLanePolicy(boardId) {
      const { rows } = await pool.query<{ lane_policy: string }>("SELECT lane_policy FROM boards WHERE id = $1", [boardId]);
      const parsed = lanePolicySchema.safeParse(rows[0]?.lane_policy);
      return parsed.success ? parsed.data : "open";
    },
    async setLanePolicy(boardId, policy) {
      await pool.query("UPDATE boards SET lane_policy = $1 WHERE id = $2", [policy, boardId]);
    },
    async listLaneOwners(boardId) {
      const { rows } = await pool.query<{ lane_id: string; user_id: string }>(
        "SELECT lane_id, user_id FROM lane_owners WHERE board_id = $1 ORDER BY lane_id, user_id",
        [boardId],
      );
      return rows.map((r) => ({ laneId: r.lane_id, userId: r.user_id as UserId }));
    },
    async setLaneOwners(boardId, laneId, userIds) {
      await inTransaction(pool, async (client) => {
        await client.query("DELETE FROM lane_owners WHERE board_id = $1 AND lane_id = $2", [boardId, laneId]);
        if (userIds.length === 0) return;
        await client.query(
          "INSERT INTO lane_owners (board_id, lane_id, user_id) SELECT $1, $2, u FROM unnest($3::text[]) AS u ON CONFLICT DO NOTHING",
          [boardId, laneId, [...new Set(userIds)]],
        );
      });
    },
  };
}
