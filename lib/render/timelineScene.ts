import { layoutBoard, NO_LANE } from "../derive/boardLayout";
import { indexConflicts, type ConflictBadge } from "../derive/conflictIndex";
import { isWorkingDay, makeCalendar } from "../derive/calendar";
import { formatDay } from "../derive/dayStrings";
import { packRows } from "../derive/laneRows";
import { timeAxis, type AxisTick } from "../derive/timeAxis";
import type { DerivedBoard } from "../derive/types";
import { toDayNumber, type DateString } from "../model/dates";
import type { Dependency, Item, TimeScale } from "../model/schemas";
import type { BoardSnapshot } from "../model/snapshot";
import { drawLegend, drawTimeHeader, type HeaderLayout } from "./sceneHeader";
import { barFill, INK, MILESTONE_LINE, mixWithWhite, ORPHAN_LANE, safeColor, TODAY } from "./palette";
import { PAPER_SIZES, type Paper, type ScenePage, type Shape, type TimelineScene } from "./scene";
import { ALL_LINKS_UP_TO, linkPoints, type LinkBox } from "./linkPath";
import { BADGE_R, drawBadge } from "./sceneBadge";
import { fitText, textWidth } from "./textWidth";

/**
 * The timeline on paper (issue 18, "PNG and PDF of the timeline"): the screen's drawing
 * (components/roadmap/timeline) at half its pixel size in points, so a bar is 14 pt high and a
 * title 6 pt. The whole horizon, or the days the person had on screen, on A4 or A3 landscape;
 * what does not fit one page is split by time (columns of days) and by lanes (whole lanes,
 * rows of a lane taller than a page), with the page header, time axis and lane names repeated.
 */
export interface TimelineRenderOptions {
  paper: Paper;
  /** "all": the horizon and everything scheduled or dated; else these days, both inclusive. */
  range: "all" | { from: DateString; to: DateString };
  /** The export's day: the today line and the header's date. */
  today: DateString;
  /** More pages than this is refused (the caller's bound on work and file size). */
  maxPages: number;
}

export type SceneResult = { ok: true; scene: TimelineScene } | { ok: false; error: string };

/** Screen pixels per day (geometry.ts PX_PER_DAY) halved: points per day at each zoom. */
const PT_PER_DAY: Record<TimeScale, number> = { weeks: 12, months: 3.5, quarters: 1.25 };
/** A range fitted to the page width is never squeezed below this: past it, pages split. */
const MIN_PT_PER_DAY = 1;
const MAX_PT_PER_DAY = 24;

export const MARGIN = 24;
export const LANE_COLUMN = 108;
const PAGE_HEADER = 40;
const ROW = 18;
const BAR = 14;
const LANE_PAD = 4;
const BAR_FONT = 6;
const BAR_GAP = 2;
/** A title beside its bar is cut at this width (geometry.ts: 280 px). */
const OUTSIDE_LABEL_MAX = 140;

interface Bar {
  item: Item;
  startDay: number;
  finishDay: number;
  pinned: boolean;
  outside: boolean;
  row: number;
}

interface Band {
  id: string;
  name: string;
  color: string;
  orphan: boolean;
  rows: number;
  bars: Bar[];
}

/** A stretch of one lane's rows on one page. */
interface Slice {
  band: Band;
  rowFrom: number;
  rowTo: number;
  top: number;
  height: number;
  continued: boolean;
}

export function timelineScene(snapshot: BoardSnapshot, derived: DerivedBoard, options: TimelineRenderOptions): SceneResult {
  const paper = PAPER_SIZES[options.paper];
  const layout = layoutBoard(snapshot, derived.schedule, derived.phaseSpans);
  const contentWidth = paper.width - 2 * MARGIN - LANE_COLUMN;

  // The window of days drawn, and its zoom.
  let winStart: number;
  let winEnd: number;
  let ptPerDay: number;
  if (options.range === "all") {
    const days: number[] = [];
    for (const span of layout.spans.values()) days.push(span.startDay, span.finishDay);
    for (const m of snapshot.milestones) days.push(toDayNumber(m.date));
    const axis = timeAxis({ horizonStart: snapshot.board.horizonStart, horizonEnd: snapshot.board.horizonEnd, days }, snapshot.board.timeScale);
    winStart = axis.startDay;
    winEnd = axis.endDay;
    ptPerDay = PT_PER_DAY[snapshot.board.timeScale];
  } else {
    winStart = toDayNumber(options.range.from);
    winEnd = toDayNumber(options.range.to) + 1;
    if (!(winEnd > winStart)) return { ok: false, error: "The range must end on or after its first day." };
    ptPerDay = Math.min(MAX_PT_PER_DAY, Math.max(MIN_PT_PER_DAY, contentWidth / (winEnd - winStart)));
  }
  const scale: TimeScale = ptPerDay >= 6 ? "weeks" : ptPerDay >= 2 ? "months" : "quarters";
  const daysPerColumn = Math.max(1, Math.floor(contentWidth / ptPerDay + 1e-9));
  const columns = Math.ceil((winEnd - winStart) / daysPerColumn);

  // Bars of the window, packed into rows by what is drawn: the bar and a title beside it.
  const laneIds = new Set(snapshot.lanes.map((l) => l.id as string));
  const bandBars = new Map<string, Bar[]>();
  const scheduled = new Map(derived.schedule.items.map((s) => [s.itemId as string, s]));
  for (const item of snapshot.items) {
    const span = layout.spans.get(item.id);
    if (!span || span.finishDay < winStart || span.startDay >= winEnd) continue;
    const bandId = item.laneId !== null && laneIds.has(item.laneId) ? item.laneId : NO_LANE;
    const width = (span.finishDay - span.startDay + 1) * ptPerDay;
    const label = textWidth(item.title || "Untitled item", BAR_FONT) + 14;
    const bar: Bar = { item, startDay: span.startDay, finishDay: span.finishDay, pinned: scheduled.get(item.id)?.pinned ?? item.start !== null, outside: width < label, row: 0 };
    const list = bandBars.get(bandId) ?? [];
    list.push(bar);
    bandBars.set(bandId, list);
  }
  const bands: Band[] = [];
  const addBand = (id: string, name: string, color: string, orphan: boolean) => {
    const bars = bandBars.get(id) ?? [];
    const extents = bars.map((b) => {
      const left = (b.startDay - winStart) * ptPerDay;
      const width = (b.finishDay - b.startDay + 1) * ptPerDay;
      const right = b.outside ? left + width + 4 + Math.min(OUTSIDE_LABEL_MAX, textWidth(b.item.title || "Untitled item", BAR_FONT)) : left + width;
      return { id: b.item.id as string, start: Math.floor(left), finish: Math.ceil(right) + BAR_GAP };
    });
    const packed = packRows(extents);
    for (const b of bars) b.row = packed.rowOf.get(b.item.id) ?? 0;
    bands.push({ id, name, color: safeColor(color), orphan, rows: Math.max(1, packed.rowCount), bars });
  };
  for (const lane of snapshot.lanes) addBand(lane.id, lane.name || "Untitled lane", lane.color, false);
  if (bandBars.has(NO_LANE)) addBand(NO_LANE, "No lane", ORPHAN_LANE, true);

  // Links and conflict badges as the screen shows them (DependencyArrows, ItemBar, TimelineHeader):
  // every link of a board with few, only the broken ones (red) past ALL_LINKS_UP_TO.
  const conflicts = indexConflicts(derived.conflicts, new Set(snapshot.dependencies.map((d) => d.id as string)));
  const header = headerLayout(snapshot, layout.phaseSpans, winStart, winEnd, ptPerDay, scale, conflicts.badges);
  const bodyTop = MARGIN + PAGE_HEADER + header.height;
  const bodyHeight = paper.height - MARGIN - bodyTop;
  const chunks = sliceLanes(bands, bodyHeight);
  const pageCount = columns * chunks.length;
  if (pageCount > options.maxPages) {
    return { ok: false, error: `This export would take ${pageCount} pages; at most ${options.maxPages} are made. Export a shorter range, or on A3.` };
  }

  const calendar = makeCalendar(snapshot.board);
  const todayDay = toDayNumber(options.today);
  const unscheduled = layout.unscheduled.length;
  const showAll = snapshot.dependencies.length <= ALL_LINKS_UP_TO;
  const links = snapshot.dependencies.filter((d) => d.fromId !== d.toId && (showAll || conflicts.brokenLinks.has(d.id)));
  const pages: ScenePage[] = [];
  for (let c = 0; c < columns; c++) {
    const colStart = winStart + c * daysPerColumn;
    const colEnd = Math.min(winEnd, colStart + daysPerColumn);
    for (const chunk of chunks) {
      const page: Page = { c, colStart, colEnd, number: pages.length + 1, total: pageCount };
      pages.push(drawPage(snapshot, paper, page, chunk, { header, bodyTop, ptPerDay, calendar, todayDay, unscheduled, today: options.today, links, brokenLinks: conflicts.brokenLinks, badges: conflicts.badges }));
    }
  }
  return { ok: true, scene: { title: snapshot.board.title || "Roadmap", pages } };
}

interface Page {
  c: number;
  colStart: number;
  colEnd: number;
  number: number;
  total: number;
}

interface PageContext {
  header: HeaderLayout;
  bodyTop: number;
  ptPerDay: number;
  calendar: ReturnType<typeof makeCalendar>;
  todayDay: number;
  unscheduled: number;
  today: DateString;
  /** The links to draw, and which of them a conflict names (red). */
  links: readonly Dependency[];
  brokenLinks: ReadonlySet<string>;
  /** Item id → its conflict badge. */
  badges: ReadonlyMap<string, ConflictBadge>;
}

/** Lanes to pages: whole lanes while they fit, a lane taller than a page by its rows. */
function sliceLanes(bands: Band[], available: number): Slice[][] {
  const chunks: Slice[][] = [];
  let chunk: Slice[] = [];
  let used = 0;
  const flush = () => {
    if (chunk.length) chunks.push(chunk);
    chunk = [];
    used = 0;
  };
  for (const band of bands) {
    let row = 0;
    while (row < band.rows) {
      const height = (band.rows - row) * ROW + 2 * LANE_PAD;
      if (used + height <= available) {
        chunk.push({ band, rowFrom: row, rowTo: band.rows, top: used, height, continued: row > 0 });
        used += height;
        break;
      }
      if (chunk.length) {
        flush();
        continue;
      }
      const fit = Math.max(1, Math.floor((available - 2 * LANE_PAD) / ROW));
      chunk.push({ band, rowFrom: row, rowTo: row + fit, top: 0, height: fit * ROW + 2 * LANE_PAD, continued: row > 0 });
      row += fit;
      flush();
    }
  }
  flush();
  return chunks.length ? chunks : [[]];
}

function headerLayout(
  snapshot: BoardSnapshot,
  phaseSpans: DerivedBoard["phaseSpans"],
  winStart: number,
  winEnd: number,
  ptPerDay: number,
  scale: TimeScale,
  badges: ReadonlyMap<string, ConflictBadge>,
): HeaderLayout {
  const axis = timeAxis({ horizonStart: formatDay(winStart), horizonEnd: formatDay(winEnd - 1), days: [] }, scale);
  const clip = (ticks: AxisTick[]) =>
    ticks.filter((t) => t.endDay > winStart && t.startDay < winEnd).map((t) => ({ ...t, startDay: Math.max(t.startDay, winStart), endDay: Math.min(t.endDay, winEnd) }));
  const phaseIndex = new Map(snapshot.phases.map((p, i) => [p.id as string, { index: i, name: p.name || "Phase" }]));
  const phases = phaseSpans
    .map((s) => ({ id: s.phaseId as string, start: toDayNumber(s.start), finish: toDayNumber(s.finish) }))
    .filter((s) => s.finish >= winStart && s.start < winEnd);
  const phaseRows = packRows(phases.map((p) => ({ id: p.id, start: p.start, finish: p.finish })));
  const milestones = snapshot.milestones
    .map((m) => ({ m, day: toDayNumber(m.date) }))
    .filter(({ day }) => day >= winStart && day < winEnd)
    .map(({ m, day }) => ({ id: m.id as string, title: m.title || "Milestone", kind: m.kind, day, badge: badges.get(m.id) ?? null }));
  const labelRows = packRows(
    milestones.map((m) => {
      const x = (m.day - winStart) * ptPerDay;
      return { id: m.id, start: Math.floor(x - 4), finish: Math.ceil(x + 10 + textWidth(m.title, 5.5) + (m.badge ? 3 + 2 * BADGE_R : 0)) };
    }),
  );
  return headerSizes({
    major: clip(axis.major),
    minor: clip(axis.minor),
    phases: phases.map((p) => ({ ...p, name: phaseIndex.get(p.id)?.name ?? "Phase", colorIndex: phaseIndex.get(p.id)?.index ?? 0, row: phaseRows.rowOf.get(p.id) ?? 0 })),
    phaseRows: phases.length ? phaseRows.rowCount : 0,
    milestones: milestones.map((m) => ({ ...m, row: labelRows.rowOf.get(m.id) ?? 0 })),
    milestoneRows: milestones.length ? labelRows.rowCount : 0,
  });
}

const TIER = 12;
const PHASE_ROW = 11;
const MILESTONE_ROW = 10;
const GAP = 3;

function headerSizes(parts: Omit<HeaderLayout, "phasesTop" | "milestonesTop" | "height" | "tier" | "phaseRow" | "milestoneRow">): HeaderLayout {
  const phasesTop = 2 * TIER + GAP;
  const milestonesTop = phasesTop + parts.phaseRows * PHASE_ROW + (parts.phaseRows ? GAP : 0);
  const height = milestonesTop + parts.milestoneRows * MILESTONE_ROW + GAP;
  return { ...parts, tier: TIER, phaseRow: PHASE_ROW, milestoneRow: MILESTONE_ROW, phasesTop, milestonesTop, height };
}

function drawPage(snapshot: BoardSnapshot, paper: { width: number; height: number }, page: Page, slices: Slice[], ctx: PageContext): ScenePage {
  const { header, bodyTop, ptPerDay } = ctx;
  const shapes: Shape[] = [];
  const areaX = MARGIN + LANE_COLUMN;
  const areaWidth = (page.colEnd - page.colStart) * ptPerDay;
  const right = paper.width - MARGIN;
  const axisTop = MARGIN + PAGE_HEADER;
  const bodyBottom = bodyTop + slices.reduce((sum, s) => sum + s.height, 0);
  const xOf = (day: number) => areaX + (day - page.colStart) * ptPerDay;

  // Page header: title, what and when, legend.
  const legendWidth = drawLegend(shapes, right, MARGIN);
  const title = snapshot.board.title || "Roadmap";
  shapes.push({ kind: "text", x: MARGIN, y: MARGIN + 13, text: fitText(title, 14, right - MARGIN - legendWidth - 16, 600), size: 14, weight: 600, fill: INK.strong });
  const facts = [
    `Exported ${longDate(ctx.today)}`,
    `${longDate(formatDay(page.colStart))} – ${longDate(formatDay(page.colEnd - 1))}`,
    `Page ${page.number} of ${page.total}`,
    ...(ctx.unscheduled ? [`${ctx.unscheduled} unscheduled item${ctx.unscheduled === 1 ? "" : "s"} not shown`] : []),
  ];
  shapes.push({ kind: "text", x: MARGIN, y: MARGIN + 26, text: facts.join("  ·  "), size: 7, weight: 400, fill: INK.muted });

  // The lane column and the frame.
  shapes.push({ kind: "text", x: MARGIN + 4, y: axisTop + header.height - 5, text: "Lanes", size: 6.5, weight: 600, fill: INK.muted });
  shapes.push({ kind: "line", x1: MARGIN, y1: axisTop + header.height, x2: areaX + areaWidth, y2: axisTop + header.height, stroke: INK.rule, width: 0.75 });
  shapes.push({ kind: "line", x1: areaX, y1: axisTop, x2: areaX, y2: bodyBottom, stroke: INK.rule, width: 0.75 });
  for (const slice of slices) {
    const top = bodyTop + slice.top;
    const name = slice.continued ? `${slice.band.name} (continued)` : slice.band.name;
    shapes.push({ kind: "circle", cx: MARGIN + 6, cy: top + 10, r: 2.5, fill: slice.band.color });
    shapes.push({ kind: "text", x: MARGIN + 12, y: top + 12.5, text: fitText(name, 7, LANE_COLUMN - 16, 600), size: 7, weight: 600, fill: slice.band.orphan ? INK.muted : INK.strong });
    if (!slice.continued) {
      const n = slice.band.bars.length;
      shapes.push({ kind: "text", x: MARGIN + 12, y: top + 21, text: `${n} item${n === 1 ? "" : "s"}`, size: 5.5, weight: 400, fill: INK.muted });
    }
    shapes.push({ kind: "line", x1: MARGIN, y1: top + slice.height, x2: areaX + areaWidth, y2: top + slice.height, stroke: INK.rule, width: 0.5 });
  }

  // The time area, clipped to this page's days.
  const area: Shape[] = [];
  drawTimeHeader(area, header, { top: axisTop, xOf, ptPerDay, colStart: page.colStart, areaX, todayDay: ctx.todayDay, inWindow: ctx.todayDay >= page.colStart && ctx.todayDay < page.colEnd });
  if (ptPerDay >= 6) {
    for (let d = page.colStart; d < page.colEnd; d++) {
      if (!isWorkingDay(ctx.calendar, d)) area.push({ kind: "rect", x: xOf(d), y: bodyTop, w: ptPerDay, h: bodyBottom - bodyTop, fill: INK.shade });
    }
  }
  for (const tick of header.minor) area.push({ kind: "line", x1: xOf(tick.startDay), y1: bodyTop, x2: xOf(tick.startDay), y2: bodyBottom, stroke: INK.rule, width: 0.5 });
  for (const m of header.milestones) {
    if (m.day < page.colStart || m.day >= page.colEnd) continue;
    const x = xOf(m.day) + ptPerDay / 2;
    area.push({ kind: "line", x1: x, y1: bodyTop, x2: x, y2: bodyBottom, stroke: MILESTONE_LINE, width: 0.5, dash: true });
  }
  // Links behind the bars, as on screen; both ends on this page's lanes (a link to a lane on
  // another page is not drawn), either end may lie beyond its days (the line runs off the edge).
  const boxes = new Map<string, LinkBox>();
  for (const slice of slices)
    for (const bar of slice.band.bars)
      if (bar.row >= slice.rowFrom && bar.row < slice.rowTo) boxes.set(bar.item.id, { left: xOf(bar.startDay), top: barTop(slice, bodyTop + slice.top, bar), width: (bar.finishDay - bar.startDay + 1) * ptPerDay });
  drawLinks(area, ctx.links, boxes, ctx.brokenLinks);
  for (const slice of slices) drawBars(area, slice, bodyTop + slice.top, page, xOf, ptPerDay, areaX, ctx.badges);
  if (ctx.todayDay >= page.colStart && ctx.todayDay < page.colEnd) {
    const x = xOf(ctx.todayDay) + ptPerDay / 2;
    area.push({ kind: "line", x1: x, y1: bodyTop, x2: x, y2: bodyBottom, stroke: TODAY, width: 1 });
  }
  shapes.push({ kind: "clip", x: areaX, y: axisTop, w: areaWidth, h: bodyBottom - axisTop, shapes: area });
  return { width: paper.width, height: paper.height, shapes };
}

const barTop = (slice: Slice, top: number, bar: Bar) => top + LANE_PAD + (bar.row - slice.rowFrom) * ROW + (ROW - BAR) / 2;

/** DependencyArrows' colours on white: slate-400 at 70 % for a link, rose-500 for a broken one. */
const LINK = { stroke: mixWithWhite("#94a3b8", 70), width: 0.625 };
const BROKEN_LINK = { stroke: "#f43f5e", width: 0.875 };

function drawLinks(out: Shape[], links: readonly Dependency[], boxes: ReadonlyMap<string, LinkBox>, broken: ReadonlySet<string>) {
  const drawn: Shape[] = [];
  const red: Shape[] = [];
  for (const link of links) {
    const from = boxes.get(link.fromId);
    const to = boxes.get(link.toId);
    if (!from || !to) continue;
    const { line, head } = linkPoints(from, to, BAR, 0.5);
    const style = broken.has(link.id) ? BROKEN_LINK : LINK;
    (broken.has(link.id) ? red : drawn).push({ kind: "polyline", points: line, stroke: style.stroke, width: style.width }, { kind: "polygon", points: head, fill: style.stroke });
  }
  // Broken links over the others, as the screen layers them.
  out.push(...drawn, ...red);
}

function drawBars(out: Shape[], slice: Slice, top: number, page: Page, xOf: (day: number) => number, ptPerDay: number, areaX: number, badges: ReadonlyMap<string, ConflictBadge>) {
  const { band } = slice;
  for (const bar of band.bars) {
    if (bar.row < slice.rowFrom || bar.row >= slice.rowTo) continue;
    if (bar.finishDay < page.colStart || bar.startDay >= page.colEnd) continue;
    const x = xOf(bar.startDay);
    const w = (bar.finishDay - bar.startDay + 1) * ptPerDay;
    const y = barTop(slice, top, bar);
    const status = bar.item.status;
    const badge = badges.get(bar.item.id);
    out.push({
      kind: "rect",
      x,
      y,
      w,
      h: BAR,
      radius: 3,
      fill: barFill(band.color, status),
      ...(bar.pinned ? {} : { stroke: band.color, strokeWidth: 0.5, dash: true }),
      ...(status === "at_risk" && bar.pinned ? { stroke: "#f43f5e", strokeWidth: 0.75 } : {}),
    });
    // ItemBar's accent: a solid edge on a pinned bar (a dashed border marks one placed after its links).
    if (bar.pinned) out.push({ kind: "rect", x, y, w: Math.min(1.5, w), h: BAR, fill: band.color });
    const baseline = y + BAR / 2 + BAR_FONT * 0.36;
    const title = bar.item.title || "Untitled item";
    const visibleLeft = Math.max(x, areaX);
    // ItemBar's badge sits on the bar's top right corner.
    if (badge) drawBadge(out, badge, x + w - 0.5, y + 0.5);
    if (bar.outside) {
      // Beside the bar, the title starts clear of the badge on its corner.
      out.push({ kind: "text", x: x + w + (badge ? 8 : 3), y: baseline, text: fitText(title, BAR_FONT, OUTSIDE_LABEL_MAX), size: BAR_FONT, weight: 400, fill: INK.text });
      continue;
    }
    // Like the screen's sticky titles: a bar that began before this page is named at its edge.
    let textX = visibleLeft + 4;
    if (w >= 10) {
      drawStatusMark(out, status, textX + 2, y + BAR / 2, band.color);
      textX += 7;
    }
    const text = fitText(title, BAR_FONT, x + w - textX - (badge ? 8 : 3));
    if (text) out.push({ kind: "text", x: textX, y: baseline, text, size: BAR_FONT, weight: 400, fill: status === "done" ? INK.muted : INK.strong });
  }
}

/** ItemBar's StatusMark: a check when done, a red dot at risk, a filled dot in progress, a ring when planned. */
function drawStatusMark(out: Shape[], status: Item["status"], cx: number, cy: number, color: string) {
  if (status === "done") {
    out.push({ kind: "line", x1: cx - 2, y1: cy, x2: cx - 0.6, y2: cy + 1.4, stroke: "#059669", width: 0.9 });
    out.push({ kind: "line", x1: cx - 0.6, y1: cy + 1.4, x2: cx + 2.2, y2: cy - 1.6, stroke: "#059669", width: 0.9 });
  } else if (status === "at_risk") out.push({ kind: "circle", cx, cy, r: 1.6, fill: "#f43f5e" });
  else if (status === "in_progress") out.push({ kind: "circle", cx, cy, r: 1.6, fill: color });
  else out.push({ kind: "circle", cx, cy, r: 1.3, stroke: color });
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
/** Fixed English, like the time axis: the same file on every server. */
export function longDate(day: DateString): string {
  return `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}, ${day.slice(0, 4)}`;
}
