import type { BoardId, UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { ok } from "../../lib/model/result";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { AppServices } from "../../lib/protocol/appServices";
import { canEditRoadmap, type Role } from "../../lib/protocol/roles";
import { laneIdParamSchema, laneOwnersInputSchema, lanePolicyInputSchema, type TeamsView } from "../../lib/protocol/teams";
import type { LivePublisher } from "../events/liveEvents";
import { VersionLimits } from "../history/versionLimits";
import type { Storage } from "../storage/storage";
import { ownerCheck } from "./memberServices";
import { boardNotFound, fail } from "./serviceErrors";

export type TeamServices = Pick<AppServices, "getTeams" | "setLaneOwners" | "setLanePolicy">;

/** The lane owners a board has now: only lanes still on the board, only people who may still edit it. */
export async function currentLaneOwners(storage: Storage, boardId: BoardId, snapshot: BoardSnapshot): Promise<Map<string, UserId[]>> {
  const [rows, members] = await Promise.all([storage.listLaneOwners(boardId), storage.listMembers(boardId)]);
  const editors = new Set(members.filter((m) => canEditRoadmap(m.role)).map((m) => m.userId as string));
  const lanes = new Set(snapshot.lanes.map((l) => l.id as string));
  const owners = new Map<string, UserId[]>();
  for (const row of rows) {
    if (!lanes.has(row.laneId) || !editors.has(row.userId)) continue;
    const list = owners.get(row.laneId) ?? [];
    list.push(row.userId);
    owners.set(row.laneId, list);
  }
  return owners;
}

/**
 * Lane owners and the lane policy (docs/teams.md). Every member reads them (the UI shows who
 * owns a lane and turns editing into proposing); only board owners change them. A change is
 * announced to open pages (`teams` event) and to the sync rooms, which enforce it on the socket.
 */
export function teamServices(deps: {
  storage: Storage;
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>;
  readSnapshot: (boardId: BoardId) => Promise<BoardSnapshot>;
  live: LivePublisher;
  /** Tells the sync rooms (this instance's and, through the bus, the others') to re-read the rules. */
  teamsChanged: (boardId: BoardId) => void;
  limits?: VersionLimits;
}): TeamServices {
  const { storage, readSnapshot } = deps;
  const limits = deps.limits ?? new VersionLimits();
  const requireOwner = ownerCheck(deps.roleOf);

  async function view(boardId: BoardId, snapshot?: BoardSnapshot): Promise<TeamsView> {
    const [policy, owners, members] = await Promise.all([
      storage.getLanePolicy(boardId),
      currentLaneOwners(storage, boardId, snapshot ?? (await readSnapshot(boardId))),
      storage.listMembers(boardId),
    ]);
    const names = new Map(members.map((m) => [m.userId as string, m.name || m.email]));
    const laneOwners: TeamsView["laneOwners"] = {};
    for (const [laneId, ids] of owners) laneOwners[laneId] = ids.map((id) => ({ id, name: names.get(id) ?? "Former member" }));
    return { policy, laneOwners };
  }

  function announce(boardId: BoardId): void {
    deps.live.publishToBoard(boardId, { type: "teams", boardId });
    deps.teamsChanged(boardId);
  }

  /** A scenario's lanes are its plan's: so are their owners and the policy (docs/teams.md "Scenarios"). */
  const planOf = async (boardId: BoardId) => (await storage.getScenario(boardId))?.planId ?? null;
  const onPlan = () => fail("invalid", "Lane owners and the lane policy are the plan's: change them on the plan.");

  return {
    async getTeams(actor, boardId) {
      if (!(await deps.roleOf(actor, boardId))) return boardNotFound();
      const planId = await planOf(boardId);
      return ok(await view(planId ?? boardId));
    },

    async setLaneOwners(actor, boardId, laneIdInput, input) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      if (await planOf(boardId)) return onPlan();
      const laneId = laneIdParamSchema.safeParse(laneIdInput);
      if (!laneId.success) return fail("not-found", "That lane is not on the board.");
      const parsed = laneOwnersInputSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      if (!limits.take(actor, "teams")) return fail("too-many", "That was a lot of changes at once: wait a moment.");
      const snapshot = await readSnapshot(boardId);
      if (!snapshot.lanes.some((l) => l.id === laneId.data)) return fail("not-found", "That lane is not on the board.");
      const members = new Map((await storage.listMembers(boardId)).map((m) => [m.userId as string, m]));
      for (const id of parsed.data.userIds) {
        const member = members.get(id);
        if (!member) return fail("invalid", "Lane owners must be members of the board.");
        if (!canEditRoadmap(member.role)) return fail("invalid", `${member.name || member.email} cannot edit the board: make them an editor first.`);
      }
      await storage.setLaneOwners(boardId, laneId.data, [...new Set(parsed.data.userIds)]);
      announce(boardId);
      return ok(await view(boardId, snapshot));
    },

    async setLanePolicy(actor, boardId, input) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      if (await planOf(boardId)) return onPlan();
      const parsed = lanePolicyInputSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      if (!limits.take(actor, "teams")) return fail("too-many", "That was a lot of changes at once: wait a moment.");
      await storage.setLanePolicy(boardId, parsed.data.policy);
      announce(boardId);
      return ok(await view(boardId));
    },
  };
}
