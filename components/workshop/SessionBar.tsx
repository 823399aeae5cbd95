"use client";

import { useState } from "react";
import { presenceColorFor } from "../../lib/protocol/presenceColor";
import type { WorkshopView } from "../../lib/protocol/workshops";
import { Avatar } from "../board/Avatar";
import { ConfirmDialog } from "../roadmap/versions/ConfirmDialog";
import { STEP_KIND_LABELS } from "./AgendaEditor";
import { formatCountdown } from "./serverClock";
import { useCountdown } from "./useCountdown";
import type { WorkshopBinding } from "./useWorkshop";
import type { WorkshopPanel } from "./useWorkshopUi";
import { voteWords } from "./voteWords";

const MAX_AVATARS = 8;
const barButton =
  "whitespace-nowrap rounded-md border border-indigo-200 bg-white px-2 py-0.5 text-xs font-medium text-indigo-900 hover:bg-indigo-50 disabled:opacity-40 dark:border-indigo-500/40 dark:bg-slate-900 dark:text-indigo-100 dark:hover:bg-indigo-500/15";

interface SessionBarProps {
  binding: WorkshopBinding;
  workshop: WorkshopView;
  selfId: string;
  /** False for a guest on a share link: no drafts to read. */
  member: boolean;
  /** The facilitator, or an owner: the controls are theirs. */
  facilitating: boolean;
  panel: WorkshopPanel | null;
  onPanel: (panel: WorkshopPanel | null) => void;
  onOpenVote: () => void;
}

/**
 * The strip every member on the board sees while a workshop runs: its title, the step (n of m),
 * the countdown from the server's clock, who takes part, the vote and the drafts; the
 * facilitator's controls beside them. Failures of a control are said in place.
 */
export function SessionBar({ binding, workshop, selfId, member, facilitating, panel, onPanel, onOpenVote }: SessionBarProps) {
  const { left, ended } = useCountdown(workshop.timer, binding.clock);
  const [error, setError] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const step = workshop.agenda[workshop.step];
  const last = workshop.step >= workshop.agenda.length - 1;
  const run = async (p: Promise<string | null>) => setError(await p);
  const running = workshop.timer.state === "running";
  const present = workshop.participants.filter((p) => p.present);
  const others = workshop.participants.filter((p) => p.id !== selfId && p.present);
  const vote = workshop.vote;
  const togglePanel = (which: WorkshopPanel) => onPanel(panel === which ? null : which);

  return (
    <section
      aria-label="Workshop"
      data-testid="session-bar"
      data-timer={workshop.timer.state}
      data-step={workshop.step}
      className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-indigo-200 bg-indigo-50 px-3 py-1.5 text-sm text-indigo-950 dark:border-indigo-500/30 dark:bg-indigo-950/40 dark:text-indigo-50"
    >
      <span className="flex min-w-0 items-center gap-2">
        <span className="truncate font-semibold" data-testid="workshop-title">
          {workshop.title}
        </span>
        {step && (
          <span className="min-w-0 truncate text-indigo-800 dark:text-indigo-200" data-testid="workshop-step">
            Step {workshop.step + 1} of {workshop.agenda.length}: {step.title}
            <span className="ml-1.5 rounded-full bg-indigo-100 px-1.5 text-[11px] font-medium dark:bg-indigo-500/20">{STEP_KIND_LABELS[step.kind]}</span>
          </span>
        )}
      </span>
      <span
        role="timer"
        aria-label={`Time left in this step: ${formatCountdown(left)}${running ? "" : workshop.timer.state === "paused" ? ", paused" : ", not started"}`}
        data-testid="workshop-countdown"
        data-ended={ended || undefined}
        className={`rounded-md px-2 py-0.5 font-mono text-base font-semibold tabular-nums ${
          ended ? "animate-pulse bg-amber-200 text-amber-950 dark:bg-amber-500/30 dark:text-amber-100" : running ? "bg-white dark:bg-slate-900" : "bg-white/60 text-indigo-800/80 dark:bg-slate-900/60 dark:text-indigo-200"
        }`}
      >
        {formatCountdown(left)}
      </span>
      {ended && (
        <span role="status" className="text-xs font-medium text-amber-900 dark:text-amber-200">
          Time is up
        </span>
      )}
      {facilitating && (
        <span className="flex flex-wrap items-center gap-1" data-testid="facilitator-controls">
          <button type="button" className={barButton} onClick={() => void run(binding.actions.act({ action: running ? "pause-timer" : "start-timer" }))}>
            {running ? "Pause" : workshop.timer.state === "paused" ? "Resume" : "Start timer"}
          </button>
          <button type="button" className={barButton} aria-label="Add 1 minute" onClick={() => void run(binding.actions.act({ action: "add-minutes", minutes: 1 }))}>
            +1 min
          </button>
          <button type="button" className={barButton} aria-label="Add 5 minutes" onClick={() => void run(binding.actions.act({ action: "add-minutes", minutes: 5 }))}>
            +5 min
          </button>
          <button type="button" className={barButton} disabled={last} onClick={() => void run(binding.actions.act({ action: "next-step" }))}>
            Next step
          </button>
          {others.length > 0 && (
            <select
              aria-label="Hand over the workshop to"
              value=""
              onChange={(e) => e.target.value && void run(binding.actions.act({ action: "hand-over", userId: e.target.value }))}
              className={`${barButton} py-0.5`}
            >
              <option value="">Hand over…</option>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
          {(!vote || vote.state !== "open") && (
            <button type="button" className={barButton} onClick={onOpenVote}>
              Open a vote
            </button>
          )}
          <button type="button" className={`${barButton} text-rose-800 dark:text-rose-200`} onClick={() => setConfirmEnd(true)}>
            End workshop
          </button>
        </span>
      )}
      <span className="ml-auto flex items-center gap-2">
        {vote && (
          <button type="button" className={barButton} aria-pressed={panel === "vote"} onClick={() => togglePanel("vote")} data-testid="vote-status">
            {voteWords(vote, workshop.mine)}
          </button>
        )}
        {workshop.drafting.state !== "closed" && member && (
          <button type="button" className={barButton} aria-pressed={panel === "drafts"} onClick={() => togglePanel("drafts")} data-testid="drafts-toggle">
            {workshop.drafting.state === "open" ? `Drafts (${workshop.drafting.count} in all)` : "Revealed drafts"}
          </button>
        )}
        <ul aria-label={`Taking part: ${present.length}`} className="flex items-center -space-x-1.5" data-testid="workshop-participants">
          {present.slice(0, MAX_AVATARS).map((p) => (
            <li key={p.id} title={p.id === workshop.facilitator.id ? `${p.name} (facilitator)` : p.name} data-name={p.name}>
              <Avatar name={p.name} color={presenceColorFor(p.id)} size={24} />
              <span className="sr-only">{p.id === workshop.facilitator.id ? `${p.name}, facilitator` : p.name}</span>
            </li>
          ))}
          {present.length > MAX_AVATARS && <li className="pl-2.5 text-xs text-indigo-800 dark:text-indigo-200">+{present.length - MAX_AVATARS}</li>}
        </ul>
        {!facilitating && <span className="text-xs text-indigo-800 dark:text-indigo-200">Facilitated by {workshop.facilitator.name}</span>}
      </span>
      {error && (
        <p role="alert" className="w-full text-xs text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      {confirmEnd && (
        <ConfirmDialog
          title="End the workshop?"
          message="The session bar closes for everyone and the workshop's record is kept: who took part, the agenda as run, the votes, the drafts and what changed on the board."
          confirmLabel="End workshop"
          busyLabel="Ending…"
          testId="end-workshop"
          onConfirm={() => binding.actions.act({ action: "end" })}
          onClose={() => setConfirmEnd(false)}
        />
      )}
    </section>
  );
}
