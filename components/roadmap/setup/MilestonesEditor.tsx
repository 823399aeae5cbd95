"use client";

import { useState } from "react";
import type * as Y from "yjs";
import { isSupportedDate, type DateString } from "../../../lib/model/dates";
import type { MilestoneId } from "../../../lib/model/ids";
import { addMilestone, deleteMilestone, updateMilestone, type MilestonePatch } from "../../../lib/model/milestoneCommands";
import type { CommandOrigin } from "../../../lib/model/origin";
import { MILESTONE_KINDS, type Milestone, type MilestoneKind } from "../../../lib/model/schemas";
import { CommitInput } from "../../ui/CommitInput";
import { controlClass } from "../../ui/Field";
import { MILESTONE_KIND_LABELS } from "../labels";
import { addButtonClass, deleteButtonClass, ProblemLine, useCommandProblem } from "./setupParts";
import { DateInput, DateProblem, dateRangeProblem, SUPPORTED_DATE_BOUNDS } from "../../ui/DateInput";

interface MilestonesEditorProps {
  milestones: readonly Milestone[];
  doc: Y.Doc;
  origin: CommandOrigin;
  /** The first day of the board's horizon: where a new milestone's date starts. */
  defaultDate: DateString;
}

/**
 * The board's milestones (releases, deadlines, pilot starts, go-lives, launch events) as a list
 * to edit in place: every change is one milestone command, so it syncs and undoes like any edit.
 * Deleting a milestone unties the items and phases that had it as their deadline.
 */
export function MilestonesEditor({ milestones, doc, origin, defaultDate }: MilestonesEditorProps) {
  const [problem, run] = useCommandProblem();
  const update = (id: string, patch: MilestonePatch) => run(updateMilestone(doc, origin, id as MilestoneId, patch));
  const byDate = [...milestones].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return (
    <div data-testid="milestones-editor" className="flex flex-col gap-3">
        <p className="text-sm text-slate-500 dark:text-slate-400">Releases, deadlines and events on the timeline. Items and phases can take one as their deadline.</p>
        {byDate.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No milestones yet.</p>}
        <ul className="flex flex-col gap-2">
          {byDate.map((m) => (
            <li key={m.id} data-testid="milestone-row" className="flex items-center gap-2">
              <CommitInput
                aria-label="Milestone title"
                value={m.title}
                maxLength={200}
                onCommit={(title) => update(m.id, { title })}
                className={`min-w-0 flex-1 ${controlClass}`}
              />
              <DateInput aria-label={`Date of ${m.title}`} value={m.date} onDate={(date) => update(m.id, { date })} className={controlClass} />
              <KindSelect label={`Kind of ${m.title}`} value={m.kind} onChange={(kind) => update(m.id, { kind })} />
              <button
                type="button"
                aria-label={`Delete milestone ${m.title}`}
                onClick={() => run(deleteMilestone(doc, origin, m.id as MilestoneId))}
                className={deleteButtonClass}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
        <NewMilestoneForm defaultDate={defaultDate} onAdd={(input) => run(addMilestone(doc, origin, input))} />
        <ProblemLine problem={problem} />
    </div>
  );
}

function KindSelect({ label, value, onChange }: { label: string; value: MilestoneKind; onChange: (kind: MilestoneKind) => void }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as MilestoneKind)} className={controlClass}>
      {MILESTONE_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {MILESTONE_KIND_LABELS[kind]}
        </option>
      ))}
    </select>
  );
}

function NewMilestoneForm({ defaultDate, onAdd }: { defaultDate: DateString; onAdd: (input: { title: string; date: DateString; kind: MilestoneKind }) => void }) {
  const [title, setTitle] = useState("");
  const [date, setDate] = useState<string>(defaultDate);
  const [kind, setKind] = useState<MilestoneKind>("release");
  return (
    <>
      <form
        className="flex items-center gap-2 border-t border-slate-200 pt-3 dark:border-slate-800"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim() || !isSupportedDate(date)) return;
          onAdd({ title: title.trim(), date, kind });
          setTitle("");
        }}
      >
        <input aria-label="New milestone title" placeholder="New milestone…" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} className={`min-w-0 flex-1 ${controlClass}`} />
        <input aria-label="New milestone date" type="date" {...SUPPORTED_DATE_BOUNDS} value={date} onChange={(e) => setDate(e.target.value)} className={controlClass} />
        <KindSelect label="New milestone kind" value={kind} onChange={setKind} />
        <button type="submit" disabled={!title.trim() || !isSupportedDate(date)} className={addButtonClass}>
          Add
        </button>
      </form>
      <DateProblem problem={dateRangeProblem(date)} />
    </>
  );
}
