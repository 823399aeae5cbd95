import { memo, useMemo } from "react";
import type { Dependency } from "../../../lib/model/schemas";
import { ALL_LINKS_UP_TO, linkPoints, type Point } from "../../../lib/render/linkPath";
import type { DependencyRequestFacts } from "../../../lib/protocol/dependencyRequests";
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
  /** Dependency requests between teams, drawn by state (requestArrows); none for guests. */
  requests?: readonly DependencyRequestFacts[];
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
  const { width, height, bars, dependencies, brokenLinks, criticalLinks, criticalView, selectedId, requests = NO_REQUESTS } = props;
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
  const asked = useMemo(() => requestArrows(requests, bars, dependencies), [requests, bars, dependencies]);

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
      {asked.requested.lines.length > 0 && (
        <g data-kind="requested" data-count={asked.requested.lines.length} className="stroke-indigo-500 fill-indigo-500 dark:stroke-indigo-400 dark:fill-indigo-400">
          <path d={asked.requested.lines.join("")} fill="none" strokeWidth={1.5} strokeDasharray="4 3" />
          <path d={asked.requested.heads.join("")} stroke="none" />
        </g>
      )}
      {asked.declined.lines.length > 0 && (
        <g data-kind="declined" data-count={asked.declined.lines.length} className="stroke-slate-400 fill-slate-400" opacity={0.5}>
          <path d={asked.declined.lines.join("")} fill="none" strokeWidth={1.25} strokeDasharray="2 3" />
          <path d={asked.declined.heads.join("")} stroke="none" />
          <path d={asked.strikes.join("")} fill="none" strokeWidth={1.75} className="stroke-rose-500" />
        </g>
      )}
      {asked.marks.length > 0 && (
        <path data-kind="committed" data-count={asked.marks.length} d={asked.marks.join("")} className="fill-emerald-500 stroke-white dark:stroke-slate-900" strokeWidth={1} />
      )}
    </svg>
  );
});

const NO_REQUESTS: readonly DependencyRequestFacts[] = [];
/** Where a request's mark or strike stands: this far left of the successor's start, before the arrow head. */
const MARK_OFFSET = 10;

/**
 * Requests between teams by state (docs/teams.md): an open one (requested or countered) as a
 * dashed arrow, as there is no link in the document yet; a declined one faded and struck
 * through; a committed one is the document's own link, marked near its head with a diamond.
 */
function requestArrows(requests: readonly DependencyRequestFacts[], bars: ReadonlyMap<string, BarBox>, dependencies: readonly Dependency[]) {
  const out = { requested: { lines: [] as string[], heads: [] as string[] }, declined: { lines: [] as string[], heads: [] as string[] }, strikes: [] as string[], marks: [] as string[] };
  if (requests.length === 0) return out;
  const linked = new Set(dependencies.map((d) => d.id as string));
  for (const r of requests) {
    const from = bars.get(r.fromItemId);
    const to = bars.get(r.toItemId);
    if (!from || !to || r.fromItemId === r.toItemId) continue;
    const x = to.left - MARK_OFFSET;
    const y = to.top + BAR_HEIGHT / 2;
    if (r.state === "requested" || r.state === "countered" || r.state === "declined") {
      const { line, head } = linkPath(from, to);
      const kind = r.state === "declined" ? out.declined : out.requested;
      kind.lines.push(line);
      kind.heads.push(head);
      if (r.state === "declined") out.strikes.push(`M${x - 3} ${y + 4}L${x + 3} ${y - 4}`);
    } else if (r.state === "committed" && r.dependencyId !== null && linked.has(r.dependencyId)) {
      out.marks.push(`M${x - 3.5} ${y}L${x} ${y - 3.5}L${x + 3.5} ${y}L${x} ${y + 3.5}Z`);
    }
  }
  return out;
}
