import type { ItemStatus, MilestoneKind } from "../model/schemas";

/**
 * The screen's light-theme colours (Tailwind's, as components/roadmap/timeline uses them),
 * written out as hex: paper has no CSS variables and no color-mix().
 */
export const INK = { strong: "#1e293b", text: "#334155", muted: "#64748b", faint: "#94a3b8", rule: "#e2e8f0", shade: "#f1f5f9", paper: "#ffffff" };
export const TODAY = "#f43f5e";
export const TODAY_CHIP = "#be123c";
export const MILESTONE_LINE = "#818cf8";
export const AT_RISK = "#f43f5e";
export const DONE = "#059669";
export const ORPHAN_LANE = "#94a3b8";

/** milestoneColor in TimelineHeader.tsx: releases stand out, other dated points stay quieter. */
export function milestoneFill(kind: MilestoneKind): string {
  if (kind === "release" || kind === "go_live") return "#4f46e5";
  if (kind === "deadline") return "#f43f5e";
  return "#64748b";
}

/** PHASE_TINTS in components/roadmap/labels.ts: background and text of each phase chip. */
const PHASE_TINTS = [
  ["#e0e7ff", "#3730a3"],
  ["#e0f2fe", "#075985"],
  ["#ccfbf1", "#115e59"],
  ["#fef3c7", "#92400e"],
  ["#ffe4e6", "#9f1239"],
  ["#ede9fe", "#5b21b6"],
] as const;
export const phaseTint = (index: number) => PHASE_TINTS[index % PHASE_TINTS.length]!;

/** `color-mix(in srgb, color p%, white)`: a bar's fill (ItemBar: 22 %, 10 % when done). */
export function mixWithWhite(color: string, percent: number): string {
  const rgb = parseHex(color) ?? parseHex(ORPHAN_LANE)!;
  const p = percent / 100;
  return `#${rgb.map((c) => Math.round(c * p + 255 * (1 - p)).toString(16).padStart(2, "0")).join("")}`;
}

/** A lane's colour as the renderer accepts it: only #rgb or #rrggbb reach the output (no markup injection). */
export function safeColor(color: string): string {
  return parseHex(color) ? color.toLowerCase() : ORPHAN_LANE;
}

function parseHex(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

export const barFill = (laneColor: string, status: ItemStatus) => mixWithWhite(laneColor, status === "done" ? 10 : 22);
