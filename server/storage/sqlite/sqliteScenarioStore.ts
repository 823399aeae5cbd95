import type Database from "better-sqlite3";
import type { ScenarioStore } from "../scenarioStore";
import { KEPT_STATES, SCENARIO_COLUMNS, toScenario, newScenarioRow, type ScenarioRow } from "../scenarioRows";
import { boardInserter } from "./sqliteBoardStore";

/** Scenarios in the same SQLite file as the boards (docs/teams.md "Scenarios"). */
export function sqliteScenarioStore(db: Database.Database): ScenarioStore {
  const insertBoardWithState = boardInserter(db);
  const q = {
    plan: db.prepare<[string], { plan_id: string | null }>("SELECT plan_id FROM boards WHERE id = ?"),
    kept: db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM scenarios WHERE plan_id = ? AND state IN ${KEPT_STATES}`),
    setPlan: db.prepare("UPDATE boards SET plan_id = ? WHERE id = ?"),
    insert: db.prepare(
      `INSERT INTO scenarios (${SCENARIO_COLUMNS}) VALUES (@id, @plan_id, @name, @purpose, @state, @base_version_id, @created_by, @created_at, @updated_at)`,
    ),
    list: db.prepare<[string], ScenarioRow>(`SELECT ${SCENARIO_COLUMNS} FROM scenarios WHERE plan_id = ? ORDER BY created_at, id`),
    get: db.prepare<[string], ScenarioRow>(`SELECT ${SCENARIO_COLUMNS} FROM scenarios WHERE id = ?`),
    getOfPlan: db.prepare<[string, string], ScenarioRow>(`SELECT ${SCENARIO_COLUMNS} FROM scenarios WHERE plan_id = ? AND id = ?`),
    update: db.prepare(
      `UPDATE scenarios SET name = @name, purpose = @purpose, state = @state, updated_at = @updated_at WHERE plan_id = @plan_id AND id = @id`,
    ),
    deleteBoard: db.prepare("DELETE FROM boards WHERE id = ? AND plan_id = ?"),
  };

  const createTx = db.transaction((row: ScenarioRow, title: string, state: Uint8Array, maxKept: number) => {
    const plan = q.plan.get(row.plan_id);
    if (!plan || plan.plan_id !== null) return "no-plan" as const;
    if (q.kept.get(row.plan_id)!.n >= maxKept) return "full" as const;
    insertBoardWithState(row.id, title, state, row.created_at);
    q.setPlan.run(row.plan_id, row.id);
    q.insert.run(row);
    return toScenario(row);
  });
  const updateTx = db.transaction((planId: string, id: string, patch: Parameters<ScenarioStore["updateScenario"]>[2], now: string) => {
    const row = q.getOfPlan.get(planId, id);
    if (!row) return null;
    const next: ScenarioRow = {
      ...row,
      name: patch.name ?? row.name,
      purpose: patch.purpose !== undefined ? patch.purpose : row.purpose,
      state: patch.state ?? row.state,
      updated_at: now,
    };
    q.update.run(next);
    return toScenario(next);
  });

  return {
    async createScenario(s, title, initialState, maxKept) {
      const row = newScenarioRow(s, new Date().toISOString());
      return createTx(row, title, initialState, maxKept);
    },
    async listScenarios(planId) {
      return q.list.all(planId).map(toScenario);
    },
    async getScenario(id) {
      const row = q.get.get(id);
      return row ? toScenario(row) : null;
    },
    async updateScenario(planId, id, patch) {
      return updateTx(planId, id, patch, new Date().toISOString());
    },
    async deleteScenario(planId, id) {
      // The scenarios row goes with its board row (ON DELETE CASCADE), the document with it.
      return q.deleteBoard.run(id, planId).changes > 0;
    },
  };
}
