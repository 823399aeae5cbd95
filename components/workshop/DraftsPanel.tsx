"use client";

import { useId, useState, type FormEvent } from "react";
import { countOf } from "../../lib/format/plural";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { DRAFT_SIZE_DAYS, DRAFT_SIZES, draftInputSchema, MAX_DRAFT_TITLE, type DraftView } from "../../lib/protocol/workshops";
import { CommitInput } from "../ui/CommitInput";
import { controlClass, inputClass } from "../ui/Field";
import { PanelFrame } from "../ui/PanelFrame";
import { RemoveButton } from "../ui/RemoveButton";
import { useDrafts } from "./useDrafts";
import type { WorkshopUi } from "./useWorkshopUi";

type Size = (typeof DRAFT_SIZES)[number];
const SIZE_WORDS: Record<Size, string> = { S: "S (1 week)", M: "M (2 weeks)", L: "L (4 weeks)", XL: "XL (8 weeks)" };

/**
 * Private drafting: while a draft step runs, each person writes items only they can see (title,
 * lane, phase, rough size). The facilitator reveals everyone's at once, into the unscheduled tray
 * (each in its drafted lane) or one lane; the server writes them as items, which reach every
 * board through sync.
 */
export function DraftsPanel({ ui, snapshot, onSelectItem }: { ui: WorkshopUi; snapshot: BoardSnapshot; onSelectItem: (itemId: string) => void }) {
  const workshop = ui.binding.workshop!;
  const { state, count } = workshop.drafting;
  const drafts = useDrafts(ui.binding.boardId, workshop.id, state, count);
  const [revealTo, setRevealTo] = useState<string>("tray");
  const [error, setError] = useState<string | null>(null);
  const mine = (drafts.drafts ?? []).filter((d) => d.author.id === ui.selfId);
  const open = state === "open";

  return (
    <PanelFrame id="drafts-panel" testId="drafts-panel" label="Drafts" header={<h2 className="text-sm font-semibold">{open ? "My drafts" : "Revealed drafts"}</h2>} closeLabel="Close drafts" onClose={() => ui.setPanel(null)}>
      <div className="flex flex-1 flex-col gap-3 overflow-y-auto p-4 text-sm">
        {open ? (
          <p className="text-slate-600 dark:text-slate-300" data-testid="drafting-summary">
            Only you see your drafts until the facilitator reveals them. {countOf(count, "draft")} written so far by everyone.
          </p>
        ) : (
          <p className="text-slate-600 dark:text-slate-300">The drafts are on the board now, as items anyone may edit.</p>
        )}
        {open && ui.canTakePart && <NewDraft snapshot={snapshot} add={drafts.add} />}
        {(drafts.error || error) && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error ?? drafts.error}
          </p>
        )}
        {open ? (
          mine.length > 0 && (
            <ul aria-label="My drafts" className="flex flex-col gap-2">
              {mine.map((draft) => (
                <MyDraft key={draft.id} draft={draft} snapshot={snapshot} edit={drafts.edit} remove={drafts.remove} onError={setError} />
              ))}
            </ul>
          )
        ) : (
          <ul aria-label="Revealed drafts" className="flex flex-col gap-1">
            {(drafts.drafts ?? []).map((draft) => (
              <li key={draft.id} className="flex items-center gap-2">
                {draft.itemId ? (
                  <button type="button" onClick={() => onSelectItem(draft.itemId!)} className="min-w-0 flex-1 truncate text-left hover:underline">
                    {draft.title}
                  </button>
                ) : (
                  <span className="min-w-0 flex-1 truncate">{draft.title}</span>
                )}
                <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{draft.author.name}</span>
              </li>
            ))}
          </ul>
        )}
        {open && ui.facilitating && (
          <div className="mt-auto flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700" data-testid="reveal-drafts">
            <label className="text-xs font-medium text-slate-500 dark:text-slate-400" htmlFor="reveal-drafts-to">
              Reveal everyone’s drafts into
            </label>
            <select id="reveal-drafts-to" value={revealTo} onChange={(e) => setRevealTo(e.target.value)} className={controlClass}>
              <option value="tray">The unscheduled tray (each in its lane)</option>
              {snapshot.lanes.map((lane) => (
                <option key={lane.id} value={lane.id}>
                  Lane: {lane.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
              onClick={async () => setError(await ui.binding.actions.revealDrafts(revealTo === "tray" ? { kind: "tray" } : { kind: "lane", laneId: revealTo }))}
            >
              Reveal drafts
            </button>
          </div>
        )}
      </div>
    </PanelFrame>
  );
}

function NewDraft({ snapshot, add }: { snapshot: BoardSnapshot; add: ReturnType<typeof useDrafts>["add"] }) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [laneId, setLaneId] = useState("");
  const [phaseId, setPhaseId] = useState("");
  const [size, setSize] = useState<Size>("M");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = draftInputSchema.safeParse({ title, laneId: laneId || null, phaseId: phaseId || null, size });
    if (!parsed.success) return setError(parsed.error.issues[0]!.message);
    setBusy(true);
    const problem = await add(parsed.data);
    setBusy(false);
    setError(problem);
    if (!problem) setTitle("");
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="New draft" className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <label htmlFor={`${id}-title`} className="text-xs font-medium text-slate-500 dark:text-slate-400">
        New draft
      </label>
      <input id={`${id}-title`} value={title} maxLength={MAX_DRAFT_TITLE} onChange={(e) => setTitle(e.target.value)} placeholder="An item the roadmap misses" className={inputClass} />
      <div className="grid grid-cols-3 gap-1.5">
        <DraftSelects snapshot={snapshot} laneId={laneId} phaseId={phaseId} size={size} onLane={setLaneId} onPhase={setPhaseId} onSize={setSize} label="new draft" />
      </div>
      {error && (
        <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="self-end rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
        Add draft
      </button>
    </form>
  );
}

interface MyDraftProps {
  draft: DraftView;
  snapshot: BoardSnapshot;
  edit: ReturnType<typeof useDrafts>["edit"];
  remove: ReturnType<typeof useDrafts>["remove"];
  onError: (error: string | null) => void;
}

function MyDraft({ draft, snapshot, edit, remove, onError }: MyDraftProps) {
  const change = async (patch: Parameters<MyDraftProps["edit"]>[1]) => onError(await edit(draft.id, patch));
  return (
    <li data-testid="my-draft" data-title={draft.title} className="flex flex-col gap-1.5 rounded-lg border border-slate-200 p-2 dark:border-slate-700">
      <div className="flex items-center gap-1">
        <CommitInput
          aria-label={`Title of draft ${draft.title}`}
          value={draft.title}
          maxLength={MAX_DRAFT_TITLE}
          validate={(v) => (v.trim() ? null : "Give the draft a title.")}
          onCommit={(title) => void change({ title: title.trim() })}
          className={`${inputClass} py-1`}
        />
        <RemoveButton label={`Delete draft ${draft.title}`} onClick={async () => onError(await remove(draft.id))} />
      </div>
      <div className="grid grid-cols-3 gap-1.5">
        <DraftSelects
          snapshot={snapshot}
          laneId={draft.laneId ?? ""}
          phaseId={draft.phaseId ?? ""}
          size={draft.size}
          onLane={(laneId) => void change({ laneId: laneId || null })}
          onPhase={(phaseId) => void change({ phaseId: phaseId || null })}
          onSize={(size) => void change({ size })}
          label={`draft ${draft.title}`}
        />
      </div>
    </li>
  );
}

interface DraftSelectsProps {
  snapshot: BoardSnapshot;
  laneId: string;
  phaseId: string;
  size: Size;
  onLane: (laneId: string) => void;
  onPhase: (phaseId: string) => void;
  onSize: (size: Size) => void;
  label: string;
}

function DraftSelects({ snapshot, laneId, phaseId, size, onLane, onPhase, onSize, label }: DraftSelectsProps) {
  const small = `${controlClass} min-w-0 px-1.5 py-1 text-xs`;
  return (
    <>
      <select aria-label={`Lane of ${label}`} value={laneId} onChange={(e) => onLane(e.target.value)} className={small}>
        <option value="">No lane</option>
        {snapshot.lanes.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <select aria-label={`Phase of ${label}`} value={phaseId} onChange={(e) => onPhase(e.target.value)} className={small}>
        <option value="">No phase</option>
        {snapshot.phases.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <select aria-label={`Size of ${label}`} value={size} onChange={(e) => onSize(e.target.value as Size)} className={small} title={`${DRAFT_SIZE_DAYS[size]} working days`}>
        {DRAFT_SIZES.map((s) => (
          <option key={s} value={s}>
            {SIZE_WORDS[s]}
          </option>
        ))}
      </select>
    </>
  );
}
