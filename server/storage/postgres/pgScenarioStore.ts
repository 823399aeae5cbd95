import type { Pool } from "pg";
import type { ScenarioStore } from "../scenarioStore";
import { KEPT_STATES, SCENARIO_COLUMNS, toScenario, newScenarioRow, type ScenarioRow } from "../scenarioRows";
import { insertBoardWithState } from "./pgBoardStore";
import { inTransaction } from "./transaction";

/** Scenarios in the same PostgreSQL database as the boards (docs/teams.md "Scenarios"). */
export function pgScenarioStore(pool: Pool): ScenarioStore {
  return {
    async createScenario(s, title, initialState, maxKept) {
      const row = newScenarioRow(s, new Date().toISOString());
      return inTransaction(pool, async (client) => {
        // The plan's row locked: two concurrent forks cannot both take the last free place.
        const plan = await client.query<{ plan_id: string | null }>("SELECT plan_id FROM boards WHERE id = $1 FOR UPDATE", [s.planId]);
        if (!plan.rows[0] || plan.rows[0].plan_id !== null) return "no-plan" as const;
        const kept = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM scenarios WHERE plan_id = $1 AND state IN ${KEPT_STATES}`, [
          s.planId,
        ]);
        if (Number(kept.rows[0]!.n) >= maxKept) return "full" as const;
        await insertBoardWithState(client, row.id, title, initialState, row.created_at);
        await client.query("UPDATE boards SET plan_id = $1 WHERE id = $2", [row.plan_id, row.id]);
        await client.query(`INSERT INTO scenarios (${SCENARIO_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
          row.id,
          row.plan_id,
          row.name,
          row.purpose,
          row.state,
          row.base_version_id,
          row.created_by,
          row.created_at,
          row.updated_at,
        ]);
        return toScenario(row);
      });
    },
    async listScenarios(planId) {
      const { rows } = await pool.query<ScenarioRow>(`SELECT ${SCENARIO_COLUMNS} FROM scenarios WHERE plan_id = $1 ORDER BY created_at, id`, [planId]);
      return rows.map(toScenario);
    },
    async getScenario(id) {
      const { rows } = await pool.query<ScenarioRow>(`SELECT ${SCENARIO_COLUMNS} FROM scenarios WHERE id = $1`, [id]);
      return rows[0] ? toScenario(rows[0]) : null;
    },
    async updateScenario(planId, id, patch) {
      const { rows } = await pool.query<ScenarioRow>(
        `UPDATE scenarios SET
           name = COALESCE($3, name),
           purpose = CASE WHEN $4::boolean THEN $5 ELSE purpose END,
           state = COALESCE($6, state),
           updated_at = $7
         WHERE plan_id = $1 AND id = $2
         RETURNING ${SCENARIO_COLUMNS}`,
        [planId, id, patch.name ?? null, patch.purpose !== undefined, patch.purpose ?? null, patch.state ?? null, new Date().toISOString()],
      );
      return rows[0] ? toScenario(rows[0]) : null;
    },
    async deleteScenario(planId, id) {
      // The scenarios row goes with its board row (ON DELETE CASCADE), the document with it.
      const { rowCount } = await pool.query("DELETE FROM boards WHERE id = $1 AND plan_id = $2", [id, planId]);
      return (rowCount ?? 0) > 0;
    },
  };
}
