"use client";

import { useId } from "react";
import { MAX_AGENDA_STEPS, MAX_WORKSHOP_TITLE, STEP_KINDS, type AgendaStepInput, type StepKind } from "../../lib/protocol/workshops";
import { controlClass } from "../ui/Field";
import { CrossIcon } from "../ui/CloseButton";
import { agendaEdits, parseMinutes } from "./agenda";

export const STEP_KIND_LABELS: Record<StepKind, string> = { discuss: "Discuss", draft: "Draft privately", vote: "Vote" };

/**
 * The agenda as rows: a step's title, its minutes and what it is for, moved up or down, removed.
 * Minutes are kept as typed (`minutesText`) so a half-typed number is not snapped back; the
 * dialog reads them with parseMinutes when it starts the workshop.
 */
export interface AgendaRow extends AgendaStepInput {
  minutesText: string;
}

export function AgendaEditor({ rows, onChange }: { rows: AgendaRow[]; onChange: (rows: AgendaRow[]) => void }) {
  const id = useId();
  const steps = rows as AgendaStepInput[];
  const edit = (next: AgendaStepInput[]) => onChange(next.map((step) => ({ minutesText: String(step.minutes), ...step }) as AgendaRow));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-xs font-medium text-slate-500 dark:text-slate-400">Agenda</legend>
      <ol className="flex flex-col gap-2" aria-label="Agenda steps">
        {rows.map((row, index) => {
          const minutesBad = parseMinutes(row.minutesText) === null;
          const n = index + 1;
          return (
            <li key={index} className="flex flex-wrap items-center gap-1.5" data-testid="agenda-step">
              <span aria-hidden className="w-5 text-right text-xs tabular-nums text-slate-500 dark:text-slate-400">
                {n}.
              </span>
              <input
                aria-label={`Step ${n} title`}
                value={row.title}
                maxLength={MAX_WORKSHOP_TITLE}
                onChange={(e) => onChange(rows.map((r, i) => (i === index ? { ...r, title: e.target.value } : r)))}
                placeholder="What happens in this step"
                className={`${controlClass} min-w-40 flex-1`}
              />
              <input
                aria-label={`Step ${n} minutes`}
                inputMode="numeric"
                value={row.minutesText}
                aria-invalid={minutesBad || undefined}
                onChange={(e) => {
                  const minutes = parseMinutes(e.target.value);
                  onChange(rows.map((r, i) => (i === index ? { ...r, minutesText: e.target.value, minutes: minutes ?? r.minutes } : r)));
                }}
                className={`${controlClass} w-14 tabular-nums ${minutesBad ? "border-rose-500" : ""}`}
              />
              <span className="text-xs text-slate-500 dark:text-slate-400">min</span>
              <select
                aria-label={`Step ${n} kind`}
                value={row.kind}
                onChange={(e) => onChange(rows.map((r, i) => (i === index ? { ...r, kind: e.target.value as StepKind } : r)))}
                className={controlClass}
              >
                {STEP_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {STEP_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
              <span className="flex">
                <button
                  type="button"
                  aria-label={`Move step ${n} up`}
                  disabled={index === 0}
                  onClick={() => edit(agendaEdits.move(steps, index, -1))}
                  className="grid size-7 place-items-center rounded text-slate-500 hover:bg-slate-100 disabled:opacity-30 dark:hover:bg-slate-800"
                >
                  <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
                    <path d="M4 10l4-4 4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
                  </svg>
                </button>
                <button
                  type="button"
                  aria-label={`Move step ${n} down`}
                  disabled={index === rows.length - 1}
                  onClick={() => edit(agendaEdits.move(steps, index, 1))}
                  className="grid size-7 place-items-center rounded text-slate-500 hover:bg-slate-100 disabled:opacity-30 dark:hover:bg-slate-800"
                >
                  <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
                    <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
                  </svg>
                </button>
                {rows.length > 1 && (
                  <button
                    type="button"
                    aria-label={`Remove step ${n}`}
                    onClick={() => edit(agendaEdits.remove(steps, index))}
                    className="grid size-7 place-items-center rounded text-slate-400 hover:bg-slate-100 hover:text-rose-600 dark:hover:bg-slate-800"
                  >
                    <CrossIcon className="size-3.5" />
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
        A “Draft privately” step opens private drafting while it runs; a “Vote” step is where you open a dot vote.
      </p>
      {rows.length < MAX_AGENDA_STEPS && (
        <button
          type="button"
          onClick={() => edit(agendaEdits.add(steps))}
          className="self-start rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-500/10"
        >
          + Add step
        </button>
      )}
    </fieldset>
  );
}
