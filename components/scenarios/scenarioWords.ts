import type { ScenarioChange } from "../../lib/protocol/scenarios";

/** Stored field names as people say them (lib/model/schemas.ts). */
const FIELD_WORDS: Record<string, string> = {
  laneId: "lane",
  phaseId: "phase",
  deadlineMilestoneId: "deadline",
  milestoneId: "release",
  order: "order",
  fromId: "predecessor",
  toId: "successor",
  horizonStart: "horizon start",
  horizonEnd: "horizon end",
  workingDays: "working days",
  timeScale: "time scale",
};

export const fieldWords = (fields: readonly string[]) => fields.map((f) => FIELD_WORDS[f] ?? f).join(", ");

const KIND_WORDS: Record<ScenarioChange["kind"], string> = {
  item: "Item",
  milestone: "Milestone",
  lane: "Lane",
  phase: "Phase",
  dependency: "Dependency",
  board: "Board",
};

/** "Item changed: start, duration", "Milestone added". */
export function changeLine(change: ScenarioChange): string {
  const kind = KIND_WORDS[change.kind];
  if (change.what === "changed") return `${kind} changed: ${fieldWords(change.fields)}`;
  return `${kind} ${change.what}`;
}

/** The plan changed the same thing since the fork: what adopting writes over. */
export function planAlsoLine(change: ScenarioChange): string | null {
  if (change.planAlsoChanged.length === 0) return null;
  if (change.planAlsoChanged.includes("removed") && change.what === "changed") return "The plan removed this since: adopting brings it back";
  return `The plan changed this too: ${fieldWords(change.planAlsoChanged)}`;
}
