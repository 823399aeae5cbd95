import type * as Y from "yjs";
import { updateBoard } from "../boardCommands";
import { addCalendarDays, type DateString } from "../dates";
import { addDependency } from "../dependencyCommands";
import type { ItemId, LaneId, MilestoneId, PhaseId } from "../ids";
import { createItem } from "../itemCommands";
import { addLane } from "../laneCommands";
import { addMilestone } from "../milestoneCommands";
import type { CommandOrigin } from "../origin";
import { addPhase, updatePhase } from "../phaseCommands";
import { assert } from "../result";
import type { MilestoneKind } from "../schemas";
import { transact } from "../transact";

/**
 * A roadmap template as data: what a team starts from. Every date is in calendar days from the
 * Monday of the week the board is created, so a template never goes stale. Items with a pin
 * start there; the others follow their predecessors (docs/scheduling.md), so a template shows
 * the method's chains, not a fixed picture.
 */
export interface TemplateSpec {
  /** Stable, used in POST /api/boards `{ template }`. */
  id: string;
  name: string;
  /** One or two sentences for the gallery. */
  summary: string;
  /** Calendar days the horizon spans from the Monday. */
  weeks: number;
  goal: string;
  lanes: { name: string; color: string; capacity?: number }[];
  phases: string[];
  /** [key, title, day, kind, phase whose release it is (or null)] */
  milestones: [string, string, number, MilestoneKind, string | null][];
  /** [key, title, lane, phase, pin (day or null), duration in working days, owners, deadline milestone key or null] */
  items: [string, string, string, string, number | null, number, string[], string | null][];
  /** [predecessor key, successor key, lag in working days] */
  links: [string, string, number][];
}

/** Fills an empty document from a template, in one transaction (one undo step, one first state). */
export function buildTemplate(doc: Y.Doc, origin: CommandOrigin, spec: TemplateSpec, input: { title: string; monday: DateString }): void {
  const at = (days: number) => addCalendarDays(input.monday, days);
  transact(doc, origin, () => {
    const settings = updateBoard(doc, origin, {
      title: input.title,
      goal: spec.goal,
      horizonStart: input.monday,
      horizonEnd: at(spec.weeks * 7 - 3),
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
      timeScale: "months",
    });
    assert(settings.ok, `template ${spec.id}: settings rejected`);
    const lanes = new Map<string, LaneId>();
    for (const lane of spec.lanes) {
      const added = addLane(doc, origin, { name: lane.name, color: lane.color, capacity: lane.capacity ?? 3 });
      assert(added.ok, `template ${spec.id}: lane ${lane.name} rejected`);
      lanes.set(lane.name, added.value);
    }
    const phases = new Map<string, PhaseId>();
    for (const name of spec.phases) {
      const added = addPhase(doc, origin, { name });
      assert(added.ok, `template ${spec.id}: phase ${name} rejected`);
      phases.set(name, added.value);
    }
    const milestones = new Map<string, MilestoneId>();
    for (const [key, title, day, kind, phase] of spec.milestones) {
      const added = addMilestone(doc, origin, { title, date: at(day), kind });
      assert(added.ok, `template ${spec.id}: milestone ${title} rejected`);
      milestones.set(key, added.value);
      if (phase) updatePhase(doc, origin, phases.get(phase)!, { milestoneId: added.value });
    }
    const items = new Map<string, ItemId>();
    for (const [key, title, lane, phase, pin, duration, owners, deadline] of spec.items) {
      const laneId = lanes.get(lane);
      const phaseId = phases.get(phase);
      assert(laneId !== undefined && phaseId !== undefined, `template ${spec.id}: item ${key} names an unknown lane or phase`);
      const created = createItem(doc, origin, {
        title,
        laneId,
        phaseId,
        start: pin === null ? null : at(pin),
        duration,
        owners,
        effort: duration,
        priority: phase === spec.phases[0] ? "must" : phase === spec.phases[spec.phases.length - 1] ? "could" : "should",
        status: "planned",
        deadlineMilestoneId: deadline === null ? null : milestones.get(deadline)!,
      });
      assert(created.ok, `template ${spec.id}: item ${key} rejected: ${created.ok ? "" : created.error}`);
      items.set(key, created.value);
    }
    for (const [from, to, lag] of spec.links) {
      const fromId = items.get(from);
      const toId = items.get(to);
      assert(fromId !== undefined && toId !== undefined, `template ${spec.id}: link ${from} → ${to} names an unknown item`);
      const linked = addDependency(doc, origin, { fromId, toId, lag });
      assert(linked.ok, `template ${spec.id}: link ${from} → ${to} rejected`);
    }
  });
}
