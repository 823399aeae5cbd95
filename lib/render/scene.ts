/**
 * A drawing of the timeline as plain shapes in points (1/72 inch), one list per page. The SVG
 * (timelineSvg.ts, then a PNG) and the PDF (server/render/timelinePdf.ts) are both written from
 * it, so the two exports cannot drift apart; text stays text in both.
 */
export type Shape =
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; strokeWidth?: number; radius?: number; dash?: boolean }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: boolean }
  | { kind: "diamond"; cx: number; cy: number; r: number; fill: string }
  /** An open line through points (a dependency's elbow). */
  | { kind: "polyline"; points: [number, number][]; stroke: string; width: number }
  /** A filled closed shape (an arrow head). */
  | { kind: "polygon"; points: [number, number][]; fill: string }
  | { kind: "circle"; cx: number; cy: number; r: number; fill?: string; stroke?: string }
  /** `y` is the baseline. `anchor` end: `x` is where the text ends. */
  | { kind: "text"; x: number; y: number; text: string; size: number; weight: 400 | 600; fill: string; anchor?: "start" | "end" }
  /** Shapes drawn only inside the box (the timeline area of a page: bars crossing its edges). */
  | { kind: "clip"; x: number; y: number; w: number; h: number; shapes: Shape[] };

export interface ScenePage {
  width: number;
  height: number;
  shapes: Shape[];
}

export interface TimelineScene {
  title: string;
  pages: ScenePage[];
}

export type Paper = "a4" | "a3";
/** ISO 216 landscape, in points. */
export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 841.89, height: 595.28 },
  a3: { width: 1190.55, height: 841.89 },
};
