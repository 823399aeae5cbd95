import type { AgendaStepInput } from "../../lib/protocol/workshops";
import { MAX_AGENDA_STEPS, MAX_STEP_MINUTES } from "../../lib/protocol/workshops";

/**
 * The agenda a new workshop starts with: the MVP cut of the service-roadmap method (find the
 * minimum set of features for the first release). Short timeboxes; the facilitator edits it.
 */
export const MVP_CUT_AGENDA: readonly AgendaStepInput[] = [
  { title: "Goal and ground rules", minutes: 5, kind: "discuss" },
  { title: "Draft missing items, silently", minutes: 10, kind: "draft" },
  { title: "Walk through the drafts", minutes: 10, kind: "discuss" },
  { title: "Dot vote: what makes the MVP", minutes: 5, kind: "vote" },
  { title: "Agree the cut", minutes: 15, kind: "discuss" },
  { title: "Wrap up and owners", minutes: 5, kind: "discuss" },
];

/** The agenda's total time, for "6 steps · 50 min". */
export const agendaMinutes = (steps: readonly { minutes: number }[]) => steps.reduce((sum, step) => sum + (Number.isFinite(step.minutes) ? step.minutes : 0), 0);

/** Editing operations of the agenda editor, pure so the rules (bounds, at least one step) are tested. */
export const agendaEdits = {
  add: (steps: readonly AgendaStepInput[]): AgendaStepInput[] =>
    steps.length >= MAX_AGENDA_STEPS ? [...steps] : [...steps, { title: "", minutes: 10, kind: "discuss" }],
  remove: (steps: readonly AgendaStepInput[], index: number): AgendaStepInput[] => (steps.length <= 1 ? [...steps] : steps.filter((_, i) => i !== index)),
  move: (steps: readonly AgendaStepInput[], index: number, by: -1 | 1): AgendaStepInput[] => {
    const to = index + by;
    if (to < 0 || to >= steps.length || index < 0 || index >= steps.length) return [...steps];
    const next = [...steps];
    [next[index], next[to]] = [next[to]!, next[index]!];
    return next;
  },
  update: (steps: readonly AgendaStepInput[], index: number, patch: Partial<AgendaStepInput>): AgendaStepInput[] =>
    steps.map((step, i) => (i === index ? { ...step, ...patch } : step)),
};

/** Minutes as typed into the step's field: a whole number within the server's bounds, or null. */
export function parseMinutes(raw: string): number | null {
  if (!/^\s*\d{1,4}\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_STEP_MINUTES ? n : null;
}
