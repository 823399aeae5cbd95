"use client";

import { useEffect, useMemo, useState } from "react";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { Dialog } from "../../ui/Dialog";
import { CompareList } from "./CompareList";
import { CompareSummary } from "./CompareSummary";
import { CompareTimeline } from "./CompareTimeline";
import { changeCount, groupByLane, namesFor } from "./compareLines";
import type { BoardVersions } from "./useBoardVersions";
import { useComparison } from "./useComparison";
import { versionLabel } from "./versionLabel";
import { NOW, type CompareEnd } from "./versionsApi";

interface CompareDialogProps {
  boardId: string;
  snapshot: BoardSnapshot;
  versions: BoardVersions;
  /** Owners set and clear the baseline; others see which one it is. */
  canSetBaseline: boolean;
  onSelectItem: (itemId: string) => void;
  onClose: () => void;
}

/** How long the board must be still before "now" is compared again: not one request per keystroke. */
const SETTLE_MS = 800;

const SELECT = "min-w-0 max-w-72 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950";

/**
 * Compare any two versions, or a version and now: the board's finish and releases before →
 * after, then every change as a list grouped by lane or on a timeline with both positions.
 * What counts as a change: docs/history.md ("Compare").
 */
export function CompareDialog({ boardId, snapshot, versions, canSetBaseline, onSelectItem, onClose }: CompareDialogProps) {
  const list = useMemo(() => versions.versions ?? [], [versions.versions]);
  // By default: the baseline (else the newest version) against the board now.
  const [from, setFrom] = useState<CompareEnd | null>(null);
  const [to, setTo] = useState<CompareEnd>(NOW);
  const [tab, setTab] = useState<"list" | "timeline">("list");
  const [baselineError, setBaselineError] = useState<string | null>(null);
  const fromId = from ?? versions.baselineId ?? list[0]?.id ?? null;
  // "Now" moves with every edit: compare again once the board has been still for a moment.
  const settled = useSettledCount(snapshot, SETTLE_MS);
  const version = fromId === NOW || to === NOW ? settled : 0;
  const { comparison, error, loading } = useComparison(boardId, fromId, to, version);
  const names = useMemo(() => (comparison ? namesFor(snapshot, comparison) : null), [snapshot, comparison]);
  const groups = useMemo(() => (comparison && names ? groupByLane(comparison.items, snapshot, names) : []), [comparison, names, snapshot]);

  const options = (
    <>
      <option value={NOW}>Now (the board as it is)</option>
      {list.map((v) => (
        <option key={v.id} value={v.id}>
          {versionLabel(v)}
          {v.id === versions.baselineId ? " \u00b7 baseline" : ""}
        </option>
      ))}
    </>
  );
  const setBaseline = async (versionId: string | null) => {
    const result = await versions.setBaseline(versionId);
    setBaselineError(result.ok ? null : result.error);
  };
  const baseline = list.find((v) => v.id === versions.baselineId);

  return (
    <Dialog open title="Compare versions" description="What changed between two versions of this board, or since a version." onClose={onClose} width="max-w-5xl" testId="compare-dialog">
      {versions.error && <p role="alert" className="mb-2 text-sm text-rose-700 dark:text-rose-300">{versions.error}</p>}
      {versions.versions !== null && list.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">This board has no versions yet. Save one, or wait for the first automatic one, then compare it with the board now.</p>
      ) : (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-1.5">
              From
              <select data-testid="compare-from" className={SELECT} value={fromId ?? ""} onChange={(e) => setFrom(e.target.value)}>
                {options}
              </select>
            </label>
            <label className="flex items-center gap-1.5">
              to
              <select data-testid="compare-to" className={SELECT} value={to} onChange={(e) => setTo(e.target.value)}>
                {options}
              </select>
            </label>
            <span className="flex-1" />
            <span data-testid="baseline-name" className="text-xs text-slate-500 dark:text-slate-400">
              Baseline: {baseline ? versionLabel(baseline) : "none"}
            </span>
            {canSetBaseline && fromId && fromId !== NOW && fromId !== versions.baselineId && (
              <button type="button" data-testid="set-baseline" onClick={() => void setBaseline(fromId)} className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">
                Use &ldquo;From&rdquo; as the baseline
              </button>
            )}
            {canSetBaseline && versions.baselineId && (
              <button type="button" data-testid="clear-baseline" onClick={() => void setBaseline(null)} className="rounded-md px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
                Clear baseline
              </button>
            )}
          </div>
          {baselineError && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{baselineError}</p>}
          {error && <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{error}</p>}
          {comparison && names && (
            <div data-testid="compare-result" data-loading={loading || undefined} className={loading ? "opacity-60" : undefined}>
              <CompareSummary comparison={comparison} />
              <div className="my-3 flex items-center gap-1 text-sm" role="tablist" aria-label="Show the changes as">
                {(["list", "timeline"] as const).map((t) => (
                  <button key={t} type="button" role="tab" aria-selected={tab === t} data-testid={`compare-tab-${t}`} onClick={() => setTab(t)} className={`rounded-md px-2.5 py-1 font-medium ${tab === t ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}>
                    {t === "list" ? "List" : "Timeline"}
                  </button>
                ))}
                <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{changeCount(comparison)} changes</span>
              </div>
              {tab === "list" ? <CompareList comparison={comparison} groups={groups} names={names} onSelectItem={onSelectItem} /> : <CompareTimeline groups={groups} />}
            </div>
          )}
          {!comparison && !error && fromId && <p className="text-sm text-slate-500 dark:text-slate-400">Comparing…</p>}
        </div>
      )}
    </Dialog>
  );
}

/** A count that goes up `ms` after `value` last changed (and not before): "the board settled". */
function useSettledCount(value: unknown, ms: number): number {
  const [count, setCount] = useState(0);
  const [first] = useState(() => value);
  useEffect(() => {
    if (value === first) return;
    const timer = setTimeout(() => setCount((n) => n + 1), ms);
    return () => clearTimeout(timer);
  }, [value, first, ms]);
  return count;
}
