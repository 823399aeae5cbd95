import type { BoardLayout } from "../../../lib/derive/boardLayout";
import { toDayNumber } from "../../../lib/model/dates";
import type { BoardSnapshot } from "../../../lib/model/snapshot";

/** One stop of a presentation: a span of days the timeline is fitted to. */
export interface PresentationStep {
  label: string;
  /** First and last day shown (day numbers, inclusive). */
  from: number;
  to: number;
}

/**
 * The overview (the whole plan: the horizon, widened to any bar or milestone outside it), then
 * each phase that has scheduled work, in the board's phase order, fitted to its span with a
 * little room either side so its first and last bars are not on the window's edge.
 */
export function presentationSteps(snapshot: BoardSnapshot, layout: BoardLayout): PresentationStep[] {
  let from = toDayNumber(snapshot.board.horizonStart);
  let to = toDayNumber(snapshot.board.horizonEnd);
  for (const span of layout.spans.values()) {
    from = Math.min(from, span.startDay);
    to = Math.max(to, span.finishDay);
  }
  for (const m of snapshot.milestones) {
    const day = toDayNumber(m.date);
    from = Math.min(from, day);
    to = Math.max(to, day);
  }
  if (to < from) to = from;
  const steps: PresentationStep[] = [{ label: "Overview", from, to }];
  const spanOf = new Map(layout.phaseSpans.map((s) => [s.phaseId as string, s]));
  for (const phase of [...snapshot.phases].sort((a, b) => a.order - b.order)) {
    const span = spanOf.get(phase.id);
    if (!span) continue;
    const start = toDayNumber(span.start);
    const finish = toDayNumber(span.finish);
    const pad = Math.max(2, Math.round((finish - start + 1) * 0.05));
    steps.push({ label: phase.name || "Untitled phase", from: start - pad, to: finish + pad });
  }
  return steps;
}

/** Where a day falls across the window, 0 to 1 (outside it: below 0 or above 1). */
export const fraction = (step: PresentationStep, day: number) => (day - step.from) / (step.to - step.from + 1);
