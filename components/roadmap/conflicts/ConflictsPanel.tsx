"use client";

import { memo, useMemo, useState } from "react";
import type { Conflict, SuggestedFix } from "../../../lib/derive/types";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { PanelFrame } from "../../ui/PanelFrame";
import { ChainFix } from "./ChainFix";
import type { ConflictIndex } from "./conflictIndex";
import type { ChainFixActions } from "./useChainFix";
import { CONFLICT_KIND_LABELS, SEVERITY_DOT, SEVERITY_TEXT, describeFix, fixNames, type FixNames } from "./conflictLabels";
import { formatDateSpan } from "../labels";

interface ConflictsPanelProps {
  index: ConflictIndex;
  snapshot: BoardSnapshot;
  onReveal: (conflict: Conflict) => void;
  /** Runs the fix as one command; returns why it was refused, or null. Absent when read-only. */
  onApplyFix?: (fix: SuggestedFix) => string | null;
  /** "Move X and everything after it" for dependency conflicts (docs/scheduling.md). Absent when read-only. */
  chainFix?: ChainFixActions;
  onClose: () => void;
}

/** A big board can have hundreds of one kind: show the first ones, the rest on request. */
const SHOWN_PER_GROUP = 40;

/** Every conflict on the board, grouped by kind, each with its message and, if any, a fix. */
export const ConflictsPanel = memo(function ConflictsPanel({ index, snapshot, onReveal, onApplyFix, chainFix, onClose }: ConflictsPanelProps) {
  const names = useMemo(() => fixNames(snapshot), [snapshot]);
  return (
    <PanelFrame
      id="conflicts-panel"
      testId="conflicts-panel"
      label="Conflicts"
      header={<h2 className="text-sm font-semibold">Conflicts</h2>}
      closeLabel="Close conflicts"
      onClose={onClose}
    >
      <div className="flex-1 overflow-y-auto">
        {index.groups.length === 0 ? (
          <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
            No conflicts: every dependency, deadline and capacity on this board holds.
          </p>
        ) : (
          index.groups.map(({ kind, conflicts }) => (
            <ConflictGroup
              key={kind}
              title={CONFLICT_KIND_LABELS[kind]}
              conflicts={conflicts}
              names={names}
              onReveal={onReveal}
              onApplyFix={onApplyFix}
              chainFix={chainFix}
            />
          ))
        )}
      </div>
    </PanelFrame>
  );
});

interface ConflictGroupProps {
  title: string;
  conflicts: Conflict[];
  names: FixNames;
  onReveal: (conflict: Conflict) => void;
  onApplyFix?: (fix: SuggestedFix) => string | null;
  chainFix?: ChainFixActions;
}

function ConflictGroup({ title, conflicts, names, onReveal, onApplyFix, chainFix }: ConflictGroupProps) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? conflicts : conflicts.slice(0, SHOWN_PER_GROUP);
  return (
    <section data-testid="conflict-group" className="border-b border-slate-100 py-2 dark:border-slate-800">
      <h3 className="flex items-center justify-between px-4 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {title}
        <span className="tabular-nums">{conflicts.length}</span>
      </h3>
      <ul>
        {shown.map((c) => (
          <ConflictRow key={c.id} conflict={c} names={names} onReveal={onReveal} onApplyFix={onApplyFix} chainFix={chainFix} />
        ))}
      </ul>
      {conflicts.length > shown.length && (
        <button
          type="button"
          onClick={() => setShowAll(true)}
          className="px-4 py-1 text-xs font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Show {conflicts.length - shown.length} more
        </button>
      )}
    </section>
  );
}

interface ConflictRowProps {
  conflict: Conflict;
  names: FixNames;
  onReveal: (conflict: Conflict) => void;
  onApplyFix?: (fix: SuggestedFix) => string | null;
  chainFix?: ChainFixActions;
}

function ConflictRow({ conflict, names, onReveal, onApplyFix, chainFix }: ConflictRowProps) {
  const [refused, setRefused] = useState<string | null>(null);
  const { fix, interval, load } = conflict;
  return (
    <li data-testid="conflict" data-conflict-id={conflict.id} data-kind={conflict.kind} data-severity={conflict.severity} className="px-2">
      <button
        type="button"
        onClick={() => onReveal(conflict)}
        title="Show on the timeline"
        className="flex w-full items-start gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-800/60"
      >
        <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${SEVERITY_DOT[conflict.severity]}`} />
        <span className="min-w-0 flex-1">
          <span className="sr-only">{conflict.severity}: </span>
          <span data-testid="conflict-message" className="text-slate-800 dark:text-slate-100">
            {conflict.message}
          </span>
          {interval && (
            <span className={`mt-0.5 block text-xs ${SEVERITY_TEXT[conflict.severity]}`}>
              {formatDateSpan(interval.start, interval.finish)}
              {load && ` · load ${round(load.peak)} of ${round(load.limit)}`}
            </span>
          )}
        </span>
      </button>
      {fix && (
        <div className="mb-1.5 ml-6 mr-2 flex items-center gap-2 rounded-md bg-slate-50 px-2 py-1.5 dark:bg-slate-800/60">
          <span className="min-w-0 flex-1 text-xs text-slate-600 dark:text-slate-300" data-testid="conflict-fix">
            {describeFix(fix, names)}
          </span>
          {onApplyFix && (
            <button
              type="button"
              onClick={() => setRefused(onApplyFix(fix))}
              className="shrink-0 rounded-md bg-indigo-600 px-2 py-1 text-xs font-medium text-white shadow-sm hover:bg-indigo-500"
            >
              Apply fix
            </button>
          )}
        </div>
      )}
      {chainFix && fix?.kind === "move-item" && conflict.kind === "dependency-violated" && (
        // Moving only this item can push the next one into a conflict: offer the whole chain.
        <ChainFix
          title={`“${names.items.get(fix.itemId)?.title || "Untitled item"}”`}
          plan={() => chainFix.plan(fix.itemId, fix.start)}
          titleOf={(id) => names.items.get(id)?.title ?? ""}
          onApply={() => chainFix.apply(fix.itemId, fix.start)}
        />
      )}
      {refused && (
        <p role="alert" className="mb-1.5 ml-6 mr-2 text-xs text-rose-600 dark:text-rose-400">
          {refused}
        </p>
      )}
    </li>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
