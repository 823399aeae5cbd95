"use client";

import { useState } from "react";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { ProposalView } from "../../lib/protocol/proposals";
import { inputClass } from "../ui/Field";
import type { ProposalAnswer } from "./proposalsApi";
import { isStaleNow, proposalHeadline, proposalLines } from "./proposalLines";

interface ProposalCardProps {
  proposal: ProposalView;
  snapshot: BoardSnapshot;
  selfId: string | null;
  /** Sends an answer; resolves to an error sentence, or null once done. */
  onAnswer: (proposal: ProposalView, answer: ProposalAnswer) => Promise<string | null>;
  /** Opens the propose dialog filled with this proposal, to counter it. */
  onCounter: (proposal: ProposalView) => void;
}

const button = "rounded-md px-2.5 py-1 text-sm font-medium disabled:opacity-50";

/**
 * One open proposal as a reader sees it (docs/teams.md "Proposals"): who proposed what and why,
 * before / now / proposed when the item changed since, and the answers this reader may give:
 * accept, decline with a note, counter (the lane's answerers), withdraw (its author).
 */
export function ProposalCard({ proposal: p, snapshot, selfId, onAnswer, onCounter }: ProposalCardProps) {
  const stale = isStaleNow(p, snapshot);
  const lines = proposalLines(p, snapshot);
  const [declining, setDeclining] = useState(false);
  const [note, setNote] = useState("");
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (answer: ProposalAnswer) => {
    setBusy(true);
    setError(await onAnswer(p, answer));
    setBusy(false);
  };
  const mine = selfId !== null && p.authorId === selfId;
  return (
    <div data-testid="proposal-card" data-proposal-id={p.id} data-stale={stale} className="flex flex-col gap-2 text-sm">
      <div>
        <p className="font-medium">{proposalHeadline(p, snapshot)}</p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Proposed by <span data-testid="proposal-author">{p.authorName}</span>
          {p.counterOf ? " (a counter-proposal)" : ""}
        </p>
      </div>
      <p data-testid="proposal-reason" className="whitespace-pre-wrap rounded-md bg-slate-50 px-2 py-1.5 dark:bg-slate-800">
        {p.reason}
      </p>
      {stale && (
        <p role="status" data-testid="proposal-stale" className="rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {lines.length || p.change.kind === "remove" ? "The item changed since this was proposed." : ""}
          {p.change.kind !== "create" && !snapshot.items.some((i) => i.id === (p.change as { itemId: string }).itemId) ? " The item is gone." : ""}
        </p>
      )}
      {lines.length > 0 && (
        <table className="w-full text-left text-xs">
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="font-medium">Field</th>
              {stale && <th scope="col" className="font-medium">Before</th>}
              {stale && <th scope="col" className="font-medium">Now</th>}
              <th scope="col" className="font-medium">Proposed</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.field} data-testid="proposal-line" data-field={l.field}>
                <th scope="row" className="pr-2 font-normal text-slate-500 dark:text-slate-400">{l.label}</th>
                {stale && <td className="pr-2">{l.before}</td>}
                {stale && <td className="pr-2">{l.now}</td>}
                <td className="font-medium">{l.proposed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.mayAnswer && !declining && (
        <div className="flex flex-wrap items-center gap-2">
          {stale && (
            <label className="flex w-full items-center gap-1.5 text-xs">
              <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
              Accept it anyway, over the item as it is now
            </label>
          )}
          <button
            type="button"
            disabled={busy || (stale && !acknowledged)}
            onClick={() => void send({ kind: "accept", ...(stale ? { acknowledgeStale: true } : {}) })}
            className={`${button} bg-indigo-600 text-white hover:bg-indigo-500`}
          >
            Accept
          </button>
          <button type="button" disabled={busy} onClick={() => setDeclining(true)} className={`${button} border border-slate-300 dark:border-slate-600`}>
            Decline…
          </button>
          <button type="button" disabled={busy} onClick={() => onCounter(p)} className={`${button} border border-slate-300 dark:border-slate-600`}>
            Counter…
          </button>
        </div>
      )}
      {p.mayAnswer && declining && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ kind: "decline", note });
          }}
        >
          <label htmlFor={`decline-${p.id}`} className="text-xs font-medium text-slate-500 dark:text-slate-400">
            Why not? (the author reads this)
          </label>
          <textarea id={`decline-${p.id}`} required value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={inputClass} />
          <div className="flex gap-2">
            <button type="submit" disabled={busy || !note.trim()} className={`${button} bg-rose-600 text-white hover:bg-rose-500`}>
              Decline
            </button>
            <button type="button" onClick={() => setDeclining(false)} className={`${button} border border-slate-300 dark:border-slate-600`}>
              Back
            </button>
          </div>
        </form>
      )}
      {mine && (
        <div>
          <button type="button" disabled={busy} onClick={() => void send({ kind: "withdraw" })} className={`${button} border border-slate-300 dark:border-slate-600`}>
            Withdraw
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
    </div>
  );
}
