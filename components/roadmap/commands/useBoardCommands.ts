"use client";

import type { ProposalDraft } from "../../proposals/ProposeDialog";
import { useCallback, useEffect, useRef, useState } from "react";
import { nextWorkingDay, type WorkCalendar } from "../../../lib/derive/calendar";
import { fromDayNumber, toDayNumber, type DateString } from "../../../lib/model/dates";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { BoardSession } from "../../collab/boardSession";
import { useChainFix } from "../conflicts/useChainFix";
import type { UndoMark } from "../../collab/undoHistory";
import { deletedMessage, titleOf } from "./deletedItem";
import { useFixAction } from "../conflicts/useFixAction";
import { useMoveCard } from "../phases/useMoveCard";
import type { TimelineGeometry } from "../timeline/geometry";
import type { Selection } from "../useSelection";
import { useDependencyActions } from "./useDependencyActions";
import { useItemCommands } from "./useItemCommands";
import { useTimelineActions } from "./useTimelineActions";
import { useLaneGate } from "./useLaneGate";

/** Working days of an item added with the toolbar or a double-click. */
const NEW_ITEM_DURATION = 5;
/** How long a notice stays at the bottom of the board; one that offers Undo stays longer. */
const NOTICE_MS = 5000;
const UNDO_NOTICE_MS = 10_000;

/** A short message at the bottom of the board; `undo` offers to take the step back on the spot. */
export interface BoardNotice {
  message: string;
  undo?: UndoMark | null;
  /** Something to do about it right there (open the version an import took first). */
  action?: { label: string; run: () => void } | null;
}

interface BoardCommandsOptions {
  session: BoardSession;
  snapshot: BoardSnapshot;
  calendar: WorkCalendar;
  geometry: TimelineGeometry;
  todayDay: number | null;
  selection: Selection;
  /** Opens an item's comments tab; absent where comments cannot be read (guests). */
  openItemComments?: (itemId: string) => void;
  /** Opens the propose dialog filled in with an edit the lane rules stopped (docs/teams.md "Proposals"). */
  propose?: (draft: ProposalDraft) => void;
}

/**
 * What the board's views, panels and toolbar do to the document, each a named command of this
 * session, and the notice that says why one did nothing. New items are selected with their
 * title ready to type; removed ones are deselected.
 */
export function useBoardCommands({ session, snapshot, calendar, geometry, todayDay, selection, openItemComments, propose }: BoardCommandsOptions) {
  const [notice, setNotice] = useState<BoardNotice | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(noticeTimer.current), []);
  const showNotice = useCallback((message: string, undo?: UndoMark | null, action?: BoardNotice["action"]) => {
    setNotice({ message, undo, action });
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), undo || action ? UNDO_NOTICE_MS : NOTICE_MS);
  }, []);
  const dismissNotice = useCallback(() => {
    clearTimeout(noticeTimer.current);
    setNotice(null);
  }, []);
  /** Says what was deleted and offers Undo right there (the step the deletion just made). */
  const announceDeleted = useCallback((title: string) => showNotice(deletedMessage(title), session.history.mark()), [session, showNotice]);

  const { doc, origin } = session;
  // Every command below passes the lane gate first: an edit of a lane owned by another team
  // stops here with its reason, before anything is written (docs/teams.md).
  const gate = useLaneGate(snapshot, showNotice, propose);
  const items = gate.items(useItemCommands(doc, origin, showNotice));
  const dependencyActions = gate.dependencies(useDependencyActions(doc, origin));
  const applyFix = gate.fix(useFixAction(doc, origin));
  const chainFix = gate.chain(useChainFix(doc, origin));
  const moveCard = gate.card(useMoveCard(doc, origin, showNotice));
  const { select, selectNew, forget } = selection;

  const createAt = useCallback(
    (laneId: string | null, start: DateString, duration = NEW_ITEM_DURATION) => {
      const id = items.create({ title: "New item", laneId, start, duration, status: "planned" });
      if (id) selectNew(id);
    },
    [items, selectNew],
  );

  /** The toolbar's "Add item": in the first lane, today if today is on the axis, else at the horizon's start. */
  const addItem = () => {
    const { startDay, endDay } = geometry.axis;
    const horizonStart = toDayNumber(snapshot.board.horizonStart);
    const base = todayDay !== null && todayDay >= startDay && todayDay < endDay ? todayDay : horizonStart;
    createAt(snapshot.lanes[0]?.id ?? null, fromDayNumber(nextWorkingDay(calendar, base)));
  };

  const resize = useCallback((itemId: string, duration: number) => items.update(itemId, { duration }), [items]);
  const removeItem = (itemId: string) => {
    const title = titleOf(doc, itemId);
    // null: refused (and said why); undefined: done.
    if (items.remove(itemId) !== null) announceDeleted(title);
    select(null);
  };
  const timelineActions = gate.timeline(useTimelineActions(doc, origin, { select, forget, onError: showNotice, onDeleted: announceDeleted, openComments: openItemComments }));

  return { notice, showNotice, dismissNotice, announceDeleted, update: items.update, move: items.move, createAt, addItem, resize, removeItem, dependencyActions, applyFix, chainFix, moveCard, timelineActions };
}

export type BoardCommands = ReturnType<typeof useBoardCommands>;
