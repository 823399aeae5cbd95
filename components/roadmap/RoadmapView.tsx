"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { layoutBoard } from "../../lib/derive/boardLayout";
import { makeCalendar, nextWorkingDay } from "../../lib/derive/calendar";
import { fromDayNumber, toDayNumber, type DateString } from "../../lib/model/dates";
import type { TimeScale } from "../../lib/model/schemas";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { BoardSession, Peer } from "../collab/boardSession";
import { timelineGeometry } from "./geometry";
import { ItemPanel } from "./ItemPanel";
import { Timeline } from "./Timeline";
import { UnscheduledTray } from "./UnscheduledTray";
import { useItemCommands } from "./useItemCommands";
import { useToday } from "./useToday";
import { ZoomControl } from "./ZoomControl";

interface RoadmapViewProps {
  session: BoardSession;
  snapshot: BoardSnapshot;
  peers: Peer[];
}

const NEW_ITEM_DURATION = 5;

/** The board once loaded: toolbar, timeline, the selected item's panel, the unscheduled tray. */
export function RoadmapView({ session, snapshot, peers }: RoadmapViewProps) {
  // Zoom is a personal view choice: it starts at the board's scale but is not written back,
  // so one person zooming out in a workshop does not change everyone else's screen.
  const [scale, setScale] = useState<TimeScale>(snapshot.board.timeScale);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [freshId, setFreshId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const today = useToday();

  const calendar = useMemo(() => makeCalendar(snapshot.board), [snapshot.board]);
  const layout = useMemo(() => layoutBoard(snapshot), [snapshot]);
  const geometry = useMemo(() => timelineGeometry(snapshot, layout, scale), [snapshot, layout, scale]);
  const todayDay = today ? toDayNumber(today) : null;

  useEffect(() => session.setSelection(selectedId), [session, selectedId]);
  useEffect(() => () => clearTimeout(noticeTimer.current), []);

  const showNotice = useCallback((message: string) => {
    setNotice(message);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), 5000);
  }, []);
  const commands = useItemCommands(session.doc, session.origin, showNotice);

  const peerSelections = useMemo(() => {
    const out = new Map<string, { name: string; color: string }>();
    for (const peer of peers) if (!peer.isLocal && peer.selection) out.set(peer.selection, { name: peer.name, color: peer.color });
    return out;
  }, [peers]);

  const select = useCallback((itemId: string | null) => {
    setSelectedId(itemId);
    setFreshId(null);
  }, []);

  const createAt = useCallback(
    (laneId: string | null, start: DateString) => {
      const id = commands.create({ title: "New item", laneId, start, duration: NEW_ITEM_DURATION, status: "planned" });
      if (id) {
        setSelectedId(id);
        setFreshId(id);
      }
    },
    [commands],
  );

  const addItem = () => {
    const { startDay, endDay } = geometry.axis;
    const horizonStart = toDayNumber(snapshot.board.horizonStart);
    const base = todayDay !== null && todayDay >= startDay && todayDay < endDay ? todayDay : horizonStart;
    createAt(snapshot.lanes[0]?.id ?? null, fromDayNumber(nextWorkingDay(calendar, base)));
  };

  const resize = useCallback((itemId: string, duration: number) => commands.update(itemId, { duration }), [commands]);

  const unscheduled = useMemo(() => {
    const ids = new Set(layout.unscheduled);
    return snapshot.items.filter((i) => ids.has(i.id));
  }, [snapshot.items, layout.unscheduled]);

  const selectedItem = selectedId ? snapshot.items.find((i) => i.id === selectedId) : undefined;

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div className="flex h-12 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
        <ZoomControl value={scale} onChange={setScale} />
        <p className="hidden text-xs text-slate-500 md:block dark:text-slate-400">
          Drag a bar to reschedule it or move it to another lane · double-click a lane to add an item there
        </p>
        <div className="flex-1" />
        <button
          type="button"
          onClick={addItem}
          className="flex items-center gap-1.5 rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          Add item
        </button>
      </div>
      <div className="flex min-h-0 flex-1">
        <div className="min-w-0 flex-1">
          <Timeline
            snapshot={snapshot}
            layout={layout}
            geometry={geometry}
            calendar={calendar}
            todayDay={todayDay}
            selectedId={selectedId}
            peerSelections={peerSelections}
            onSelect={select}
            onMove={commands.move}
            onResize={resize}
            onCreateAt={createAt}
          />
        </div>
        {selectedId && (
          <ItemPanel
            itemId={selectedId}
            item={selectedItem}
            lanes={snapshot.lanes}
            phases={snapshot.phases}
            calendar={calendar}
            autoFocusTitle={freshId === selectedId}
            onUpdate={commands.update}
            onDelete={(id) => {
              commands.remove(id);
              select(null);
            }}
            onClose={() => select(null)}
          />
        )}
      </div>
      <UnscheduledTray items={unscheduled} lanes={snapshot.lanes} selectedId={selectedId} onSelect={select} />
      {notice && (
        <div
          role="status"
          className="absolute bottom-16 left-1/2 z-50 -translate-x-1/2 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
        >
          {notice}
        </div>
      )}
    </div>
  );
}
