import type * as Y from "yjs";
import type { DateString } from "./dates";
import { updateBoard } from "./boardCommands";
import type { LaneId, PhaseId } from "./ids";
import { addLane } from "./laneCommands";
import type { CommandOrigin } from "./origin";
import { addPhase } from "./phaseCommands";
import { assert } from "./result";
import { transact } from "./transact";

/** The lanes of the service-roadmap method: design and build, but also telling and selling. */
export const TEMPLATE_LANES = [
  { name: "Service design", color: "#8b5cf6" },
  { name: "Development", color: "#3b82f6" },
  { name: "Testing", color: "#f59e0b" },
  { name: "Communication", color: "#ec4899" },
  { name: "Go-to-market", color: "#10b981" },
  { name: "Operations", color: "#64748b" },
] as const;

/** From the minimum set of features to the full experience. */
export const TEMPLATE_PHASES = ["MVP", "Pilot", "Beta", "Roll-out", "Enhancements"] as const;

export interface TemplateInput {
  title: string;
  horizonStart: DateString;
  horizonEnd: DateString;
}

export interface TemplateIds {
  lanes: Record<(typeof TEMPLATE_LANES)[number]["name"], LaneId>;
  phases: Record<(typeof TEMPLATE_PHASES)[number], PhaseId>;
}

/** Fills an empty document with a new board from the service-roadmap template, in one transaction. */
export function initBoardFromTemplate(doc: Y.Doc, origin: CommandOrigin, input: TemplateInput): TemplateIds {
  return transact(doc, origin, () => {
    const settings = updateBoard(doc, origin, {
      title: input.title,
      goal: "",
      horizonStart: input.horizonStart,
      horizonEnd: input.horizonEnd,
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
      timeScale: "months",
    });
    assert(settings.ok, `template settings rejected: ${settings.ok ? "" : settings.error}`);
    const lanes = {} as TemplateIds["lanes"];
    for (const lane of TEMPLATE_LANES) {
      const added = addLane(doc, origin, { name: lane.name, color: lane.color, capacity: 3 });
      assert(added.ok, "template lane rejected");
      lanes[lane.name] = added.value;
    }
    const phases = {} as TemplateIds["phases"];
    for (const name of TEMPLATE_PHASES) {
      const added = addPhase(doc, origin, { name });
      assert(added.ok, "template phase rejected");
      phases[name] = added.value;
    }
    return { lanes, phases };
  });
}
