"use client";

import { useState } from "react";
import type { TimeScale } from "../../../lib/model/schemas";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { TimelineActions } from "../commands/useTimelineActions";
import { useBoardData } from "../data/useBoardData";
import { Timeline } from "../timeline/Timeline";
import { PastItemCard } from "./PastItemCard";

interface PastTimelineProps {
  /** The board as it was at the replay's step. */
  snapshot: BoardSnapshot;
  /** This viewer's zoom and folded lanes, as on the live timeline. */
  scale: TimeScale;
  collapsed: ReadonlySet<string>;
  /** Restores the selected item from the version shown; absent where it cannot be (not a version, or read-only). */
  onRestoreItem?: (item: { id: string; title: string }) => void;
  /** Why an item cannot be restored from here, when it could be from elsewhere. */
  restoreHint?: string;
}

/** Nothing on a past board can be changed: its gestures do nothing (the Timeline is read-only too). */
const NO_ACTIONS: TimelineActions = { link: () => {}, duplicate: () => {}, removeDependencies: () => {}, remove: () => {}, setPin: () => {} };
const NOTHING = () => {};
const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/**
 * The board as it was, drawn by the normal timeline in read-only mode from a snapshot the server
 * rebuilt (no live document: nothing here can write). Bars can be selected, to read an item as
 * it was and, at a version, to restore it.
 */
export function PastTimeline({ snapshot, scale, collapsed, onRestoreItem, restoreHint }: PastTimelineProps) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const data = useBoardData({ snapshot, peers: [], scale, collapsed, criticalView: false, commentCounts: NO_COUNTS });
  const selected = selectedId ? (snapshot.items.find((i) => i.id === selectedId) ?? null) : null;
  return (
    <div className="relative min-h-0 flex-1" data-testid="past-board">
      <Timeline
        snapshot={snapshot}
        layout={data.layout}
        geometry={data.geometry}
        calendar={data.calendar}
        todayDay={data.todayDay}
        selectedId={selectedId}
        peerSelections={data.peerSelections}
        onSelect={setSelectedId}
        onMove={NOTHING}
        onResize={NOTHING}
        onCreateAt={NOTHING}
        actions={NO_ACTIONS}
        laneLoads={data.loads}
        onToggleLane={NOTHING}
        decor={data.decor}
        readOnly
      />
      {/* A frame in the banner's colour around the whole board: this is not the live one. */}
      <div aria-hidden className="pointer-events-none absolute inset-0 z-40 border-4 border-t-0 border-amber-300 dark:border-amber-500/50" />
      {selected && (
        <PastItemCard
          item={selected}
          scheduled={data.scheduled.get(selected.id) ?? null}
          lane={snapshot.lanes.find((l) => l.id === selected.laneId)?.name ?? null}
          onRestore={onRestoreItem ? () => onRestoreItem({ id: selected.id, title: selected.title }) : undefined}
          hint={restoreHint}
          onClose={() => setSelectedId(null)}
        />
      )}
    </div>
  );
}
