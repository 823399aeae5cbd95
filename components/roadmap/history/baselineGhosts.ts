import type { ItemSlip, MilestoneSlip } from "../../../lib/history/baselineSlips";
import { parseDay } from "../../../lib/derive/dayStrings";
import { countOf } from "../../../lib/format/plural";
import { BAR_HEIGHT, dayToX, type BarBox, type TimelineGeometry } from "../timeline/geometry";

/**
 * Where the baseline is drawn on the timeline: plain functions of the geometry and the slips,
 * so the rules are tested without a browser. A ghost sits in its item's row, a few pixels
 * lower than the bar and behind it, so it shows below the bar where the two overlap and on
 * its own where the plan moved.
 */

/** How far below its bar a ghost starts (it ends GHOST_PEEK px below the bar's bottom). */
export const GHOST_DROP = 7;
export const GHOST_HEIGHT = BAR_HEIGHT - 2;

export type SlipTone = "critical" | "late" | "early";

export interface GhostBar {
  itemId: string;
  left: number;
  top: number;
  width: number;
  /** The baseline dates, for the tooltip. */
  start: string;
  finish: string;
}

export interface GhostMilestone {
  id: string;
  title: string;
  /** The baseline date's x, and the current one's. */
  x: number;
  currentX: number | null;
  /** The milestone's row in the header (same as its current mark). */
  row: number;
  baseline: string;
  label: string | null;
  tone: SlipTone | null;
}

/** "+3 wd", "−2 wd"; null when nothing moved or there is nothing to compare. */
export function slipLabel(variance: number | null): string | null {
  if (variance === null || variance === 0) return null;
  return `${variance > 0 ? "+" : "\u2212"}${Math.abs(variance)} wd`;
}

/** The slip in words, for a bar's label and tooltip: "3 working days later than the baseline, past an agreed date". */
export function slipWords(variance: number | null, critical: boolean): string | null {
  if (variance === null || variance === 0) return null;
  const days = countOf(Math.abs(variance), "working day");
  return `${days} ${variance > 0 ? "later" : "earlier"} than the baseline${critical ? ", past a date agreed in it" : ""}`;
}

export function slipTone(variance: number | null, critical: boolean): SlipTone | null {
  if (variance === null || variance === 0) return null;
  return critical ? "critical" : variance > 0 ? "late" : "early";
}

/** The ghost of each drawn bar that has a baseline span (items new since the baseline have none). */
export function ghostBars(geometry: Pick<TimelineGeometry, "axis" | "pxPerDay">, boxes: ReadonlyMap<string, BarBox>, slips: ReadonlyMap<string, ItemSlip>): GhostBar[] {
  const out: GhostBar[] = [];
  for (const [itemId, box] of boxes) {
    const span = slips.get(itemId)?.baseline;
    if (!span) continue;
    const from = parseDay(span.start);
    const to = parseDay(span.finish);
    const left = dayToX(geometry, from);
    out.push({ itemId, left, top: box.top + GHOST_DROP, width: Math.max((to - from + 1) * geometry.pxPerDay, 4), start: span.start, finish: span.finish });
  }
  return out;
}

/** A baseline mark for each milestone on the header whose baseline date differs from its date now. */
export function ghostMilestones(geometry: Pick<TimelineGeometry, "axis" | "pxPerDay" | "milestones">, slips: ReadonlyMap<string, MilestoneSlip>): GhostMilestone[] {
  const out: GhostMilestone[] = [];
  for (const m of geometry.milestones) {
    const slip = slips.get(m.id);
    if (!slip || slip.baseline === null || slip.baseline === slip.current) continue;
    out.push({
      id: m.id,
      title: m.title,
      x: dayToX(geometry, parseDay(slip.baseline)) + geometry.pxPerDay / 2,
      currentX: m.x,
      row: m.row,
      baseline: slip.baseline,
      label: slipLabel(slip.variance),
      tone: slipTone(slip.variance, slip.critical),
    });
  }
  return out;
}

/** True when a ghost reaches into the part of the canvas drawn (useCanvasWindow). */
export function ghostInWindow(view: { left: number; right: number; top: number; bottom: number }, g: GhostBar): boolean {
  return g.left + g.width >= view.left && g.left <= view.right && g.top + GHOST_HEIGHT >= view.top && g.top <= view.bottom;
}
