import { memo, useMemo } from "react";
import type { Dependency } from "../../../lib/model/schemas";
import { BAR_HEIGHT, type BarBox } from "./geometry";

interface DependencyArrowsProps {
  width: number;
  height: number;
  bars: ReadonlyMap<string, BarBox>;
  dependencies: readonly Dependency[];
  /** Links a conflict names (not respected, or in a cycle): red. */
  brokenLinks: ReadonlySet<string>;
  /** Links along a critical path: stand out when the critical-path view is on. */
  criticalLinks: ReadonlySet<string>;
  criticalView: boolean;
  /** Its links are always drawn, however big the board. */
  selectedId: string | null;
}

type Kind = "normal" | "critical" | "broken";

/** Pixels of horizontal run before a link turns back, and the arrow head's size. */
const STUB = 8;
const HEAD = 5;
/**
 * Above this many links, ordinary ones are drawn only for the selected item: thousands of
 * elbows turn the timeline into a thicket that hides the bars. Broken links, and the critical
 * chain while that view is on, are always drawn: they are what people need to find.
 */
const ALL_LINKS_UP_TO = 400;

/**
 * One link, finish of the predecessor → start of the successor, as the elbow Gantt charts use:
 * down (or up) out of the predecessor's end, then across into the successor's start. Leaving
 * through the bar's edge rather than its end keeps the line off a title drawn beside the bar.
 * A link that must run backwards (overlap, lead, violation) first drops into the gap under
 * the predecessor, runs back, and still ends pointing into the successor's start.
 */
function linkPath(from: BarBox, to: BarBox): { line: string; head: string } {
  const xEnd = from.left + Math.max(from.width - Math.min(6, from.width / 2), 1);
  const x2 = to.left;
  const y2 = to.top + BAR_HEIGHT / 2;
  const below = to.top >= from.top;
  const yOut = below ? from.top + BAR_HEIGHT : from.top;
  const tip = x2 - HEAD + 1;
  let line: string;
  if (to.top !== from.top && tip - xEnd >= STUB) {
    line = `M${xEnd} ${yOut}V${y2}H${tip}`;
  } else {
    // The gap between rows: 4 px under (or over) the predecessor's bar.
    const gap = below ? yOut + 4 : yOut - 4;
    line = `M${xEnd} ${yOut}V${gap}H${x2 - STUB}V${y2}H${tip}`;
  }
  const head = `M${x2 - HEAD} ${y2 - 3.5}L${x2} ${y2}L${x2 - HEAD} ${y2 + 3.5}Z`;
  return { line, head };
}

const STYLE: Record<Kind, { stroke: string; width: number }> = {
  normal: { stroke: "stroke-slate-400 fill-slate-400 dark:stroke-slate-500 dark:fill-slate-500", width: 1.25 },
  critical: { stroke: "stroke-orange-500 fill-orange-500", width: 2 },
  broken: { stroke: "stroke-rose-500 fill-rose-500", width: 1.75 },
};

/**
 * Every dependency as an arrow behind the bars. All links of one kind share one <path>, so
 * thousands of links cost three DOM nodes, not thousands, when a snapshot redraws them.
 */
export const DependencyArrows = memo(function DependencyArrows(props: DependencyArrowsProps) {
  const { width, height, bars, dependencies, brokenLinks, criticalLinks, criticalView, selectedId } = props;
  const paths = useMemo(() => {
    const showAll = dependencies.length <= ALL_LINKS_UP_TO;
    const out: Record<Kind, { lines: string[]; heads: string[] }> = {
      normal: { lines: [], heads: [] },
      critical: { lines: [], heads: [] },
      broken: { lines: [], heads: [] },
    };
    for (const dep of dependencies) {
      const from = bars.get(dep.fromId);
      const to = bars.get(dep.toId);
      if (!from || !to || dep.fromId === dep.toId) continue;
      const kind: Kind = brokenLinks.has(dep.id) ? "broken" : criticalView && criticalLinks.has(dep.id) ? "critical" : "normal";
      if (kind === "normal" && !showAll && dep.fromId !== selectedId && dep.toId !== selectedId) continue;
      const { line, head } = linkPath(from, to);
      out[kind].lines.push(line);
      out[kind].heads.push(head);
    }
    return out;
  }, [bars, dependencies, brokenLinks, criticalLinks, criticalView, selectedId]);

  return (
    <svg
      aria-hidden
      data-testid="dependency-arrows"
      className="pointer-events-none absolute left-0 top-0 z-[5] overflow-visible"
      width={width}
      height={height}
    >
      {(["normal", "critical", "broken"] as const).map((kind) =>
        paths[kind].lines.length === 0 ? null : (
          <g
            key={kind}
            data-kind={kind}
            data-count={paths[kind].lines.length}
            className={STYLE[kind].stroke}
            opacity={kind === "normal" ? (criticalView ? 0.25 : 0.7) : 1}
          >
            <path d={paths[kind].lines.join("")} fill="none" strokeWidth={STYLE[kind].width} />
            <path d={paths[kind].heads.join("")} stroke="none" />
          </g>
        ),
      )}
    </svg>
  );
});
