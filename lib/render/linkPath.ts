/**
 * A dependency's arrow, finish of the predecessor → start of the successor, as the elbow Gantt
 * charts use: down (or up) out of the predecessor's end, then across into the successor's start.
 * Leaving through the bar's edge rather than its end keeps the line off a title drawn beside the
 * bar. A link that must run backwards (overlap, lead, violation) first drops into the gap under
 * the predecessor, runs back, and still ends pointing into the successor's start.
 *
 * One geometry for the screen (components/roadmap/timeline/DependencyArrows.tsx, pixels) and
 * the PDF and PNG (timelineScene.ts, points at half the size): `unit` scales its fixed lengths.
 */
export interface LinkBox {
  left: number;
  top: number;
  width: number;
}

/**
 * Above this many links, ordinary ones are drawn only for the selected item (on paper: not at
 * all): thousands of elbows turn the timeline into a thicket that hides the bars. Broken links,
 * and the critical chain while that view is on, are always drawn: they are what people need to find.
 */
export const ALL_LINKS_UP_TO = 400;

/** Horizontal run before a link turns back, the arrow head's length and half its height, the gap under a bar (screen pixels). */
const STUB = 8;
const HEAD = 5;
const HEAD_HALF = 3.5;
const GAP = 4;

export type Point = [number, number];

export function linkPoints(from: LinkBox, to: LinkBox, barHeight: number, unit = 1): { line: Point[]; head: Point[] } {
  const xEnd = from.left + Math.max(from.width - Math.min(6 * unit, from.width / 2), unit);
  const x2 = to.left;
  const y2 = to.top + barHeight / 2;
  const below = to.top >= from.top;
  const yOut = below ? from.top + barHeight : from.top;
  const tip = x2 - (HEAD - 1) * unit;
  let line: Point[];
  if (to.top !== from.top && tip - xEnd >= STUB * unit) {
    line = [
      [xEnd, yOut],
      [xEnd, y2],
      [tip, y2],
    ];
  } else {
    // The gap between rows, under (or over) the predecessor's bar.
    const gap = below ? yOut + GAP * unit : yOut - GAP * unit;
    line = [
      [xEnd, yOut],
      [xEnd, gap],
      [x2 - STUB * unit, gap],
      [x2 - STUB * unit, y2],
      [tip, y2],
    ];
  }
  const head: Point[] = [
    [x2 - HEAD * unit, y2 - HEAD_HALF * unit],
    [x2, y2],
    [x2 - HEAD * unit, y2 + HEAD_HALF * unit],
  ];
  return { line, head };
}
