"use client";

import { useState } from "react";
import type { Result } from "../../../lib/model/result";
import { controlClass } from "../../ui/Field";

/**
 * The last refusal of a setup command, and a runner that records it: setup editors write one
 * lib/model command per change and show the command's own reason when it refuses one.
 */
export function useCommandProblem(): [string | null, (result: Result<unknown>) => void] {
  const [problem, setProblem] = useState<string | null>(null);
  return [problem, (result) => setProblem(result.ok ? null : result.error)];
}

export function ProblemLine({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
      {problem}
    </p>
  );
}

const arrowClass = "rounded px-1.5 py-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 disabled:opacity-30 dark:hover:bg-slate-800 dark:hover:text-slate-100";

/** Up and down buttons for a row of an ordered list (lanes, phases). */
export function MoveButtons({ name, onUp, onDown }: { name: string; onUp: (() => void) | null; onDown: (() => void) | null }) {
  return (
    <span className="flex">
      <button type="button" aria-label={`Move ${name} up`} disabled={!onUp} onClick={onUp ?? undefined} className={arrowClass}>
        ↑
      </button>
      <button type="button" aria-label={`Move ${name} down`} disabled={!onDown} onClick={onDown ?? undefined} className={arrowClass}>
        ↓
      </button>
    </span>
  );
}

/**
 * Where `ids[index]` goes when moved one step: the id to insert it before (null = the end), or
 * undefined when it is already at that end. Matches reorderLane / reorderPhase.
 */
export function beforeIdForStep(ids: readonly string[], index: number, step: -1 | 1): string | null | undefined {
  if (step === -1) return index > 0 ? ids[index - 1] : undefined;
  if (index >= ids.length - 1) return undefined;
  return ids[index + 2] ?? null;
}

export const deleteButtonClass = "rounded-md px-2 py-1.5 text-sm text-rose-600 hover:bg-rose-50 dark:text-rose-400 dark:hover:bg-rose-500/10";
export const addButtonClass = "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50";

/** The row under a list that adds one more by name (a lane, a phase). */
export function AddByNameForm({ label, placeholder, button, onAdd }: { label: string; placeholder: string; button: string; onAdd: (name: string) => void }) {
  const [name, setName] = useState("");
  return (
    <form
      className="flex items-center gap-2 border-t border-slate-200 pt-3 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        onAdd(name.trim());
        setName("");
      }}
    >
      <input aria-label={label} placeholder={placeholder} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} className={`min-w-0 flex-1 ${controlClass}`} />
      <button type="submit" disabled={!name.trim()} className={addButtonClass}>
        {button}
      </button>
    </form>
  );
}
