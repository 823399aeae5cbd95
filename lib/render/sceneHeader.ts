import type { AxisTick } from "../derive/timeAxis";
import type { Severity } from "../derive/types";
import type { MilestoneKind } from "../model/schemas";
import { INK, milestoneFill, mixWithWhite, phaseTint, TODAY, TODAY_CHIP } from "./palette";
import type { Shape } from "./scene";
import { BADGE_R, drawBadge } from "./sceneBadge";
import { fitText, textWidth } from "./textWidth";

/** The time header of every page, as TimelineHeader.tsx stacks it: two axis tiers, phases, milestones. */
export interface HeaderLayout {
  major: AxisTick[];
  minor: AxisTick[];
  phases: { id: string; name: string; start: number; finish: number; row: number; colorIndex: number }[];
  phaseRows: number;
  /** `badge`: the milestone's conflicts, drawn after its title as TimelineHeader does. */
  milestones: { id: string; title: string; kind: MilestoneKind; day: number; row: number; badge: { severity: Severity; count: number } | null }[];
  milestoneRows: number;
  tier: number;
  phaseRow: number;
  milestoneRow: number;
  phasesTop: number;
  milestonesTop: number;
  height: number;
}

interface HeaderPlace {
  top: number;
  xOf: (day: number) => number;
  ptPerDay: number;
  colStart: number;
  areaX: number;
  todayDay: number;
  inWindow: boolean;
}

export function drawTimeHeader(out: Shape[], header: HeaderLayout, at: HeaderPlace) {
  const { top, xOf } = at;
  const tier = (ticks: AxisTick[], y: number, size: number, weight: 400 | 600, fill: string) => {
    for (const t of ticks) {
      const x = xOf(t.startDay);
      const width = (t.endDay - t.startDay) * at.ptPerDay;
      out.push({ kind: "line", x1: x, y1: y, x2: x, y2: y + header.tier, stroke: INK.rule, width: 0.5 });
      // Sticky like the screen's labels: a period begun before the page is named at its edge.
      const left = Math.max(x, at.areaX) + 3;
      const text = fitText(t.label, size, x + width - left - 2, weight);
      if (text) out.push({ kind: "text", x: left, y: y + header.tier / 2 + size * 0.36, text, size, weight, fill });
    }
  };
  tier(header.major, top, 6.5, 600, INK.text);
  out.push({ kind: "line", x1: at.areaX, y1: top + header.tier, x2: at.areaX + 10_000, y2: top + header.tier, stroke: INK.rule, width: 0.5 });
  tier(header.minor, top + header.tier, 5.5, 400, INK.muted);

  for (const p of header.phases) {
    const [fill, ink] = phaseTint(p.colorIndex);
    const x = xOf(p.start);
    const w = (p.finish - p.start + 1) * at.ptPerDay;
    const y = top + header.phasesTop + p.row * header.phaseRow + 1;
    out.push({ kind: "rect", x, y, w, h: header.phaseRow - 2, radius: 2.5, fill });
    const left = Math.max(x, at.areaX) + 3;
    const text = fitText(p.name, 5.5, x + w - left - 3, 600);
    if (text) out.push({ kind: "text", x: left, y: y + (header.phaseRow - 2) / 2 + 2, text, size: 5.5, weight: 600, fill: ink });
  }

  for (const m of header.milestones) {
    const x = xOf(m.day) + at.ptPerDay / 2;
    const cy = top + header.milestonesTop + m.row * header.milestoneRow + header.milestoneRow / 2;
    out.push({ kind: "diamond", cx: x, cy, r: 3.2, fill: milestoneFill(m.kind) });
    out.push({ kind: "text", x: x + 5.5, y: cy + 2, text: m.title, size: 5.5, weight: 600, fill: INK.text });
    if (m.badge) drawBadge(out, m.badge, x + 5.5 + textWidth(m.title, 5.5, 600) + 3 + BADGE_R, cy);
  }

  if (at.inWindow) {
    const x = xOf(at.todayDay) + at.ptPerDay / 2;
    out.push({ kind: "line", x1: x, y1: top, x2: x, y2: top + header.height, stroke: TODAY, width: 1 });
    const w = textWidth("Today", 5, 600) + 6;
    out.push({ kind: "rect", x: x - w / 2, y: top + header.tier * 2 - 4, w, h: 8, radius: 4, fill: TODAY_CHIP });
    out.push({ kind: "text", x: x - w / 2 + 3, y: top + header.tier * 2 + 1.8, text: "Today", size: 5, weight: 600, fill: "#ffffff" });
  }
}

/** The key, right-aligned in the page header's two lines; returns the width it took. */
export function drawLegend(out: Shape[], right: number, top: number): number {
  const size = 6;
  const lines: { mark: (x: number, cy: number) => void; label: string }[][] = [
    [
      { mark: diamond(milestoneFill("release")), label: "Release, go-live" },
      { mark: diamond(milestoneFill("deadline")), label: "Deadline" },
      { mark: diamond(milestoneFill("pilot_start")), label: "Other milestone" },
      { mark: (x, cy) => out.push({ kind: "line", x1: x + 4, y1: cy - 4, x2: x + 4, y2: cy + 4, stroke: TODAY, width: 1 }), label: "Today" },
    ],
    [
      { mark: bar(false), label: "Pinned" },
      { mark: bar(true), label: "Placed after its links" },
      { mark: (x, cy) => out.push({ kind: "circle", cx: x + 4, cy, r: 1.6, fill: "#f43f5e" }), label: "At risk" },
      { mark: (x, cy) => out.push({ kind: "circle", cx: x + 4, cy, r: 1.6, fill: INK.muted }), label: "In progress" },
    ],
  ];
  function diamond(fill: string) {
    return (x: number, cy: number) => out.push({ kind: "diamond", cx: x + 4, cy, r: 3, fill });
  }
  function bar(dashed: boolean) {
    const color = "#6366f1";
    return (x: number, cy: number) => {
      out.push({ kind: "rect", x, y: cy - 3.5, w: 10, h: 7, radius: 1.5, fill: mixWithWhite(color, 22), ...(dashed ? { stroke: color, strokeWidth: 0.5, dash: true } : {}) });
      if (!dashed) out.push({ kind: "rect", x, y: cy - 3.5, w: 1.5, h: 7, fill: color });
    };
  }
  let widest = 0;
  lines.forEach((entries, i) => {
    const cy = top + 6 + i * 12;
    let x = right;
    for (const entry of [...entries].reverse()) {
      const w = textWidth(entry.label, size);
      x -= w;
      out.push({ kind: "text", x, y: cy + 2.2, text: entry.label, size, weight: 400, fill: INK.muted });
      x -= 14;
      entry.mark(x, cy);
      x -= 10;
    }
    widest = Math.max(widest, right - x);
  });
  return widest;
}
