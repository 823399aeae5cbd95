"use client";

import { formatDateTime } from "../../../lib/format/dates";
import { formatCount } from "../../../lib/format/numbers";
import type { Replay } from "./useReplay";
import { stepSummary } from "./historySteps";

/**
 * Across the top of the past board, so nobody mistakes it for the live one: when it shows,
 * "Back to now", and the slider over the steps (arrow keys, Home and End move it; each step is
 * spoken as what happened and when).
 */
export function ReplayBanner({ replay, onBack }: { replay: Replay; onBack: () => void }) {
  const { steps, index, moment, loading, error } = replay;
  const now = new Date();
  const count = steps?.length ?? 0;
  const when = moment ? formatDateTime(moment, { now }) : null;
  return (
    <div data-testid="replay-banner" className="shrink-0 border-b border-amber-300 bg-amber-100 px-3 py-2 text-amber-950 sm:px-4 dark:border-amber-500/40 dark:bg-amber-500/15 dark:text-amber-100">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p role="status" className="min-w-0 flex-1 text-sm font-medium">
          {when ? `Viewing the board as it was on ${when}` : "Loading the board as it was…"}
          {loading && when ? <span className="font-normal"> · loading…</span> : null}
          <span className="font-normal"> · read-only</span>
        </p>
        <button
          type="button"
          onClick={onBack}
          className="whitespace-nowrap rounded-md bg-amber-900 px-3 py-1 text-xs font-semibold text-white hover:bg-amber-800 dark:bg-amber-200 dark:text-amber-950 dark:hover:bg-amber-100"
        >
          Back to now
        </button>
      </div>
      {replay.past?.partial && (
        <p className="mt-1 text-xs">Too many changes to replay up to this moment: the board shows the last one reached, a little earlier.</p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-rose-800 dark:text-rose-200">
          {error}
        </p>
      )}
      {steps && count > 0 && (
        <div className="mt-1.5 flex items-center gap-2">
          <button type="button" aria-label="Earlier step" disabled={index <= 0} onClick={() => replay.goTo(index - 1)} className={STEP_BUTTON}>
            ‹
          </button>
          <input
            type="range"
            aria-label="Step through the board's history"
            data-testid="history-slider"
            min={0}
            max={Math.max(0, count - 1)}
            step={1}
            value={index}
            aria-valuetext={`${stepSummary(steps[index]!)}, ${formatDateTime(steps[index]!.at, { now })} (step ${index + 1} of ${count})`}
            onChange={(e) => replay.goTo(Number(e.target.value))}
            className="min-w-0 flex-1 accent-amber-700"
          />
          <button type="button" aria-label="Later step" disabled={index >= count - 1} onClick={() => replay.goTo(index + 1)} className={STEP_BUTTON}>
            ›
          </button>
          <span className="whitespace-nowrap text-xs tabular-nums">
            Step {formatCount(index + 1)} of {formatCount(count)}
          </span>
        </div>
      )}
      {steps && count === 0 && <p className="mt-1 text-xs">Nothing recorded yet: save a version, or come back after some changes.</p>}
    </div>
  );
}

const STEP_BUTTON =
  "grid size-6 place-items-center rounded-md border border-amber-400 text-sm font-semibold hover:bg-amber-200 disabled:opacity-40 dark:border-amber-500/50 dark:hover:bg-amber-500/20";
