"use client";

import { useId, useState, type FormEvent } from "react";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { DEFAULT_VOTES_PER_PERSON, MAX_VOTE_ITEMS, MAX_VOTES_PER_PERSON, openVoteSchema, type VoteScope } from "../../lib/protocol/workshops";
import { Dialog } from "../ui/Dialog";
import { controlClass, Field, inputClass } from "../ui/Field";
import type { WorkshopActions } from "./useWorkshop";
import { DialogActions } from "../ui/DialogActions";
import { FormError } from "../ui/FormError";

type ScopeKind = VoteScope["kind"];
const SCOPE_LABELS: Record<ScopeKind, string> = { board: "The whole board", phase: "One phase", lane: "One lane", selection: "Chosen items" };

/**
 * "Open a vote" (the facilitator): over which items, how many votes each, whether several may
 * go on one item, and whether counts stay hidden until the reveal. Checked with the server's
 * schema before it is sent.
 */
export function OpenVoteDialog({ snapshot, selectedId, openVote, onClose }: { snapshot: BoardSnapshot; selectedId: string | null; openVote: WorkshopActions["openVote"]; onClose: () => void }) {
  const id = useId();
  const mvp = snapshot.phases.find((p) => /mvp/i.test(p.name));
  const [title, setTitle] = useState(mvp ? `What goes into ${mvp.name}` : "What matters most");
  const [kind, setKind] = useState<ScopeKind>("board");
  const [phaseId, setPhaseId] = useState(snapshot.phases[0]?.id ?? "");
  const [laneId, setLaneId] = useState(snapshot.lanes[0]?.id ?? "");
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(selectedId ? [selectedId] : []));
  const [votes, setVotes] = useState(String(DEFAULT_VOTES_PER_PERSON));
  const [stacking, setStacking] = useState(false);
  const [visibility, setVisibility] = useState<"hidden" | "open">("hidden");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const scope = (): VoteScope =>
    kind === "phase" ? { kind, phaseId } : kind === "lane" ? { kind, laneId } : kind === "selection" ? { kind, itemIds: [...chosen].slice(0, MAX_VOTE_ITEMS) } : { kind: "board" };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = openVoteSchema.safeParse({ title, scope: scope(), votesPerPerson: Number(votes), stacking, visibility });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path[0] === "votesPerPerson" ? `Votes per person: a whole number from 1 to ${MAX_VOTES_PER_PERSON}.` : issue.path[0] === "scope" ? "Choose the items the vote is over." : issue.message;
      return setError(where);
    }
    setBusy(true);
    const problem = await openVote(parsed.data);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  const toggle = (itemId: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (!next.delete(itemId)) next.add(itemId);
      return next;
    });

  return (
    <Dialog open title="Open a dot vote" description="Owners, editors and commenters vote by clicking dots on bars, cards and rows." onClose={onClose} width="max-w-lg" testId="open-vote">
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" aria-label="Open a dot vote">
        <Field label="Question" htmlFor={`${id}-title`}>
          <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} className={inputClass} autoFocus />
        </Field>
        <Field label="Over" htmlFor={`${id}-scope`}>
          <select id={`${id}-scope`} value={kind} onChange={(e) => setKind(e.target.value as ScopeKind)} className={inputClass}>
            {(Object.keys(SCOPE_LABELS) as ScopeKind[]).map((k) => (
              <option key={k} value={k} disabled={(k === "phase" && snapshot.phases.length === 0) || (k === "lane" && snapshot.lanes.length === 0)}>
                {SCOPE_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {kind === "phase" && (
          <select aria-label="Phase" value={phaseId} onChange={(e) => setPhaseId(e.target.value)} className={inputClass}>
            {snapshot.phases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
        {kind === "lane" && (
          <select aria-label="Lane" value={laneId} onChange={(e) => setLaneId(e.target.value)} className={inputClass}>
            {snapshot.lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        )}
        {kind === "selection" && (
          <fieldset className="max-h-48 overflow-y-auto rounded-md border border-slate-200 p-2 dark:border-slate-700">
            <legend className="px-1 text-xs text-slate-500 dark:text-slate-400">{chosen.size} chosen</legend>
            {snapshot.items.map((item) => (
              <label key={item.id} className="flex items-center gap-2 py-0.5 text-sm">
                <input type="checkbox" checked={chosen.has(item.id)} onChange={() => toggle(item.id)} />
                <span className="truncate">{item.title || "Untitled item"}</span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="flex flex-wrap items-end gap-4">
          <Field label="Votes per person" htmlFor={`${id}-votes`}>
            <input id={`${id}-votes`} type="number" min={1} max={MAX_VOTES_PER_PERSON} value={votes} onChange={(e) => setVotes(e.target.value)} className={`${controlClass} w-20`} />
          </Field>
          <label className="flex items-center gap-2 pb-1.5 text-sm">
            <input type="checkbox" checked={stacking} onChange={(e) => setStacking(e.target.checked)} />
            Several votes may go on one item
          </label>
        </div>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="mb-1 text-xs font-medium text-slate-500 dark:text-slate-400">Counts</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-visibility`} checked={visibility === "hidden"} onChange={() => setVisibility("hidden")} />
            Hidden until you reveal them (nobody sees them before, you neither)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-visibility`} checked={visibility === "open"} onChange={() => setVisibility("open")} />
            Shown as people vote
          </label>
        </fieldset>
        <FormError message={error} />
        <DialogActions onCancel={onClose} label="Open the vote" busyLabel="Opening…" busy={busy} />
      </form>
    </Dialog>
  );
}
