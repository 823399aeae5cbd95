"use client";

import { useId, useMemo, useState } from "react";
import { MAX_REQUEST_NOTE } from "../../../lib/protocol/dependencyRequests";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { Dialog } from "../../ui/Dialog";
import { SUPPORTED_DATE_BOUNDS } from "../../ui/DateInput";
import { Field, inputClass } from "../../ui/Field";
import type { DependencyRequests } from "./useDependencyRequests";

interface RequestDialogProps {
  /** The item that needs the other team's work (the successor). */
  itemId: string;
  snapshot: BoardSnapshot;
  /** When the item is scheduled to start: the needed-by date offered first. */
  suggestedDate: string | null;
  ask: DependencyRequests["ask"];
  onDone: (message: string) => void;
  onClose: () => void;
}

const untitled = (title: string) => title.trim() || "Untitled item";

/**
 * "Request from another team…" (docs/teams.md): pick the other team's item this one needs,
 * the date it is needed by and a note. The server checks who may ask; its refusal is shown here.
 */
export function RequestDialog({ itemId, snapshot, suggestedDate, ask, onDone, onClose }: RequestDialogProps) {
  const ids = { item: useId(), date: useId(), note: useId(), error: useId() };
  const item = snapshot.items.find((i) => i.id === itemId);
  // Other lanes' items first: a request is for another team's work; same-lane items are listed after.
  const groups = useMemo(() => {
    const lanes = snapshot.lanes.map((lane) => ({ id: lane.id as string, name: lane.name || "Unnamed lane", items: [] as { id: string; title: string }[] }));
    const noLane = { id: "", name: "No lane", items: [] as { id: string; title: string }[] };
    for (const other of snapshot.items) {
      if (other.id === itemId) continue;
      const group = lanes.find((l) => l.id === other.laneId) ?? noLane;
      group.items.push({ id: other.id, title: untitled(other.title) });
    }
    const own = item?.laneId ?? null;
    return [...lanes.filter((l) => l.id !== own), ...lanes.filter((l) => l.id === own), noLane].filter((g) => g.items.length > 0);
  }, [snapshot.lanes, snapshot.items, itemId, item?.laneId]);
  const [fromItemId, setFromItemId] = useState("");
  const [neededBy, setNeededBy] = useState(suggestedDate ?? "");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!fromItemId || !neededBy) return setError("Pick the item you need and the date you need it by.");
    setBusy(true);
    const result = await ask({ fromItemId, toItemId: itemId, neededBy, ...(note.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone("Request sent: the other team sees it in its inbox and in Requests.");
  }

  return (
    <Dialog open title="Request from another team" description={<>What does “{untitled(item?.title ?? "")}” need, and by when?</>} onClose={onClose} testId="request-dialog">
      <form onSubmit={submit} className="flex flex-col gap-3" aria-describedby={error ? ids.error : undefined}>
        <Field label="The item you need finished" htmlFor={ids.item}>
          <select id={ids.item} value={fromItemId} onChange={(e) => setFromItemId(e.target.value)} className={inputClass} required>
            <option value="">Pick an item…</option>
            {groups.map((g) => (
              <optgroup key={g.id || "none"} label={g.name}>
                {g.items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field label="Needed by" htmlFor={ids.date}>
          <input id={ids.date} type="date" value={neededBy} onChange={(e) => setNeededBy(e.target.value)} className={inputClass} required {...SUPPORTED_DATE_BOUNDS} />
        </Field>
        <Field label="Note" htmlFor={ids.note} hint="Why you need it: the other team reads it in the request's thread.">
          <textarea id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} maxLength={MAX_REQUEST_NOTE} rows={3} className={inputClass} />
        </Field>
        {error && (
          <p id={ids.error} role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Cancel
          </button>
          <button type="submit" disabled={busy} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60">
            Send request
          </button>
        </div>
      </form>
    </Dialog>
  );
}
