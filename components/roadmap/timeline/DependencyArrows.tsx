import { memo, useMemo } from "react";
import type { Dependency } from "../../../lib/model/schemas";
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
    const x = to.left - HEAD - 5;
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
