"use client";

import { useState } from "react";
import type { ChainPlan } from "../../../lib/derive/chainPlan";
import { countOf } from "../../../lib/format/plural";

interface ChainFixProps {
  /** The item the conflict's fix moves, by title. */
  title: string;
  /** Works out the plan on the board as it is now (called when the person opens the preview). */
  plan: () => ChainPlan | null;
  titleOf: (itemId: string) => string;
  /** Moves the item and everything after it as one command; returns why it was refused, or null. */
  onApply: () => string | null;
}

/** Items listed in the preview before "and N more". */
const LISTED = 6;

const shiftWords = (shift: number) => `${shift > 0 ? "+" : shift < 0 ? "−" : "±"}${Math.abs(shift)} wd`;

/**
 * "Move X and everything after it" (docs/scheduling.md): opens a preview of what moves and by
 * how many working days, then applies it as one command, one undo step. The preview is made
 * when opened, not for every conflict on every change: on a big board that would cost a
 * dependency walk per conflict per keystroke.
 */
export function ChainFix({ title, plan, titleOf, onApply }: ChainFixProps) {
  const [shown, setShown] = useState<ChainPlan | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  if (!shown)
    return (
      <button
        type="button"
        data-testid="chain-fix-open"
        aria-expanded={false}
        onClick={() => {
          setRefused(null);
          setShown(plan());
        }}
        className="mb-1.5 ml-6 mr-2 text-left text-xs font-medium text-indigo-600 hover:underline dark:text-indigo-400"
      >
        Move {title} and everything after it…
      </button>
    );
  const moves = shown.moves;
  return (
    <div data-testid="chain-fix" className="mb-1.5 ml-6 mr-2 rounded-md border border-indigo-200 bg-indigo-50/60 px-2 py-1.5 text-xs dark:border-indigo-500/30 dark:bg-indigo-500/10">
      <p className="font-medium text-slate-700 dark:text-slate-200">
        Moves {countOf(moves.length, "item")}
        <span className="font-normal text-slate-500 dark:text-slate-400"> (wd: working days)</span>
      </p>
      <ul data-testid="chain-fix-moves" className="mt-1 flex flex-col gap-0.5 text-slate-600 dark:text-slate-300">
        {moves.slice(0, LISTED).map((m) => (
          <li key={m.itemId} data-testid="chain-fix-move" className="flex gap-2">
            <span className="min-w-0 flex-1 truncate">{titleOf(m.itemId) || "Untitled item"}</span>
            <span className="shrink-0 tabular-nums">{m.from === null ? "placed" : shiftWords(m.shift)}</span>
            {m.write === null && <span className="shrink-0 text-slate-400">follows</span>}
          </li>
        ))}
        {moves.length > LISTED && <li className="text-slate-500">and {moves.length - LISTED} more</li>}
      </ul>
      <div className="mt-1.5 flex gap-2">
        <button
          type="button"
          data-testid="chain-fix-apply"
          onClick={() => {
            const why = onApply();
            setRefused(why);
            if (!why) setShown(null);
          }}
          className="rounded-md bg-indigo-600 px-2 py-1 font-medium text-white shadow-sm hover:bg-indigo-500"
        >
          Move {countOf(moves.length, "item")}
        </button>
        <button type="button" onClick={() => setShown(null)} className="rounded-md px-2 py-1 text-slate-600 hover:bg-white dark:text-slate-300 dark:hover:bg-slate-800">
          Cancel
        </button>
      </div>
      {refused && (
        <p role="alert" className="mt-1 text-rose-600 dark:text-rose-400">
          {refused}
        </p>
      )}
    </div>
  );
}
