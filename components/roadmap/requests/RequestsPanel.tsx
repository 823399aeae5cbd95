"use client";

import { useId, useMemo, useState } from "react";
import { MAX_REQUEST_NOTE, OPEN_REQUEST_STATES, type DependencyRequestView, type RequestAction } from "../../../lib/protocol/dependencyRequests";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { SUPPORTED_DATE_BOUNDS } from "../../ui/DateInput";
import { controlClass } from "../../ui/Field";
import { PanelFrame } from "../../ui/PanelFrame";
import { formatLongDate } from "../labels";
import type { DependencyRequests } from "./useDependencyRequests";

interface RequestsPanelProps {
  requests: DependencyRequests;
  snapshot: BoardSnapshot;
  onReveal: (itemId: string) => void;
  onClose: () => void;
}

const STATE_LABELS: Record<DependencyRequestView["state"], string> = {
  requested: "Requested",
  countered: "Countered",
  committed: "Committed",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

const isOpen = (r: DependencyRequestView) => OPEN_REQUEST_STATES.includes(r.state);

/**
 * Each team's (lane's) open requests, in (asked of it) and out (asked by it), with the actions
 * the reader may take (docs/teams.md); then the declined ones, until this reader dismisses them.
 */
export function RequestsPanel({ requests, snapshot, onReveal, onClose }: RequestsPanelProps) {
  const titles = useMemo(() => new Map(snapshot.items.map((i) => [i.id as string, i.title.trim() || "Untitled item"])), [snapshot.items]);
  const lanes = useMemo(() => {
    const open = requests.requests.filter(isOpen);
    const list = [...snapshot.lanes.map((l) => ({ id: l.id as string | null, name: l.name || "Unnamed lane" })), { id: null, name: "No lane" }];
    return list
      .map((lane) => ({ ...lane, in: open.filter((r) => r.fromLaneId === lane.id), out: open.filter((r) => r.toLaneId === lane.id) }))
      .filter((lane) => lane.in.length + lane.out.length > 0);
  }, [requests.requests, snapshot.lanes]);
  const declined = requests.shown.filter((r) => r.state === "declined");
  return (
    <PanelFrame id="requests-panel" testId="requests-panel" label="Requests" header={<h2 className="text-sm font-semibold">Requests between teams</h2>} closeLabel="Close requests" onClose={onClose}>
      <div className="flex-1 overflow-y-auto">
        {requests.error && (
          <p role="alert" className="px-4 py-2 text-sm text-rose-600 dark:text-rose-400">
            {requests.error}
          </p>
        )}
        {lanes.length === 0 && (
          <p className="p-4 text-sm text-slate-500 dark:text-slate-400">No open requests. Ask another team from an item’s panel: “Request from another team…”.</p>
        )}
        {lanes.map((lane) => (
          <section key={lane.id ?? "none"} data-testid="request-lane" aria-label={lane.name} className="border-b border-slate-100 py-2 dark:border-slate-800">
            <h3 className="px-4 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{lane.name}</h3>
            <RequestList label="Asked of this team" list={lane.in} titles={titles} requests={requests} onReveal={onReveal} />
            <RequestList label="Asked by this team" list={lane.out} titles={titles} requests={requests} onReveal={onReveal} />
          </section>
        ))}
        {declined.length > 0 && (
          <section aria-label="Declined" className="py-2">
            <h3 className="px-4 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Declined</h3>
            <ul>
              {declined.map((r) => (
                <RequestRow key={r.id} request={r} titles={titles} requests={requests} onReveal={onReveal} />
              ))}
            </ul>
          </section>
        )}
      </div>
    </PanelFrame>
  );
}

function RequestList({ label, list, titles, requests, onReveal }: { label: string; list: DependencyRequestView[]; titles: ReadonlyMap<string, string>; requests: DependencyRequests; onReveal: (itemId: string) => void }) {
  if (list.length === 0) return null;
  return (
    <div>
      <p className="px-4 pt-1 text-xs text-slate-500 dark:text-slate-400">{label}</p>
      <ul>
        {list.map((r) => (
          <RequestRow key={r.id} request={r} titles={titles} requests={requests} onReveal={onReveal} />
        ))}
      </ul>
    </div>
  );
}

type Mode = "commit" | "counter" | "decline" | null;

function RequestRow({ request: r, titles, requests, onReveal }: { request: DependencyRequestView; titles: ReadonlyMap<string, string>; requests: DependencyRequests; onReveal: (itemId: string) => void }) {
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = (id: string) => `“${titles.get(id) ?? "A deleted item"}”`;
  const open = isOpen(r);
  // The requester accepts a counter; the predecessor's team (or a board owner) answers.
  const ownerActions = open && r.mayAnswer && (!r.mayWithdraw || r.state === "requested");
  const acceptCounter = r.state === "countered" && r.mayAnswer && r.mayWithdraw;

  async function run(action: RequestAction, input: Record<string, string> = {}) {
    setBusy(true);
    const result = await requests.answer(r.id, action, input);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setMode(null);
  }

  const button = "rounded-md border border-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800";
  return (
    <li data-testid="request" data-request-id={r.id} data-state={r.state} className="px-4 py-1.5 text-sm">
      <button type="button" onClick={() => onReveal(r.toItemId)} className="text-left text-slate-800 hover:underline dark:text-slate-100">
        {title(r.toItemId)} needs {title(r.fromItemId)}
      </button>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        <span data-testid="request-state" className="font-medium text-slate-700 dark:text-slate-200">
          {STATE_LABELS[r.state]}
        </span>{" "}
        · needed by {formatLongDate(r.neededBy)} · asked by {r.requesterName}
        {r.state === "countered" && r.counterDate && <> · offered {formatLongDate(r.counterDate)}</>}
        {r.state === "committed" && r.committedFinish && <> · by {formatLongDate(r.committedFinish)}</>}
      </p>
      {r.note && <p className="mt-0.5 text-xs italic text-slate-600 dark:text-slate-300">{r.note}</p>}
      {r.answer?.note && (
        <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">
          {r.answer.byName}: {r.answer.note}
        </p>
      )}
      <div className="mt-1 flex flex-wrap gap-1.5">
        {ownerActions && (
          <>
            <button type="button" className={button} aria-expanded={mode === "commit"} onClick={() => setMode(mode === "commit" ? null : "commit")}>
              Commit…
            </button>
            <button type="button" className={button} aria-expanded={mode === "counter"} onClick={() => setMode(mode === "counter" ? null : "counter")}>
              Counter…
            </button>
            <button type="button" className={button} aria-expanded={mode === "decline"} onClick={() => setMode(mode === "decline" ? null : "decline")}>
              Decline…
            </button>
          </>
        )}
        {acceptCounter && (
          <button type="button" className={button} disabled={busy} onClick={() => void run("accept-counter")}>
            Accept counter
          </button>
        )}
        {open && r.mayWithdraw && (
          <button type="button" className={button} disabled={busy} onClick={() => void run("withdraw")}>
            Withdraw
          </button>
        )}
        {r.state === "declined" && (
          <button type="button" className={button} onClick={() => requests.dismiss(r.id)}>
            Dismiss
          </button>
        )}
      </div>
      {mode && <AnswerForm key={mode} mode={mode} request={r} busy={busy} onSubmit={run} />}
      {error && (
        <p role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
    </li>
  );
}

const SUBMIT: Record<Exclude<Mode, null>, { label: string; action: RequestAction; dateLabel: string | null }> = {
  commit: { label: "Commit", action: "commit", dateLabel: "Finish by" },
  counter: { label: "Send counter", action: "counter", dateLabel: "Can finish by" },
  decline: { label: "Decline", action: "decline", dateLabel: null },
};

function AnswerForm({ mode, request, busy, onSubmit }: { mode: Exclude<Mode, null>; request: DependencyRequestView; busy: boolean; onSubmit: (action: RequestAction, input: Record<string, string>) => Promise<void> }) {
  const ids = { date: useId(), note: useId() };
  const what = SUBMIT[mode];
  const [date, setDate] = useState(request.counterDate ?? request.neededBy);
  const [note, setNote] = useState("");
  return (
    <form
      className="mt-1.5 flex flex-col gap-1.5 rounded-md bg-slate-50 p-2 dark:bg-slate-800/60"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = note.trim();
        const input: Record<string, string> = what.dateLabel ? { [mode === "commit" ? "finish" : "date"]: date } : {};
        if (trimmed || mode === "decline") input.note = trimmed;
        void onSubmit(what.action, input);
      }}
    >
      {what.dateLabel && (
        <label htmlFor={ids.date} className="flex items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-300">
          {what.dateLabel}
          <input id={ids.date} type="date" required value={date} onChange={(e) => setDate(e.target.value)} className={`${controlClass} py-0.5 text-xs`} {...SUPPORTED_DATE_BOUNDS} />
        </label>
      )}
      <label htmlFor={ids.note} className="text-xs text-slate-600 dark:text-slate-300">
        {mode === "decline" ? "Why (the requester reads it)" : "Note (optional)"}
      </label>
      <textarea id={ids.note} rows={2} value={note} required={mode === "decline"} maxLength={MAX_REQUEST_NOTE} onChange={(e) => setNote(e.target.value)} className={`${controlClass} text-xs`} />
      <button type="submit" disabled={busy} className="self-end rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60">
        {what.label}
      </button>
    </form>
  );
}
