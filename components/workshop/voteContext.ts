"use client";

import { createContext, useContext } from "react";
import type { VotePublic } from "../../lib/protocol/workshops";

/**
 * The running vote as the board's bars, cards and rows draw it. Null when there is no vote to
 * show (no workshop, no vote yet, a guest). `canVote` is false for viewers: they see revealed or
 * open counts but no voting controls (the server refuses their ballots anyway).
 */
export interface VoteBinding {
  vote: VotePublic;
  items: ReadonlySet<string>;
  /** My votes per item and what I have left; null until the server told this person. */
  mine: { votes: Record<string, number>; remaining: number } | null;
  canVote: boolean;
  cast: (itemId: string, delta: 1 | -1) => void;
  /** A ballot is on its way: controls wait, so a double click does not spend two votes by accident. */
  pending: boolean;
}

export const VoteContext = createContext<VoteBinding | null>(null);

/** What one item shows of the vote, or null when it is not in it. */
export function useItemVote(itemId: string) {
  return itemVote(useContext(VoteContext), itemId);
}

/**
 * The rules behind an item's vote chip, pure: counts only when the server sent them; "+" while
 * the vote is open, this person may vote, has votes left and (without stacking) none on this item
 * yet; "−" while open and they have a vote on it. The server enforces the same; this only spares
 * people a refusal.
 */
export function itemVote(binding: VoteBinding | null, itemId: string) {
  if (!binding || !binding.items.has(itemId)) return null;
  const { vote, mine, canVote, pending, cast } = binding;
  const count = vote.counts ? (vote.counts[itemId] ?? 0) : null;
  const own = mine?.votes[itemId] ?? 0;
  const open = vote.state === "open";
  const canAdd = open && canVote && mine !== null && mine.remaining > 0 && (vote.stacking || own === 0) && !pending;
  const canTakeBack = open && canVote && own > 0 && !pending;
  return { count, own, open, canVote: canVote && open, canAdd, canTakeBack, add: () => cast(itemId, 1), takeBack: () => cast(itemId, -1) };
}
