import type { BoardId, UserId } from "../../lib/model/ids";
import { SCENARIO_STATES, type ScenarioState } from "../../lib/protocol/scenarios";
import type { NewScenario, ScenarioRecord } from "./scenarioStore";

/** A scenarios row as both SQL stores read it (same columns in SQLite and PostgreSQL). */
export interface ScenarioRow {
  id: string;
  plan_id: string;
  name: string;
  purpose: string | null;
  state: string;
  base_version_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export const SCENARIO_COLUMNS = "id, plan_id, name, purpose, state, base_version_id, created_by, created_at, updated_at";

/** Only active and archived scenarios count against MAX_SCENARIOS_PER_PLAN: adopted ones are done. */
export const KEPT_STATES = "('active', 'archived')";

export const toScenario = (r: ScenarioRow): ScenarioRecord => ({
  id: r.id as BoardId,
  planId: r.plan_id as BoardId,
  name: r.name,
  purpose: r.purpose,
  // A row a store wrote from a parsed state; anything else reads as archived (read-only), never as active.
  state: (SCENARIO_STATES as readonly string[]).includes(r.state) ? (r.state as ScenarioState) : "archived",
  baseVersionId: r.base_version_id,
  createdBy: r.created_by as UserId,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The row a new scenario starts as, on both backends: active, created and updated now. */
export const newScenarioRow = (s: NewScenario, now: string): ScenarioRow => ({
  id: s.id,
  plan_id: s.planId,
  name: s.name,
  purpose: s.purpose,
  state: "active",
  base_version_id: s.baseVersionId,
  created_by: s.createdBy,
  created_at: now,
  updated_at: now,
});

/**
 * Where roleOf reads a role from, on both backends: the board's own memberships, or its plan's
 * for a scenario (a scenario has none of its own), with the scenario's row when there is one.
 */
export const ROLE_SOURCE = `boards b JOIN memberships m ON m.board_id = COALESCE(b.plan_id, b.id) LEFT JOIN scenarios s ON s.id = b.id`;
/** The role: an archived or adopted scenario is read-only, so its editors and owners comment at most. */
export const SCENARIO_ROLE = `CASE WHEN s.state IS NOT NULL AND s.state <> 'active' AND m.role IN ('owner', 'editor') THEN 'commenter' ELSE m.role END AS role`;
