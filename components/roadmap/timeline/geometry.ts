import { NO_LANE, type BoardLayout } from "../../../lib/derive/boardLayout";
import { packRows, repackRows, type PlacedBar } from "../../../lib/derive/laneRows";
import { timeAxis, type TimeAxis } from "../../../lib/derive/timeAxis";
import { toDayNumber } from "../../../lib/model/dates";
import type { MilestoneKind, TimeScale } from "../../../lib/model/schemas";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { mergeSpans } from "./mergeSpans";

/**
 * Pixels: where each lane, row, day, phase and milestone label sits on screen. Computed once
 * per snapshot and zoom; everything that draws reads this instead of redoing the arithmetic.
 */
export const PX_PER_DAY: Record<TimeScale, number> = { weeks: 24, months: 7, quarters: 2.5 };
/** The sticky lane-name column; on a phone it shrinks to the names alone (useLaneColumn). */
export const LANE_HEADER_WIDTH = 216;
export const PHONE_LANE_HEADER_WIDTH = 128;
export const ROW_HEIGHT = 36;
export const BAR_HEIGHT = 28;
export const LANE_PADDING = 8;
export const AXIS_TIER_HEIGHT = 24;
export const PHASE_ROW_HEIGHT = 22;
export const MILESTONE_ROW_HEIGHT = 20;
/** A collapsed lane: one thin row that summarises when the lane has work. */
export const COLLAPSED_LANE_HEIGHT = 30;
const HEADER_GAP = 6;
const NO_COLLAPSED: ReadonlySet<string> = new Set();

export interface LaneBand {
  id: string;
  name: string;
  color: string;
  top: number;
  height: number;
  /** True for the pseudo-lane that holds items whose lane was deleted. */
  orphan: boolean;
  /** Folded away by this viewer: its bars are not drawn, only a summary row (`summaries`). */
  collapsed: boolean;
  /** Scheduled items in the lane, drawn or folded away. */
  itemCount: number;
}

/** Where one scheduled item's bar sits. */
export interface BarBox {
  itemId: string;
  bandId: string;
  left: number;
  top: number;
  width: number;
  /** The bar is too short for its title, which is then drawn just right of it. */
  labelOutside: boolean;
}

export interface PixelSpan {
  left: number;
  width: number;
}

export interface PhaseBar {
  phaseId: string;
  name: string;
  left: number;
  width: number;
  row: number;
  colorIndex: number;
}

export interface MilestoneMark {
  id: string;
  title: string;
  kind: MilestoneKind;
  date: string;
  x: number;
  row: number;
}

export interface TimelineGeometry {
  axis: TimeAxis;
  pxPerDay: number;
  width: number;
  bands: LaneBand[];
  bars: Map<string, BarBox>;
  /** For each collapsed lane, the stretches of time its items cover, as pixel ranges. */
  summaries: Map<string, PixelSpan[]>;
  lanesHeight: number;
  phases: PhaseBar[];
  phaseRows: number;
  milestones: MilestoneMark[];
  milestoneRows: number;
  /** Offsets of the header sections, from the top of the header. */
  header: { phasesTop: number; milestonesTop: number; height: number };
  /**
   * Per lane, each bar's row and the extent it was packed with: the next geometry keeps bars
   * in these rows where they still fit (repackRows, docs/scheduling.md).
   */
  rows: ReadonlyMap<string, ReadonlyMap<string, PlacedBar>>;
}

/** Label widths are estimated, not measured: good enough to keep labels from overlapping. */
const estimateLabelWidth = (text: string) => 22 + text.length * 6.5;
/** A bar's title needs its status mark, padding and about 6.3 px per character (12 px font). */
const barLabelWidth = (text: string) => Math.min(280, 30 + Math.max(text.length, 12) * 6.3);
const LABEL_GAP = 6;
/** A title beside its bar moves this much further right when the bar carries a badge (ItemBar). */
const BADGE_ROOM = 10;
const BAR_GAP = 4;

export function dayToX(geometry: Pick<TimelineGeometry, "axis" | "pxPerDay">, day: number): number {
  return (day - geometry.axis.startDay) * geometry.pxPerDay;
}

export function xToDay(geometry: Pick<TimelineGeometry, "axis" | "pxPerDay">, x: number): number {
  return geometry.axis.startDay + Math.floor(x / geometry.pxPerDay);
}

export function bandAt(geometry: TimelineGeometry, y: number): LaneBand | undefined {
  return geometry.bands.find((b) => y >= b.top && y < b.top + b.height);
}

export function barTop(band: LaneBand, row: number): number {
  return band.top + LANE_PADDING + row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
}

/**
 * `collapsed` lanes (a personal view choice) take one thin row: their items get no bar box,
 * so nothing draws them, links to them included, and the summary stands in for them.
 * `previous`, the geometry drawn before, keeps bars in their rows where they still fit, so a
 * drop does not reshuffle the lane (docs/scheduling.md).
 */
export function timelineGeometry(
  snapshot: BoardSnapshot,
  layout: BoardLayout,
  scale: TimeScale,
  collapsed: ReadonlySet<string> = NO_COLLAPSED,
  previous?: TimelineGeometry,
): TimelineGeometry {
  const days: number[] = [];
  for (const span of layout.spans.values()) days.push(span.startDay, span.finishDay);
  for (const m of snapshot.milestones) days.push(toDayNumber(m.date));
  const axis = timeAxis({ horizonStart: snapshot.board.horizonStart, horizonEnd: snapshot.board.horizonEnd, days }, scale);
  const pxPerDay = PX_PER_DAY[scale];
  const base = { axis, pxPerDay };
  const width = (axis.endDay - axis.startDay) * pxPerDay;

  // Rows are packed by what is drawn, the bar plus a title that does not fit inside it, so no
  // title is hidden behind the next bar. Same packing as laneRows, in pixels instead of days.
  const laneIds = new Set(snapshot.lanes.map((l) => l.id as string));
  const extents = new Map<string, { id: string; start: number; finish: number }[]>();
  const boxes: BarBox[] = [];
  const folded = new Map<string, { start: number; finish: number }[]>();
  const itemCount = new Map<string, number>();
  for (const item of snapshot.items) {
    const span = layout.spans.get(item.id);
    if (!span) continue;
    const bandId = item.laneId !== null && laneIds.has(item.laneId) ? item.laneId : NO_LANE;
    itemCount.set(bandId, (itemCount.get(bandId) ?? 0) + 1);
    if (collapsed.has(bandId)) {
      const list = folded.get(bandId) ?? [];
      list.push({ start: span.startDay, finish: span.finishDay });
      folded.set(bandId, list);
      if (!extents.has(bandId)) extents.set(bandId, []);
      continue;
    }
    const left = dayToX(base, span.startDay);
    const barWidth = (span.finishDay - span.startDay + 1) * pxPerDay;
    const labelWidth = barLabelWidth(item.title || "Untitled item");
    const labelOutside = barWidth < labelWidth;
    const right = labelOutside ? left + barWidth + LABEL_GAP + BADGE_ROOM + labelWidth - 22 : left + barWidth;
    boxes.push({ itemId: item.id, bandId, left, top: 0, width: barWidth, labelOutside });
    const list = extents.get(bandId) ?? [];
    // Packed in pixels from day 0, not from the axis's start: a bar dragged before the axis
    // widens it, and that must not count as every other bar moving.
    const shift = axis.startDay * pxPerDay;
    list.push({ id: item.id, start: Math.floor(left + shift), finish: Math.ceil(right + shift) + BAR_GAP });
    extents.set(bandId, list);
  }
  const rowOf = new Map<string, number>();
  const rowCount = new Map<string, number>();
  const rows = new Map<string, Map<string, PlacedBar>>();
  const before = previous?.pxPerDay === pxPerDay ? previous.rows : undefined;
  for (const [bandId, list] of extents) {
    const last = before?.get(bandId);
    const packed = last ? repackRows(list, last) : packRows(list);
    rowCount.set(bandId, packed.rowCount);
    const placed = new Map<string, PlacedBar>();
    for (const bar of list) {
      const row = packed.rowOf.get(bar.id)!;
      rowOf.set(bar.id, row);
      placed.set(bar.id, { ...bar, row });
    }
    rows.set(bandId, placed);
  }

  const bands: LaneBand[] = [];
  let top = 0;
  const addBand = (id: string, name: string, color: string, orphan: boolean) => {
    const rows = Math.max(1, rowCount.get(id) ?? 1);
    const folded = collapsed.has(id);
    const height = folded ? COLLAPSED_LANE_HEIGHT : rows * ROW_HEIGHT + 2 * LANE_PADDING;
    bands.push({ id, name, color, top, height, orphan, collapsed: folded, itemCount: itemCount.get(id) ?? 0 });
    top += height;
  };
  for (const lane of snapshot.lanes) addBand(lane.id, lane.name || "Untitled lane", lane.color, false);
  if (extents.has(NO_LANE)) addBand(NO_LANE, "No lane", "#94a3b8", true);
  const bandById = new Map(bands.map((b) => [b.id, b]));
  const bars = new Map<string, BarBox>();
  for (const box of boxes) {
    box.top = barTop(bandById.get(box.bandId)!, rowOf.get(box.itemId) ?? 0);
    bars.set(box.itemId, box);
  }

  const summaries = new Map<string, PixelSpan[]>();
  for (const [bandId, spans] of folded) {
    summaries.set(
      bandId,
      mergeSpans(spans).map((s) => ({ left: dayToX(base, s.start), width: (s.finish - s.start + 1) * pxPerDay })),
    );
  }

  const phaseOrder = new Map(snapshot.phases.map((p, i) => [p.id as string, { index: i, name: p.name }]));
  const phaseSpans = layout.phaseSpans.map((s) => ({ ...s, start: toDayNumber(s.start), finish: toDayNumber(s.finish) }));
  const phaseRowsOf = packRows(phaseSpans.map((s) => ({ id: s.phaseId, start: s.start, finish: s.finish })));
  const phases = phaseSpans.map((s): PhaseBar => {
    const info = phaseOrder.get(s.phaseId);
    return {
      phaseId: s.phaseId,
      name: info?.name || "Phase",
      left: dayToX(base, s.start),
      width: (s.finish - s.start + 1) * pxPerDay,
      row: phaseRowsOf.rowOf.get(s.phaseId) ?? 0,
      colorIndex: info?.index ?? 0,
    };
  });

  // Milestone labels sit right of their diamond; close milestones stack instead of overlapping.
  const marks = snapshot.milestones.map((m) => ({ m, x: dayToX(base, toDayNumber(m.date)) + pxPerDay / 2 }));
  const labelRows = packRows(
    marks.map(({ m, x }) => ({ id: m.id, start: Math.round(x - 8), finish: Math.round(x + estimateLabelWidth(m.title)) })),
  );
  const milestones = marks.map(({ m, x }): MilestoneMark => ({
    id: m.id,
    title: m.title,
    kind: m.kind,
    date: m.date,
    x,
    row: labelRows.rowOf.get(m.id) ?? 0,
  }));

  const phaseRows = Math.max(1, phaseRowsOf.rowCount);
  const milestoneRows = Math.max(1, labelRows.rowCount);
  const phasesTop = 2 * AXIS_TIER_HEIGHT + HEADER_GAP;
  const milestonesTop = phasesTop + phaseRows * PHASE_ROW_HEIGHT + HEADER_GAP;
  const height = milestonesTop + milestoneRows * MILESTONE_ROW_HEIGHT + HEADER_GAP;

  return {
    axis,
    pxPerDay,
    width,
    bands,
    bars,
    summaries,
    lanesHeight: top,
    phases,
    phaseRows,
    milestones,
    milestoneRows,
    header: { phasesTop, milestonesTop, height },
    rows,
  };
}

/**
 * timelineGeometry with memory, for a live board: each call keeps bars in the rows the last
 * call gave them where they still fit (docs/scheduling.md).
 */
export class TimelineGeometer {
  private last: TimelineGeometry | undefined;

  place(snapshot: BoardSnapshot, layout: BoardLayout, scale: TimeScale, collapsed: ReadonlySet<string> = NO_COLLAPSED): TimelineGeometry {
    this.last = timelineGeometry(snapshot, layout, scale, collapsed, this.last);
    return this.last;
  }
}
