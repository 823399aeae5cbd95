"use client";

import type { SyntheticEvent } from "react";
import { countOf } from "../../lib/format/plural";
import { useItemVote } from "./voteContext";

/** Presses on the chip are its own: the timeline behind would select, pan or create an item. */
const keep = (e: SyntheticEvent) => e.stopPropagation();

const dotButton =
  "grid size-5 place-items-center rounded-full text-xs font-bold leading-none hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-35 dark:hover:bg-amber-500/20";

/**
 * An item's place in the dot vote, on its bar, card or row: the count (when the vote is open or
 * revealed), my dots, and for voters "+" to put a vote on it and "−" to take one back.
 */
export function VoteChip({ itemId, title, className = "", style }: { itemId: string; title: string; className?: string; style?: React.CSSProperties }) {
  const vote = useItemVote(itemId);
  if (!vote || (!vote.canVote && vote.count === null)) return null;
  const name = title || "Untitled item";
  return (
    <span
      data-testid="vote-chip"
      data-item-id={itemId}
      data-count={vote.count ?? undefined}
      data-mine={vote.own}
      onPointerDown={keep}
      onClick={keep}
      onDoubleClick={keep}
      onKeyDown={keep}
      className={`inline-flex items-center gap-0.5 rounded-full bg-white px-0.5 text-[11px] text-slate-800 shadow-sm ring-1 ring-amber-400 dark:bg-slate-900 dark:text-slate-100 dark:ring-amber-500/70 ${className}`}
      style={style}
    >
      {vote.count !== null && (
        <span data-testid="vote-count" title={`${countOf(vote.count, "vote")} on ${name}`} className="flex items-center gap-0.5 px-1 font-semibold tabular-nums">
          <span aria-hidden className="size-2 rounded-full bg-amber-500" />
          <span className="sr-only">Votes:</span>
          {vote.count}
        </span>
      )}
      {vote.canVote && (
        <>
          {vote.own > 0 && (
            <button type="button" aria-label={`Take back a vote from ${name}`} title="Take back one of your votes" className={dotButton} disabled={!vote.canTakeBack} onClick={vote.takeBack}>
              −
            </button>
          )}
          {vote.own > 0 && (
            <span className="flex items-center gap-px" title={`Your votes: ${vote.own}`}>
              {Array.from({ length: Math.min(vote.own, 10) }, (_, i) => (
                <span key={i} aria-hidden className="size-1.5 rounded-full bg-indigo-600 dark:bg-indigo-400" />
              ))}
              <span className="sr-only">{countOf(vote.own, "of your votes", "of your votes")} on it</span>
            </span>
          )}
          <button type="button" aria-label={`Vote for ${name}`} title="Put one of your votes on it" className={dotButton} disabled={!vote.canAdd} onClick={vote.add}>
            +
          </button>
        </>
      )}
    </span>
  );
}
