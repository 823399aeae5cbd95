import type { BoardId, UserId } from "../../lib/model/ids";
import type { ScenarioState } from "../../lib/protocol/scenarios";

/** A scenario as storage holds it (docs/teams.md "Scenarios"); its document is the board `id`'s. */
export interface ScenarioRecord {
  id: BoardId;
  planId: BoardId;
  name: string;
  purpose: string | null;
  state: ScenarioState;
  /** The plan's version (reason "scenario") the scenario's document was forked from. */
  baseVersionId: string;
  createdBy: UserId;
  createdAt: string;
  updatedAt: string;
}

export type NewScenario = Omit<ScenarioRecord, "state" | "createdAt" | "updatedAt">;

/** Why a scenario was not created. */
export type ScenarioRefusal = "no-plan" | "full";

/**
 * What-if scenarios of a plan. A scenario is a board row with `plan_id` set (its document is
 * stored like any board's) plus its row in `scenarios`. It has no members: `roleOf` answers the
 * plan's role for it (AccountStore), it never appears in board lists and the plan's share links
 * do not open it.
 */
export interface ScenarioStore {
  /**
   * Creates the scenario's board row (plan_id set), its first document state and its scenarios
   * row in ONE transaction. Refused: "no-plan" when the plan is gone or is itself a scenario;
   * "full" when the plan already keeps `maxKept` active and archived scenarios.
   */
  createScenario(scenario: NewScenario, title: string, initialState: Uint8Array, maxKept: number): Promise<ScenarioRecord | ScenarioRefusal>;
  /** The plan's scenarios, oldest first (every state). */
  listScenarios(planId: BoardId): Promise<ScenarioRecord[]>;
  /** The scenario whose document is the board `id`, or null (a plan, or nothing). */
  getScenario(id: BoardId): Promise<ScenarioRecord | null>;
  /** Null when the plan has no such scenario. */
  updateScenario(
    planId: BoardId,
    id: BoardId,
    patch: { name?: string; purpose?: string | null; state?: ScenarioState },
  ): Promise<ScenarioRecord | null>;
  /** Deletes the scenario and its document (the board row); false when the plan has no such scenario. */
  deleteScenario(planId: BoardId, id: BoardId): Promise<boolean>;
}
