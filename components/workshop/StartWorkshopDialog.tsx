"use client";

import { useId, useState, type FormEvent } from "react";
import { MAX_WORKSHOP_TITLE, startWorkshopSchema } from "../../lib/protocol/workshops";
import { Dialog } from "../ui/Dialog";
import { Field, inputClass } from "../ui/Field";
import { countOf } from "../../lib/format/plural";
import { agendaMinutes, MVP_CUT_AGENDA, parseMinutes } from "./agenda";
import { AgendaEditor, type AgendaRow } from "./AgendaEditor";
import type { WorkshopActions } from "./useWorkshop";
import { DialogActions } from "../ui/DialogActions";
import { FormError } from "../ui/FormError";

/**
 * "Start a workshop" (owners and editors): a title and a timed agenda, starting from the MVP-cut
 * agenda. Checked here with the server's own schema, so a problem is shown before the request.
 */
export function StartWorkshopDialog({ start, onClose }: { start: WorkshopActions["start"]; onClose: () => void }) {
  const id = useId();
  const [title, setTitle] = useState("MVP cut");
  const [rows, setRows] = useState<AgendaRow[]>(() => MVP_CUT_AGENDA.map((step) => ({ ...step, minutesText: String(step.minutes) })));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const bad = rows.findIndex((row) => parseMinutes(row.minutesText) === null);
    if (bad >= 0) return setError(`Step ${bad + 1}: minutes must be a whole number from 1 to 240.`);
    const parsed = startWorkshopSchema.safeParse({ title, agenda: rows.map(({ title, minutes, kind }) => ({ title, minutes, kind })) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const step = issue.path[0] === "agenda" && typeof issue.path[1] === "number" ? `Step ${issue.path[1] + 1}: ` : "";
      return setError(`${step}${issue.message}`);
    }
    setBusy(true);
    const problem = await start(parsed.data);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Dialog open title="Start a workshop" description="Everyone on the board sees the session bar with the agenda and the countdown." onClose={onClose} width="max-w-2xl" testId="start-workshop">
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" aria-label="Start a workshop">
        <Field label="Title" htmlFor={`${id}-title`}>
          <input id={`${id}-title`} value={title} maxLength={MAX_WORKSHOP_TITLE} onChange={(e) => setTitle(e.target.value)} className={inputClass} autoFocus />
        </Field>
        <AgendaEditor rows={rows} onChange={setRows} />
        <FormError message={error} />
        <div className="flex items-center justify-between gap-2">
          <span className="text-xs text-slate-500 dark:text-slate-400">
            {countOf(rows.length, "step")} · {agendaMinutes(rows)} min · a version of the board is saved as it starts
          </span>
          <DialogActions onCancel={onClose} label="Start workshop" busyLabel="Starting…" busy={busy} className="flex gap-2" />
        </div>
      </form>
    </Dialog>
  );
}
