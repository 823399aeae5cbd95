"use client";

import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from "react";
import type { Conflict } from "../../lib/derive/types";
import type { Item } from "../../lib/model/schemas";
import type { BoardSession } from "../collab/boardSession";

/**
 * Which item this person has selected (shown to others through presence), whether it was just
 * made here (its title gets the focus), and bringing an item or milestone into view on request.
 */
export function useSelection(session: BoardSession, items: readonly Item[], rootRef: RefObject<HTMLElement | null>) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [freshId, setFreshId] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ id: string; seq: number } | null>(null);

  useEffect(() => session.setSelection(selectedId), [session, selectedId]);

  const select = useCallback((itemId: string | null) => {
    setSelectedId(itemId);
    setFreshId(null);
  }, []);
  /** Selects an item this person just created. */
  const selectNew = useCallback((itemId: string) => {
    setSelectedId(itemId);
    setFreshId(itemId);
  }, []);
  /** An item that went away: deselect it if it was the selected one. */
  const forget = useCallback((itemId: string) => setSelectedId((current) => (current === itemId ? null : current)), []);

  // Scrolls there even when that item was already selected: every request has its own seq.
  const scrollTo = useCallback((id: string) => setReveal((r) => ({ id, seq: (r?.seq ?? 0) + 1 })), []);
  useLayoutEffect(() => {
    if (!reveal) return;
    const id = CSS.escape(reveal.id);
    const el = rootRef.current?.querySelector<HTMLElement>(
      `[data-testid="item-bar"][data-item-id="${id}"], [data-testid="unscheduled-item"][data-item-id="${id}"], [data-milestone-id="${id}"]`,
    );
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [reveal, rootRef]);

  /** Selects an item and scrolls to it (from the changes card). */
  const revealItem = useCallback(
    (itemId: string) => {
      select(itemId);
      scrollTo(itemId);
    },
    [select, scrollTo],
  );

  /** A conflict clicked in the panel: select the first item it names (or point at its milestone). */
  const revealConflict = useCallback(
    (conflict: Conflict) => {
      const itemIds = new Set<string>(items.map((i) => i.id));
      const target = conflict.objectIds.find((id) => itemIds.has(id)) ?? conflict.objectIds[0];
      if (!target) return;
      if (itemIds.has(target)) select(target);
      scrollTo(target);
    },
    [items, select, scrollTo],
  );

  return { selectedId, freshId, select, selectNew, forget, revealItem, revealConflict };
}

export type Selection = ReturnType<typeof useSelection>;
