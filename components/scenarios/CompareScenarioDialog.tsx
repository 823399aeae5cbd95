"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { AdoptOutcome, ScenarioComparison } from "../../lib/protocol/scenarios";
import { applyAdopt } from "../../lib/scenarios/applyAdopt";
import type { BoardSession } from "../collab/boardSession";
import type { UndoMark } from "../collab/undoHistory";
import { Dialog } from "../ui/Dialog";
import { ScenarioFiguresTable } from "./ScenarioFiguresTable";
import { changeLine, planAlsoLine } from "./scenarioWords";
import { scenariosClient } from "./scenariosClient";

interface CompareScenarioDialogProps {
  /** The plan's live session: an adoption is written into it as this person's own change. */
  session: BoardSession;
  scenarioId: string;
  /** Lane names of the plan, by id, for the change list. */
  laneNames: ReadonlyMap<string, string>;
  /** Editors and owners adopt; everyone else compares. */
  canAdopt: boolean;
  onClose: () => void;
}

/**
 * Compare a scenario with the plan, side by side, and adopt what is ticked (docs/teams.md). The
 * server takes the plan's automatic version and answers what to write; this page writes it in
 * one transaction with the person's own origin, so it reaches everyone as their edit and one
 * Undo takes it all back. Changes to lanes the person may not edit are left out and listed.
 */
export function CompareScenarioDialog({ session, scenarioId, laneNames, canAdopt, onClose }: CompareScenarioDialogProps) {
  const planId = session.boardId;
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ result: AdoptOutcome; undo: UndoMark | null } | null>(null);

  const [asked, setAsked] = useState(0);
  const load = useCallback(() => setAsked((n) => n + 1), []);
  useEffect(() => {
    let stale = false;
    void scenariosClient.compare(planId, scenarioId).then((result) => {
      if (stale) return;
      if (!result.ok) return setError(result.error);
      setComparison(result.value);
      setTicked(new Set(result.value.changes.map((c) => c.id)));
    });
    return () => {
      stale = true;
    };
  }, [planId, scenarioId, asked]);

  const adopt = async () => {
    if (!comparison || ticked.size === 0) return;
    setBusy(true);
    setError(null);
    const result = await scenariosClient.adopt(planId, scenarioId, [...ticked]);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const written = result.value.writes ? applyAdopt(session.doc, result.value.writes, session.origin) : 0;
    setOutcome({ result: result.value, undo: written > 0 ? session.history.mark() : null });
    load();
  };
  const undo = () => {
    if (outcome && session.history.undoIf(outcome.undo)) setOutcome(null);
    else setError("That can no longer be undone from here: you changed something since. Use Undo (Ctrl+Z) to step back.");
  };

  const titles = useMemo(() => new Map(comparison?.changes.map((c) => [c.id, c.title]) ?? []), [comparison]);
  const editable = canAdopt && comparison?.scenario.state === "active";
  return (
    <Dialog
      open
      onClose={onClose}
      width="max-w-3xl"
      testId="compare-scenario-dialog"
      title={comparison ? `Compare “${comparison.scenario.name}” with the plan` : "Compare with the plan"}
      description={comparison?.scenario.purpose ?? undefined}
    >
      <div className="flex flex-col gap-5">
        {error && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        )}
        {outcome && (
          <div role="status" data-testid="adopt-outcome" className="flex flex-wrap items-center gap-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200">
            <span className="flex-1">
              Adopted {outcome.result.taken.length} {outcome.result.taken.length === 1 ? "change" : "changes"} into the plan
              {outcome.result.scenario.state === "adopted" ? "; the scenario is now marked adopted." : "."}
              {outcome.result.leftOut.length > 0 && (
                <>
                  {" "}
                  Left out:{" "}
                  {outcome.result.leftOut
                    .map((l) => `${titles.get(l.id) ?? l.id} (${l.reason === "needs-lane-owners" ? `needs the owners of ${l.laneIds.map((id) => laneNames.get(id) ?? id).join(", ")}` : "its items are not in the plan"})`)
                    .join("; ")}
                  .
                </>
              )}
            </span>
            {outcome.undo && (
              <button type="button" data-testid="adopt-undo" onClick={undo} className="rounded-md border border-emerald-300 px-2 py-0.5 text-xs font-medium hover:bg-emerald-100 dark:border-emerald-500/40">
                Undo
              </button>
            )}
          </div>
        )}
        {!comparison && !error && <p className="text-sm text-slate-500">Comparing…</p>}
        {comparison && (
          <>
            <ScenarioFiguresTable plan={comparison.plan} what={comparison.what} />
            <section aria-labelledby="scenario-changes-title" className="flex flex-col gap-2">
              <div className="flex items-center gap-2">
                <h3 id="scenario-changes-title" className="flex-1 text-sm font-semibold">
                  What the scenario changed since it was forked ({comparison.changes.length})
                </h3>
                {editable && comparison.changes.length > 0 && (
                  <>
                    <button type="button" className="text-xs text-violet-700 hover:underline dark:text-violet-300" onClick={() => setTicked(new Set(comparison.changes.map((c) => c.id)))}>
                      Tick all
                    </button>
                    <button type="button" className="text-xs text-violet-700 hover:underline dark:text-violet-300" onClick={() => setTicked(new Set())}>
                      Tick none
                    </button>
                  </>
                )}
              </div>
              {comparison.changes.length === 0 && <p className="text-sm text-slate-500">Nothing: the scenario is as it was forked, or all of it is in the plan.</p>}
              <ul data-testid="scenario-changes" className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
                {comparison.changes.map((change) => {
                  const also = planAlsoLine(change);
                  const lane = change.laneId ? laneNames.get(change.laneId) : undefined;
                  const body = (
                    <span className="flex min-w-0 flex-col">
                      <span className="font-medium">{change.title}</span>
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        {changeLine(change)}
                        {lane ? ` · ${lane}` : ""}
                      </span>
                      {also && <span className="text-xs font-medium text-amber-800 dark:text-amber-300">⚠ {also}</span>}
                    </span>
                  );
                  return (
                    <li key={change.id} data-testid="scenario-change" className="py-1.5 text-sm">
                      {editable ? (
                        <label className="flex items-start gap-2">
                          <input
                            type="checkbox"
                            className="mt-1"
                            checked={ticked.has(change.id)}
                            onChange={(e) =>
                              setTicked((prev) => {
                                const next = new Set(prev);
                                if (e.target.checked) next.add(change.id);
                                else next.delete(change.id);
                                return next;
                              })
                            }
                          />
                          {body}
                        </label>
                      ) : (
                        body
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
            {canAdopt && comparison.scenario.state !== "active" && (
              <p className="text-sm text-slate-500">This scenario is {comparison.scenario.state}: reopen it to adopt from it.</p>
            )}
            {editable && (
              <div className="flex items-center justify-end gap-2">
                <p className="flex-1 text-xs text-slate-500 dark:text-slate-400">
                  Only what the scenario changed is written; the plan’s own edits since the fork stay. A version of the plan is saved first.
                </p>
                <button
                  type="button"
                  data-testid="adopt-ticked"
                  disabled={busy || ticked.size === 0}
                  onClick={() => void adopt()}
                  className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-500 disabled:opacity-60"
                >
                  {busy ? "Adopting…" : `Adopt ${ticked.size} ${ticked.size === 1 ? "change" : "changes"}`}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
