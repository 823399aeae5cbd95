import { newBoardId, type BoardId, type UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { createOrigin } from "../../lib/model/origin";
import { ok } from "../../lib/model/result";
import { readSnapshot, type BoardSnapshot } from "../../lib/model/snapshot";
import type { DateString } from "../../lib/model/dates";
import type { AppServices } from "../../lib/protocol/appServices";
import { canEditRoadmap, type Role } from "../../lib/protocol/roles";
import {
  adoptInputSchema,
  MAX_SCENARIOS_PER_PLAN,
  scenarioInputSchema,
  scenarioPatchSchema,
  type ScenarioView,
} from "../../lib/protocol/scenarios";
import { mayEditLane } from "../../lib/protocol/teams";
import { applyAdopt } from "../../lib/scenarios/applyAdopt";
import { planAdopt } from "../../lib/scenarios/adoptPlan";
import { scenarioChanges } from "../../lib/scenarios/scenarioChanges";
import { scenarioFigures } from "../../lib/scenarios/scenarioFigures";
import type { LivePublisher } from "../events/liveEvents";
import { VersionLimits } from "../history/versionLimits";
import { docFromState, unpackState } from "../history/versionState";
import type { ScenarioRecord } from "../storage/scenarioStore";
import type { Storage } from "../storage/storage";
import { boardNotFound, fail } from "./serviceErrors";
import type { WithLiveBoard } from "./versionServices";

export type ScenarioServices = Pick<
  AppServices,
  "listScenarios" | "createScenario" | "updateScenario" | "discardScenario" | "compareScenario" | "adoptScenario"
>;

export interface ScenarioServiceDeps {
  storage: Storage;
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>;
  withLiveBoard: WithLiveBoard;
  readSnapshot: (boardId: BoardId) => Promise<BoardSnapshot>;
  live: LivePublisher;
  /** A discarded scenario's connections close and its room is freed (as for a deleted board). */
  boardDeleted(boardId: BoardId): Promise<void>;
  /** The role on a scenario changed for everyone (archived, adopted, reopened): open connections hear at once. */
  accessChanged(boardId: BoardId): Promise<void>;
  now: () => Date;
}

const FORMER_MEMBER = "Former member";
/** Fork versions kept decoded (each a whole board's snapshot, some megabytes at 10,000 items). */
const BASES_KEPT = 8;

/**
 * Scenarios (docs/teams.md): what-if copies of a plan, each its own board document. Members of
 * the plan read them; editors and owners fork, rename, archive, discard and adopt. Every call
 * names the plan, and a scenario of another plan answers not-found.
 */
export function scenarioServices(deps: ScenarioServiceDeps): ScenarioServices {
  const { storage, roleOf, withLiveBoard, live, now } = deps;
  const limits = new VersionLimits();
  const slowDown = () => fail("too-many", "That was a lot at once: wait a minute and try again.");
  const scenarioNotFound = () => fail("not-found", "That scenario does not exist on this board (it may have been discarded).");
  /** The plan's page and the scenario's own (whose banner shows its state) refetch. */
  const changed = (planId: BoardId, scenarioId?: BoardId) => {
    live.publishToBoard(planId, { type: "scenarios", boardId: planId });
    if (scenarioId) live.publishToBoard(scenarioId, { type: "scenarios", boardId: planId });
  };
  const versionsChanged = (planId: BoardId) => live.publishToBoard(planId, { type: "versions", boardId: planId });

  async function views(records: ScenarioRecord[]): Promise<ScenarioView[]> {
    const ids = [...new Set(records.map((r) => r.createdBy))];
    const users = await Promise.all(ids.map((id) => storage.getUser(id)));
    const names = new Map(ids.map((id, i) => [id, users[i]?.name || FORMER_MEMBER]));
    return records.map((r) => ({
      id: r.id,
      planId: r.planId,
      name: r.name,
      purpose: r.purpose,
      state: r.state,
      baseVersionId: r.baseVersionId,
      createdBy: r.createdBy,
      createdByName: names.get(r.createdBy) ?? FORMER_MEMBER,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }
  const view = async (r: ScenarioRecord) => (await views([r]))[0]!;

  /** The actor's role on the plan, or a refusal: not-found for strangers and for a scenario's id. */
  async function planRole(actor: UserId, planId: BoardId, write: string | null) {
    const role = await roleOf(actor, planId);
    if (!role || (await storage.getScenario(planId))) return boardNotFound();
    if (write !== null && !canEditRoadmap(role)) return fail("forbidden", `Only editors and owners can ${write}.`);
    return ok(role);
  }

  async function scenarioOf(planId: BoardId, scenarioId: BoardId) {
    const scenario = await storage.getScenario(scenarioId);
    return scenario && scenario.planId === planId ? scenario : null;
  }

  /**
   * The plan's version the scenario was forked from, as a snapshot; null when it is gone. A
   * version never changes, and rebuilding one of a 10,000-item board (inflate, decode, read)
   * is most of a compare's time: the last few are kept, the fork's from the moment it is taken.
   */
  const bases = new Map<string, Promise<BoardSnapshot | null>>();
  function keepBase(key: string, base: Promise<BoardSnapshot | null>) {
    bases.delete(key);
    bases.set(key, base);
    if (bases.size > BASES_KEPT) bases.delete(bases.keys().next().value!);
    return base;
  }
  function baseOf(scenario: ScenarioRecord): Promise<BoardSnapshot | null> {
    const key = `${scenario.planId}:${scenario.baseVersionId}`;
    const kept = bases.get(key);
    if (kept) return keepBase(key, kept);
    const read = (async () => {
      const packed = await storage.loadVersionState(scenario.planId, scenario.baseVersionId);
      if (!packed) return null;
      const doc = docFromState(unpackState(packed));
      try {
        return readSnapshot(doc);
      } finally {
        doc.destroy();
      }
    })();
    // A failed or missing read is not kept: the next call asks storage again.
    void read.then((base) => base ?? bases.delete(key), () => bases.delete(key));
    return keepBase(key, read);
  }
  const baseGone = () => fail("conflict", "The plan's version this scenario was forked from is gone: it can no longer be compared or adopted.");

  return {
    async listScenarios(actor, planId) {
      const role = await planRole(actor, planId, null);
      if (!role.ok) return role;
      if (!limits.take(actor, "replay")) return slowDown();
      return ok({ scenarios: await views(await storage.listScenarios(planId)) });
    },

    async createScenario(actor, planId, input) {
      const role = await planRole(actor, planId, "create scenarios");
      if (!role.ok) return role;
      const parsed = scenarioInputSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const full = () => fail("conflict", `A plan keeps at most ${MAX_SCENARIOS_PER_PLAN} scenarios: discard some first.`);
      // Checked before the fork's version is taken too; the store checks again, atomically.
      if ((await storage.listScenarios(planId)).filter((s) => s.state !== "adopted").length >= MAX_SCENARIOS_PER_PLAN) return full();
      if (!limits.take(actor, "copy")) return slowDown();
      // The snapshot is read in the same turn the version's state is encoded: the same board.
      const taken = await withLiveBoard(planId, (board) => ({ version: board.versions.take("scenario", actor), base: readSnapshot(board.doc) }));
      const version = await taken.version;
      if (!version) return boardNotFound();
      const packed = await storage.loadVersionState(planId, version.id);
      const board = await storage.getBoard(planId);
      if (!packed || !board) return boardNotFound();
      const made = await storage.createScenario(
        { id: newBoardId(), planId, name: parsed.data.name, purpose: parsed.data.purpose || null, baseVersionId: version.id, createdBy: actor },
        board.title,
        unpackState(packed),
        MAX_SCENARIOS_PER_PLAN,
      );
      versionsChanged(planId);
      if (made === "full") return full();
      if (made === "no-plan") return boardNotFound();
      keepBase(`${planId}:${version.id}`, Promise.resolve(taken.base));
      changed(planId);
      return ok(await view(made));
    },

    async updateScenario(actor, planId, scenarioId, input) {
      const role = await planRole(actor, planId, "change scenarios");
      if (!role.ok) return role;
      const parsed = scenarioPatchSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const scenario = await scenarioOf(planId, scenarioId);
      if (!scenario) return scenarioNotFound();
      if (!limits.take(actor, "replay")) return slowDown();
      const { name, purpose, state } = parsed.data;
      if (state !== undefined && scenario.state === "adopted") return fail("conflict", "This scenario was adopted: it stays as it is.");
      const updated = await storage.updateScenario(planId, scenarioId, {
        ...(name !== undefined ? { name } : {}),
        ...(purpose !== undefined ? { purpose: purpose || null } : {}),
        ...(state !== undefined ? { state } : {}),
      });
      if (!updated) return scenarioNotFound();
      if (updated.state !== scenario.state) await deps.accessChanged(scenarioId);
      changed(planId, scenarioId);
      return ok(await view(updated));
    },

    async discardScenario(actor, planId, scenarioId) {
      const role = await planRole(actor, planId, "discard scenarios");
      if (!role.ok) return role;
      if (!(await scenarioOf(planId, scenarioId))) return scenarioNotFound();
      if (!limits.take(actor, "replay")) return slowDown();
      if (!(await storage.deleteScenario(planId, scenarioId))) return scenarioNotFound();
      await deps.boardDeleted(scenarioId);
      changed(planId);
      return ok(undefined);
    },

    async compareScenario(actor, planId, scenarioId) {
      const role = await planRole(actor, planId, null);
      if (!role.ok) return role;
      const scenario = await scenarioOf(planId, scenarioId);
      if (!scenario) return scenarioNotFound();
      if (!limits.take(actor, "replay")) return slowDown();
      const base = await baseOf(scenario);
      if (!base) return baseGone();
      const [plan, what] = await Promise.all([deps.readSnapshot(planId), deps.readSnapshot(scenarioId)]);
      const today = now().toISOString().slice(0, 10) as DateString;
      return ok({
        scenario: await view(scenario),
        plan: scenarioFigures(plan, today),
        what: scenarioFigures(what, today),
        changes: scenarioChanges(base, what, plan),
      });
    },

    async adoptScenario(actor, planId, scenarioId, input) {
      const role = await planRole(actor, planId, "adopt scenarios");
      if (!role.ok) return role;
      const parsed = adoptInputSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const { all = false, changeIds, apply = true } = parsed.data;
      if (!all && (changeIds === undefined || changeIds.length === 0))
        return fail("invalid", 'Say what to adopt: { "all": true } or { "changeIds": [...] } from the comparison.');
      const scenario = await scenarioOf(planId, scenarioId);
      if (!scenario) return scenarioNotFound();
      if (scenario.state !== "active") return fail("conflict", `This scenario is ${scenario.state}: reopen it to adopt from it.`);
      if (!limits.take(actor, "save")) return slowDown();
      const base = await baseOf(scenario);
      if (!base) return baseGone();
      const what = await deps.readSnapshot(scenarioId);
      const [owners, policy] = await Promise.all([storage.listLaneOwners(planId), storage.getLanePolicy(planId)]);
      const ownersOf = new Map<string, string[]>();
      for (const row of owners) ownersOf.set(row.laneId, [...(ownersOf.get(row.laneId) ?? []), row.userId]);
      const mayEdit = (laneId: string) => mayEditLane(role.value, actor, ownersOf.get(laneId) ?? [], policy);

      const outcome = await withLiveBoard(planId, async (board) => {
        // Read, planned and (with apply) written in one turn: nothing lands in between.
        const plan = readSnapshot(board.doc);
        const changes = scenarioChanges(base, what, plan);
        const chosen = all ? ("all" as const) : new Set(changeIds);
        const adopt = planAdopt({ base, scenario: what, plan, changes, chosen, mayEditLane: mayEdit });
        if (adopt.taken.length === 0) return { adopt, changes, backup: null };
        // The plan as it was, kept before anything is written: an adoption can be undone by a restore.
        const backup = board.versions.take("scenario", actor);
        if (apply) applyAdopt(board.doc, adopt.writes, createOrigin("server", `scenario:${actor}`));
        return { adopt, changes, backup: await backup };
      });
      const { adopt, changes, backup } = outcome;
      if (adopt.taken.length === 0 && adopt.leftOut.length === 0)
        return fail("conflict", "None of those changes is in the scenario any more: compare again.");
      let after = scenario;
      if (adopt.taken.length > 0 && adopt.taken.length === changes.length) {
        after = (await storage.updateScenario(planId, scenarioId, { state: "adopted" })) ?? scenario;
        await deps.accessChanged(scenarioId);
      }
      if (backup) versionsChanged(planId);
      changed(planId, scenarioId);
      return ok({
        backupVersionId: backup?.id ?? null,
        applied: apply && adopt.taken.length > 0,
        taken: adopt.taken,
        leftOut: adopt.leftOut,
        writes: apply ? null : adopt.writes,
        scenario: await view(after),
      });
    },
  };
}
