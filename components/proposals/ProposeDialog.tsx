"use client";

import { useId, useState } from "react";
import { isDateString, type DateString } from "../../lib/model/dates";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { ProposalChange, ProposedFields } from "../../lib/protocol/proposals";
import { MAX_PROPOSAL_REASON } from "../../lib/protocol/proposals";
import { Dialog } from "../ui/Dialog";
import { Field, inputClass } from "../ui/Field";

/** What the dialog starts from: a change to an item (some fields filled in), its removal, or a new item in a lane. */
export type ProposalDraft =
  | { kind: "change"; itemId: string; fields?: Partial<ProposedFields> }
  | { kind: "remove"; itemId: string }
  | { kind: "create"; laneId: string; item?: { title?: string; start?: string | null; duration?: number; phaseId?: string | null } };

interface ProposeDialogProps {
  draft: ProposalDraft;
  snapshot: BoardSnapshot;
  /** Set when countering: the dialog says so and sends a counter. */
  countering?: { authorName: string } | null;
  /** Sends it; resolves to an error sentence, or null once stored. */
  onSubmit: (change: ProposalChange, reason: string) => Promise<string | null>;
  onClose: () => void;
}

interface Form {
  kind: "change" | "remove" | "create";
  title: string;
  start: string;
  duration: string;
  laneId: string;
  phaseId: string;
  scope: string;
  scopeTouched: boolean;
  reason: string;
}

/**
 * Propose a change (docs/teams.md "Proposals"): the fields as they would be, filled in with what
 * the stopped edit or the counter proposed and the item's values for the rest, and a reason.
 * Only the fields that differ from the item are sent.
 */
export function ProposeDialog({ draft, snapshot, countering = null, onSubmit, onClose }: ProposeDialogProps) {
  const id = useId();
  const item = draft.kind === "create" ? null : (snapshot.items.find((i) => i.id === draft.itemId) ?? null);
  const filled = draft.kind === "change" ? (draft.fields ?? {}) : draft.kind === "create" ? (draft.item ?? {}) : {};
  const [form, setForm] = useState<Form>(() => ({
    kind: draft.kind,
    title: filled.title ?? item?.title ?? "",
    start: (filled.start !== undefined ? filled.start : item?.start) ?? "",
    duration: String(filled.duration ?? item?.duration ?? 5),
    laneId: (draft.kind === "create" ? draft.laneId : draft.kind === "change" ? draft.fields?.laneId : undefined) ?? item?.laneId ?? snapshot.lanes[0]?.id ?? "",
    phaseId: (filled.phaseId !== undefined ? filled.phaseId : item?.phaseId) ?? "",
    scope: draft.kind === "change" ? (draft.fields?.scope ?? "") : "",
    scopeTouched: draft.kind === "change" && draft.fields?.scope !== undefined,
    reason: "",
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  function change(): ProposalChange | string {
    if (form.kind === "remove") return item ? { kind: "remove", itemId: item.id } : "That item is no longer on the board.";
    const duration = Number(form.duration);
    if (!Number.isInteger(duration) || duration < 1) return "Duration is a whole number of working days, at least 1.";
    if (form.start && !isDateString(form.start)) return "Start must be a date.";
    const start = form.start ? (form.start as DateString) : null;
    const phaseId = form.phaseId || null;
    if (form.kind === "create") {
      if (!form.title.trim()) return "Give the new item a title.";
      return {
        kind: "create",
        laneId: form.laneId as never,
        item: { title: form.title.trim(), start, duration, phaseId: phaseId as never, ...(form.scope.trim() ? { scope: form.scope } : {}) },
      };
    }
    if (!item) return "That item is no longer on the board.";
    const fields: ProposedFields = {} as ProposedFields;
    if (form.title.trim() !== item.title) fields.title = form.title.trim();
    if (start !== item.start) fields.start = start;
    if (duration !== item.duration) fields.duration = duration;
    if (form.laneId && form.laneId !== item.laneId) fields.laneId = form.laneId as never;
    if (phaseId !== item.phaseId) fields.phaseId = phaseId as never;
    if (form.scopeTouched) fields.scope = form.scope;
    if (!Object.keys(fields).length) return "Change something first: the fields show the item as it is.";
    return { kind: "change", itemId: item.id, fields };
  }

  const submit = async () => {
    const made = change();
    if (typeof made === "string") return setError(made);
    if (!form.reason.trim()) return setError("Say why: the lane's team reads it.");
    setBusy(true);
    const failed = await onSubmit(made, form.reason.trim());
    setBusy(false);
    if (failed) setError(failed);
    else onClose();
  };

  const laneName = snapshot.lanes.find((l) => l.id === (item?.laneId ?? form.laneId))?.name ?? "this lane";
  const title = countering ? `Counter ${countering.authorName}'s proposal` : form.kind === "create" ? "Propose a new item" : "Propose a change";
  return (
    <Dialog open title={title} description={`The ${laneName} team answers it; it shows as a ghost until then.`} onClose={onClose} testId="propose-dialog" width="max-w-md">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {item && (
          <fieldset className="flex gap-3 text-sm">
            <legend className="sr-only">What to propose</legend>
            <label className="flex items-center gap-1.5">
              <input type="radio" name={`${id}-kind`} checked={form.kind === "change"} onChange={() => set("kind", "change")} /> Change it
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name={`${id}-kind`} checked={form.kind === "remove"} onChange={() => set("kind", "remove")} /> Remove it
            </label>
          </fieldset>
        )}
        {form.kind !== "remove" && (
          <>
            <Field label="Title" htmlFor={`${id}-title`}>
              <input id={`${id}-title`} value={form.title} onChange={(e) => set("title", e.target.value)} maxLength={500} className={inputClass} />
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label="Start" htmlFor={`${id}-start`}>
                <input id={`${id}-start`} type="date" value={form.start} onChange={(e) => set("start", e.target.value)} className={inputClass} />
              </Field>
              <Field label="Duration (working days)" htmlFor={`${id}-duration`}>
                <input id={`${id}-duration`} type="number" min={1} max={5000} value={form.duration} onChange={(e) => set("duration", e.target.value)} className={inputClass} />
              </Field>
            </div>
            <div className="grid grid-cols-2 gap-3">
              <Field label="Lane" htmlFor={`${id}-lane`}>
                <select id={`${id}-lane`} value={form.laneId} onChange={(e) => set("laneId", e.target.value)} className={inputClass}>
                  {snapshot.lanes.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name || "Untitled lane"}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Phase" htmlFor={`${id}-phase`}>
                <select id={`${id}-phase`} value={form.phaseId} onChange={(e) => set("phaseId", e.target.value)} className={inputClass}>
                  <option value="">No phase</option>
                  {snapshot.phases.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name || "Untitled phase"}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field label={item ? "New scope (replaces the description; leave empty to keep it)" : "Scope"} htmlFor={`${id}-scope`}>
              <textarea
                id={`${id}-scope`}
                rows={2}
                value={form.scope}
                onChange={(e) => setForm((f) => ({ ...f, scope: e.target.value, scopeTouched: e.target.value !== "" }))}
                className={inputClass}
              />
            </Field>
          </>
        )}
        <Field label="Why" htmlFor={`${id}-reason`}>
          <textarea
            id={`${id}-reason`}
            required
            rows={3}
            maxLength={MAX_PROPOSAL_REASON}
            value={form.reason}
            onChange={(e) => set("reason", e.target.value)}
            className={inputClass}
            autoFocus
          />
        </Field>
        {error && (
          <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600">
            Cancel
          </button>
          <button type="submit" disabled={busy} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50">
            {countering ? "Send counter-proposal" : "Send proposal"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
