import type { AdoptOutcome, ScenarioComparison, ScenarioView } from "../../lib/protocol/scenarios";
import { apiRequest } from "../ui/apiRequest";

/**
 * The scenario routes (README, "Scenarios"; lib/protocol/scenarios.ts). Every call names the
 * plan; the answers are the server's own types, every failure one sentence (apiRequest).
 */
const base = (planId: string) => `/api/boards/${encodeURIComponent(planId)}/scenarios`;
const one = (planId: string, scenarioId: string) => `${base(planId)}/${encodeURIComponent(scenarioId)}`;

export const scenariosClient = {
  list: (planId: string) => apiRequest<{ scenarios: ScenarioView[] }>("GET", base(planId)),
  create: (planId: string, input: { name: string; purpose?: string }) => apiRequest<{ scenario: ScenarioView }>("POST", base(planId), input),
  update: (planId: string, scenarioId: string, input: { name?: string; purpose?: string; state?: "active" | "archived" }) =>
    apiRequest<{ scenario: ScenarioView }>("PATCH", one(planId, scenarioId), input),
  discard: (planId: string, scenarioId: string) => apiRequest<void>("DELETE", one(planId, scenarioId)),
  compare: (planId: string, scenarioId: string) => apiRequest<ScenarioComparison>("GET", `${one(planId, scenarioId)}/compare`),
  /** Takes the plan's automatic version and hands back what to write (apply: false), for this person's own change. */
  adopt: (planId: string, scenarioId: string, changeIds: string[]) =>
    apiRequest<AdoptOutcome>("POST", `${one(planId, scenarioId)}/adopt`, { changeIds, apply: false }),
};

/** Where a scenario's page is, and where the plan's page opens its comparison. */
export const boardPath = (boardId: string) => `/boards/${encodeURIComponent(boardId)}`;
export const comparePath = (planId: string, scenarioId: string) => `${boardPath(planId)}?compare=${encodeURIComponent(scenarioId)}`;
