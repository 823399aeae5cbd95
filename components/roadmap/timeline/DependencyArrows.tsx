import { memo, useMemo } from "react";
import type { Dependency } from "../../../lib/model/schemas";
import { ALL_LINKS_UP_TO, linkPoints, type Point } from "../../../lib/render/linkPath";
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

/** An SVG path through the points ("M x y L x y …"). */
const pathOf = (points: readonly Point[], close = false) => `M${points.map(([x, y]) => `${x} ${y}`).join("L")}${close ? "Z" : ""}`;

/** The elbow of one link (lib/render/linkPath.ts, shared with the PDF and PNG export). */
function linkPath(from: BarBox, to: BarBox): { line: string; head: string } {
  const { line, head } = linkPoints(from, to, BAR_HEIGHT);
  return { line: pathOf(line), head: pathOf(head, true) };
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
