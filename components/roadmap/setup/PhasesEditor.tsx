"use client";

import type * as Y from "yjs";
import type { PhaseId } from "../../../lib/model/ids";
import type { CommandOrigin } from "../../../lib/model/origin";
import { addPhase, removePhase, reorderPhase, updatePhase } from "../../../lib/model/phaseCommands";
import type { Milestone, Phase } from "../../../lib/model/schemas";
import { CommitInput } from "../../ui/CommitInput";
import { MilestoneOptions } from "../itemPanel/MilestoneOptions";
import { controlClass } from "../../ui/Field";
import { AddByNameForm, beforeIdForStep, deleteButtonClass, MoveButtons, ProblemLine, useCommandProblem } from "./setupParts";

interface PhasesEditorProps {
  /** In board order. */
  phases: readonly Phase[];
  milestones: readonly Milestone[];
  doc: Y.Doc;
  origin: CommandOrigin;
}

/**
 * The board's phases in order (MVP, Pilot, Beta, Roll-out, Enhancements by default), each with
 * the release milestone it ends in. Deleting a phase leaves its items without a phase.
 */
export function PhasesEditor({ phases, milestones, doc, origin }: PhasesEditorProps) {
  const [problem, run] = useCommandProblem();
  const ids = phases.map((p) => p.id);
  const move = (index: number, step: -1 | 1) => {
    const before = beforeIdForStep(ids, index, step);
    return before === undefined ? null : () => run(reorderPhase(doc, origin, ids[index] as PhaseId, before as PhaseId | null));
  };
  return (
    <div data-testid="phases-editor" className="flex flex-col gap-3">
      <p className="text-sm text-slate-500 dark:text-slate-400">Stages in order; an item in an earlier phase that waits on a later one is reported.</p>
      <ul className="flex flex-col gap-2">
        {phases.map((phase, index) => (
          <li key={phase.id} data-testid="phase-row" className="flex items-center gap-2">
            <MoveButtons name={phase.name} onUp={move(index, -1)} onDown={move(index, 1)} />
            <CommitInput aria-label="Phase name" value={phase.name} maxLength={200} onCommit={(value) => run(updatePhase(doc, origin, phase.id, { name: value }))} className={`min-w-0 flex-1 ${controlClass}`} />
            <select
              aria-label={`Release of ${phase.name}`}
              value={phase.milestoneId ?? ""}
              onChange={(e) => run(updatePhase(doc, origin, phase.id, { milestoneId: (e.target.value || null) as Phase["milestoneId"] }))}
              className={`w-44 ${controlClass}`}
            >
              <MilestoneOptions milestones={milestones} chosen={phase.milestoneId} none="No release" />
            </select>
            <button type="button" aria-label={`Delete phase ${phase.name}`} onClick={() => run(removePhase(doc, origin, phase.id))} className={deleteButtonClass}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <AddByNameForm label="New phase name" placeholder="New phase…" button="Add phase" onAdd={(name) => run(addPhase(doc, origin, { name }))} />
      <ProblemLine problem={problem} />
    </div>
  );
}
