import { formatDate } from "../../lib/format/dates";
import type { ScenarioFigures } from "../../lib/protocol/scenarios";

const day = (d: string | null) => (d ? formatDate(d) : "—");

/**
 * The plan and the scenario side by side: the board's finish, each release, the critical path,
 * the conflicts and each lane's peak load; a row that differs is marked (not by colour alone).
 */
export function ScenarioFiguresTable({ plan, what }: { plan: ScenarioFigures; what: ScenarioFigures }) {
  const rows: { label: string; plan: string; what: string }[] = [
    { label: "Board finish", plan: day(plan.boardFinish), what: day(what.boardFinish) },
  ];
  const releases = new Map<string, { title: string; plan?: ScenarioFigures["releases"][number]; what?: ScenarioFigures["releases"][number] }>();
  for (const r of plan.releases) releases.set(r.milestoneId, { title: r.title, plan: r });
  for (const r of what.releases) releases.set(r.milestoneId, { ...releases.get(r.milestoneId), title: r.title, what: r });
  const release = (r?: ScenarioFigures["releases"][number]) => (r ? `${day(r.date)}${r.ready ? ` (ready ${day(r.ready)})` : ""}` : "not there");
  for (const r of releases.values()) rows.push({ label: `Release “${r.title}”`, plan: release(r.plan), what: release(r.what) });
  rows.push({ label: "Critical path", plan: plan.criticalPath.join(" → ") || "—", what: what.criticalPath.join(" → ") || "—" });
  rows.push({ label: "Conflicts", plan: String(plan.conflictCount), what: String(what.conflictCount) });
  const lanes = new Map<string, { name: string; plan?: number; what?: number }>();
  for (const l of plan.laneLoad) lanes.set(l.laneId, { name: l.name, plan: l.load });
  for (const l of what.laneLoad) lanes.set(l.laneId, { ...lanes.get(l.laneId), name: l.name, what: l.load });
  const load = (n?: number) => (n === undefined ? "not there" : `${n} / day`);
  for (const l of lanes.values()) rows.push({ label: `Load of “${l.name}”`, plan: load(l.plan), what: load(l.what) });
  return (
    <table data-testid="scenario-figures" className="w-full border-collapse text-sm">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <th scope="col" className="py-1 pr-2 font-medium">
            Figure
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Plan
          </th>
          <th scope="col" className="py-1 font-medium text-violet-700 dark:text-violet-300">
            Scenario
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const differs = r.plan !== r.what;
          return (
            <tr key={r.label} className={`border-t border-slate-100 dark:border-slate-800 ${differs ? "bg-violet-50/60 dark:bg-violet-500/5" : ""}`}>
              <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600 dark:text-slate-300">
                {r.label}
                {differs && <span className="sr-only"> (differs)</span>}
              </th>
              <td className="py-1 pr-2">{r.plan}</td>
              <td className={`py-1 ${differs ? "font-semibold text-violet-800 dark:text-violet-200" : ""}`}>
                {differs && <span aria-hidden>≠ </span>}
                {r.what}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
