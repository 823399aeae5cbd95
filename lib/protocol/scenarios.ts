import { z } from "zod";
import type { AdoptWrite, LeftOutReason } from "../scenarios/adoptPlan";

/**
 * Scenarios (docs/teams.md): what-if copies of the plan, each its own board document (a board
 * row with plan_id set) that everyone on the plan edits live with their role on the plan.
 *
 * Routes (members read; editors and owners write; guests nothing):
 *   GET    /api/boards/<planId>/scenarios                     → { scenarios: ScenarioView[] }
 *   POST   /api/boards/<planId>/scenarios                     { name, purpose? } → 201 { scenario }
 *   PATCH  /api/boards/<planId>/scenarios/<scenarioId>        { name?, purpose?, state?: "active"|"archived" } → { scenario }
 *   DELETE /api/boards/<planId>/scenarios/<scenarioId>        (discard) → 204
 *   GET    /api/boards/<planId>/scenarios/<scenarioId>/compare → ScenarioComparison
 *   POST   /api/boards/<planId>/scenarios/<scenarioId>/adopt   { all: true } | { changeIds } , apply? → AdoptOutcome
 * The scenario's document is opened like a board at /boards/<scenarioId> (its sync room is the
 * scenario id); GET /api/boards/<scenarioId> answers with `scenario` set.
 * Live: the `scenarios` event (on the plan's id).
 */

export const SCENARIO_STATES = ["active", "archived", "adopted"] as const;
export type ScenarioState = (typeof SCENARIO_STATES)[number];

export const MAX_SCENARIO_NAME = 120;
export const MAX_SCENARIO_PURPOSE = 2_000;
/** Active and archived scenarios a plan keeps at most (each is a whole document). */
export const MAX_SCENARIOS_PER_PLAN = 50;

export const scenarioInputSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the scenario a name").max(MAX_SCENARIO_NAME),
  purpose: z.string().trim().max(MAX_SCENARIO_PURPOSE).optional(),
});
export const scenarioPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(MAX_SCENARIO_NAME).optional(),
    purpose: z.string().trim().max(MAX_SCENARIO_PURPOSE).optional(),
    state: z.enum(["active", "archived"]).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "Send something to change");
export const adoptInputSchema = z.strictObject({
  all: z.boolean().optional(),
  /** Change ids from the comparison (ScenarioChange.id). */
  changeIds: z.array(z.string().max(200)).max(20_000).optional(),
  /** false: take the plan's automatic version and hand back what to apply, for the adopter's client to write as its own change (one undo step). */
  apply: z.boolean().optional(),
});

export interface ScenarioView {
  id: string;
  planId: string;
  name: string;
  purpose: string | null;
  state: ScenarioState;
  /** The plan's version the scenario was forked from. */
  baseVersionId: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

/** One change of the scenario since the fork, as the adopt list shows it. */
export interface ScenarioChange {
  /** Stable within one comparison: `<kind>:<recordId>`. */
  id: string;
  kind: "item" | "milestone" | "lane" | "phase" | "dependency" | "board";
  recordId: string;
  laneId: string | null;
  what: "added" | "removed" | "changed";
  /** The fields the scenario changed since the fork (for "changed"). */
  fields: string[];
  /** Fields the plan changed too since the fork (adopting writes the scenario's value over them). */
  planAlsoChanged: string[];
  title: string;
}

export interface ScenarioFigures {
  boardFinish: string | null;
  /** Each release milestone: its date, and when the phases ending in it finish (`ready`, null without any). */
  releases: { milestoneId: string; title: string; date: string | null; ready: string | null }[];
  /** The titles of the items on the critical path to the board's end, in order. */
  criticalPath: string[];
  conflictCount: number;
  laneLoad: { laneId: string; name: string; load: number }[];
}

export interface ScenarioComparison {
  scenario: ScenarioView;
  plan: ScenarioFigures;
  what: ScenarioFigures;
  changes: ScenarioChange[];
}

/** What an adoption did (or, with apply: false, what the adopter's client is to write). */
export interface AdoptOutcome {
  /** The plan's automatic version (reason "scenario") taken before anything was written. */
  backupVersionId: string | null;
  applied: boolean;
  /** Change ids adopted. */
  taken: string[];
  /** Chosen changes left out: lanes the adopter may not edit ("needs the lane's owners"), or a dependency whose items the plan would not have. */
  leftOut: { id: string; reason: LeftOutReason; laneIds: string[] }[];
  /** apply: false: what to write, with lib/scenarios/applyAdopt, as the adopter's own change (one undo step). */
  writes: AdoptWrite[] | null;
  /** The scenario after: `adopted` once every one of its changes was taken. */
  scenario: ScenarioView;
}
