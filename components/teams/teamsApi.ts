import { z } from "zod";
import { LANE_POLICIES, type LanePolicy, type TeamsView } from "../../lib/protocol/teams";
import { apiRequest, type ApiResult } from "../ui/apiRequest";

/** Lane owners and the lane policy over HTTP (docs/teams.md; routes in lib/protocol/teams.ts), parsed before use. */
const teamsSchema = z.object({
  policy: z.enum(LANE_POLICIES),
  laneOwners: z.record(z.string(), z.array(z.object({ id: z.string(), name: z.string() }))),
});

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

function parsed(result: ApiResult<unknown>): ApiResult<TeamsView> {
  if (!result.ok) return result;
  const out = teamsSchema.safeParse(result.value);
  return out.success
    ? { ok: true, status: result.status, value: out.data }
    : { ok: false, status: result.status, error: "The server sent lane owners this page cannot read. Reload the page and try again." };
}

export const fetchTeams = async (boardId: string) => parsed(await apiRequest("GET", `${base(boardId)}/teams`));
export const putLaneOwners = async (boardId: string, laneId: string, userIds: string[]) =>
  parsed(await apiRequest("PUT", `${base(boardId)}/lanes/${encodeURIComponent(laneId)}/owners`, { userIds }));
export const putLanePolicy = async (boardId: string, policy: LanePolicy) => parsed(await apiRequest("PUT", `${base(boardId)}/lane-policy`, { policy }));
