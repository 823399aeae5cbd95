import { z } from "zod";
import { laneIdSchema, userIdSchema } from "../model/ids";
import type { Role } from "./roles";

/**
 * Lane owners and the board's lane policy (docs/teams.md). Ownership is access control, so it
 * is stored by the server, never in the shared document. The sync server, every route and the
 * UI decide with the functions below.
 *
 * Routes (board owners write, every member reads; share-link guests read nothing here):
 *   GET  /api/boards/<id>/teams                      → TeamsView
 *   PUT  /api/boards/<id>/lanes/<laneId>/owners      { userIds } → TeamsView
 *   PUT  /api/boards/<id>/lane-policy                { policy }  → TeamsView
 * Live: the `teams` event (lib/protocol/events.ts) tells open pages to refetch.
 */

export const LANE_POLICIES = ["open", "propose"] as const;
export const lanePolicySchema = z.enum(LANE_POLICIES);
/** open: any editor edits any lane (as before owners existed); propose: editors propose on lanes owned by others. */
export type LanePolicy = z.infer<typeof lanePolicySchema>;

/** A team is small; a lane with more owners than this is a board, not a team. */
export const MAX_LANE_OWNERS = 20;

export const laneOwnersInputSchema = z.strictObject({
  userIds: z.array(userIdSchema).max(MAX_LANE_OWNERS, `A lane has at most ${MAX_LANE_OWNERS} owners`),
});
export const lanePolicyInputSchema = z.strictObject({ policy: lanePolicySchema });
export const laneIdParamSchema = laneIdSchema;

export interface LaneOwnerView {
  id: string;
  name: string;
}

export interface TeamsView {
  policy: LanePolicy;
  /** Lane id → its owners, for lanes that have any. */
  laneOwners: Record<string, LaneOwnerView[]>;
}

/** The owner ids of a lane, or none. */
export type LaneOwnerIds = readonly string[];

/**
 * May this person change the items of this lane directly (document edits)? Board owners always;
 * editors when the policy is open, when the lane has no owners, or when they are among them.
 */
export function mayEditLane(role: Role | null, userId: string, owners: LaneOwnerIds, policy: LanePolicy): boolean {
  if (role === "owner") return true;
  if (role !== "editor") return false;
  return policy === "open" || owners.length === 0 || owners.includes(userId);
}

/**
 * May this person answer a proposal or a dependency request on this lane (accept, decline,
 * counter, commit)? Board owners; the lane's owners while they are editors; any editor when the
 * lane has no owners.
 */
export function mayAnswerForLane(role: Role | null, userId: string, owners: LaneOwnerIds): boolean {
  if (role === "owner") return true;
  if (role !== "editor") return false;
  return owners.length === 0 || owners.includes(userId);
}

/** Who hears of a proposal or request on a lane: its owners, or the board's owners when it has none. */
export function laneAudience(owners: LaneOwnerIds, boardOwners: readonly string[]): string[] {
  return owners.length > 0 ? [...owners] : [...boardOwners];
}

/** The close code and reason prefix the sync server uses when it refuses an edit to a lane the editor may not edit. */
export const LANE_REFUSED_CLOSE = 4403;
export const LANE_REFUSED_PREFIX = "lane owned by others";
