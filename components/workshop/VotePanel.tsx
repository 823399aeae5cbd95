"use client";

import { useId, useMemo, useState } from "react";
import { countOf } from "../../lib/format/plural";
import type { ItemId, PhaseId } from "../../lib/model/ids";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { applyVoteOutcome } from "../../lib/model/voteCommands";
import { rankVote, topVoted } from "../../lib/model/voteRanking";
import type { BoardSession } from "../collab/boardSession";
import type { UndoMark } from "../collab/undoHistory";
import { controlClass } from "../ui/Field";
import { PanelFrame } from "../ui/PanelFrame";
import type { WorkshopUi } from "./useWorkshopUi";
import { voteWords } from "./voteWords";
import { useLaneAccess } from "../teams/laneAccess";

const smallButton =
  "rounded-md border border-slate-200 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800";

interface VotePanelProps {
  ui: WorkshopUi;
  snapshot: BoardSnapshot;
  session: BoardSession;
  onSelectItem: (itemId: string) => void;
  /** Says what the outcome did, with the board's toast (and its undo). */
  notify: (message: string, undo?: UndoMark | null) => void;
}

/**
 * The vote beside the board: its rules, my remaining votes, and once counts are visible (an open
 * vote, or after the reveal) the items ranked. The facilitator closes and reveals it, and after
 * the reveal applies the result: the top K into a phase or marked must-have, as ONE change their
 * undo takes back (lib/model/voteCommands.ts), written with their own session's origin.
 */
export function VotePanel({ ui, snapshot, session, onSelectItem, notify }: VotePanelProps) {
  const id = useId();
  const workshop = ui.binding.workshop!;
  const vote = workshop.vote!;
  const titles = useMemo(() => new Map(snapshot.items.map((item) => [item.id as string, item.title])), [snapshot.items]);
  const ranked = useMemo(
    () => (vote.counts ? rankVote(vote.itemIds, vote.counts, (itemId) => (titles.has(itemId) ? titles.get(itemId) || "Untitled item" : undefined)).filter((r) => titles.has(r.itemId)) : []),
    [vote, titles],
  );
  const [k, setK] = useState(3);
  const mvp = snapshot.phases.find((p) => /mvp/i.test(p.name)) ?? snapshot.phases[0];
  const [phaseId, setPhaseId] = useState<string>(mvp?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const access = useLaneAccess();
  const top = topVoted(ranked, k);
  const run = async (p: Promise<string | null>) => setError(await p);

  const apply = (outcome: "phase" | "must-have") => {
    const ids = top.map((r) => r.itemId as ItemId);
    // Items of lanes owned by another team are theirs to move (docs/teams.md): say so, write nothing.
    const stopped = ids.map((itemId) => access.refusalFor({ itemId })).find((why) => why !== null);
    if (stopped) return setError(stopped);
    const result = applyVoteOutcome(session.doc, session.origin, ids, outcome === "phase" ? { kind: "phase", phaseId: phaseId as PhaseId } : { kind: "must-have" });
    if (!result.ok) return setError(`Could not apply the result: ${result.error}.`);
    setError(null);
    const where = outcome === "phase" ? `into ${snapshot.phases.find((p) => p.id === phaseId)?.name ?? "the phase"}` : "as must-have";
    const verb = outcome === "phase" ? "Moved" : "Marked";
    notify(
      result.value.changed === 0
        ? `The top ${countOf(top.length, "item")} were already ${outcome === "phase" ? "in that phase" : "must-have"}.`
        : `${verb} ${countOf(result.value.changed, "item")} ${where}.`,
      result.value.changed > 0 ? session.history.mark() : null,
    );
  };

  return (
    <PanelFrame
      id="vote-panel"
      testId="vote-panel"
      label="Vote"
      header={<h2 className="truncate text-sm font-semibold">Vote: {vote.title}</h2>}
      closeLabel="Close the vote panel"
      onClose={() => ui.setPanel(null)}
    >
      <div className="flex flex-1 flex-col gap-3 overflow-y-auto p-4 text-sm">
        <p className="text-slate-600 dark:text-slate-300" data-testid="vote-summary">
          {voteWords(vote, workshop.mine)}. {countOf(vote.itemIds.length, "item")} in the vote, {countOf(vote.votesPerPerson, "vote")} each
          {vote.stacking ? ", several may go on one item" : ", one per item"}; {vote.state === "revealed" ? "counts revealed" : vote.visibility === "hidden" ? "counts hidden until the reveal" : "counts shown as they come"}.
        </p>
        {vote.state === "open" && ui.canTakePart && (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-500/10 dark:text-amber-100" data-testid="my-votes">
            {workshop.mine ? `You have ${countOf(workshop.mine.remaining, "vote")} left.` : "Loading your votes…"} Click + on a bar, card or row to vote, − to take a vote back.
          </p>
        )}
        {vote.state === "open" && !ui.canTakePart && <p className="text-slate-600 dark:text-slate-300">Viewers follow the vote; owners, editors and commenters vote.</p>}
        {ui.voteError && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {ui.voteError}
          </p>
        )}
        {ui.facilitating && vote.state !== "revealed" && (
          <div className="flex flex-wrap gap-2">
            {vote.state === "open" && (
              <button type="button" className={smallButton} onClick={() => void run(ui.binding.actions.voteState("closed"))}>
                Close voting
              </button>
            )}
            <button
              type="button"
              className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-500"
              onClick={() => void run(ui.binding.actions.voteState("revealed"))}
            >
              Reveal the result
            </button>
          </div>
        )}
        {ranked.length > 0 && (
          <ol aria-label="Ranked result" data-testid="vote-ranking" className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-700">
            {ranked.map((r, i) => (
              <li key={r.itemId} data-item-id={r.itemId} data-votes={r.votes} className="flex items-center gap-2 px-2 py-1.5">
                <span className="w-5 text-right text-xs tabular-nums text-slate-500 dark:text-slate-400">{i + 1}.</span>
                <button type="button" onClick={() => onSelectItem(r.itemId)} className="min-w-0 flex-1 truncate text-left hover:underline">
                  {r.title}
                </button>
                <span className="shrink-0 font-semibold tabular-nums" aria-label={countOf(r.votes, "vote")}>
                  {r.votes}
                </span>
              </li>
            ))}
          </ol>
        )}
        {vote.state === "revealed" && ui.facilitating && ui.canStart && (
          <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700" data-testid="vote-outcome">
            <legend className="px-1 text-xs font-medium text-slate-500 dark:text-slate-400">Apply the result</legend>
            <label className="flex items-center gap-2 text-xs" htmlFor={`${id}-k`}>
              Top
              <input
                id={`${id}-k`}
                type="number"
                min={1}
                max={100}
                value={k}
                onChange={(e) => setK(Math.max(1, Math.min(100, Math.floor(Number(e.target.value) || 1))))}
                className={`${controlClass} w-16`}
              />
              <span>{top.length < k ? `(${countOf(top.length, "item")} got votes)` : "items"}</span>
            </label>
            {snapshot.phases.length > 0 && (
              <div className="flex flex-wrap items-center gap-2">
                <select aria-label="Phase to move them into" value={phaseId} onChange={(e) => setPhaseId(e.target.value)} className={controlClass}>
                  {snapshot.phases.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <button type="button" className={smallButton} disabled={top.length === 0 || !phaseId} onClick={() => apply("phase")}>
                  Move top {top.length} into phase
                </button>
              </div>
            )}
            <button type="button" className={`${smallButton} self-start`} disabled={top.length === 0} onClick={() => apply("must-have")}>
              Mark top {top.length} must-have
            </button>
            <p className="text-xs text-slate-500 dark:text-slate-400">One change: Undo takes it back.</p>
          </fieldset>
        )}
        {error && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        )}
      </div>
    </PanelFrame>
  );
}
