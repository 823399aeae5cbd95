"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { phaseColumns } from "../../../lib/derive/phaseColumns";
import type { PhaseSpan } from "../../../lib/derive/types";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { formatShortDate } from "../labels";
import type { TimelineDecor } from "../timeline/Timeline";
import { ARROW_DIRECTIONS, keyboardMove, neighbourCard } from "./cardKeys";
import { PhaseCard, type PhaseCardProps } from "./PhaseCard";
import { PhaseColumnView } from "./PhaseColumnView";
import { useCardDrag, type CardDropTarget } from "./useCardDrag";
import { formatDateSpan } from "../labels";

interface PhaseBoardProps {
  snapshot: BoardSnapshot;
  phaseSpans: readonly PhaseSpan[];
  decor: Pick<TimelineDecor, "scheduled" | "conflicts" | "commentCounts">;
  selectedId: string | null;
  peerSelections: ReadonlyMap<string, { name: string; color: string }>;
  onSelect: (itemId: string | null) => void;
  /** Writes one moveCard command; `phaseId` null is the No phase column. */
  onMoveCard: (itemId: string, phaseId: string | null, beforeId: string | null) => void;
  /** Cards can be opened but not moved. */
  readOnly: boolean;
}

const HELP_ID = "phase-board-help";
const NO_LANE = { name: "No lane", color: "#94a3b8" };

/**
 * The phase board: one column per phase in phase order, then "No phase". Cards are dragged
 * between and within columns (one moveCard per drop) or moved with Alt+Arrow keys; clicking or
 * Enter opens the item's panel, as a bar does on the timeline.
 */
export function PhaseBoard(props: PhaseBoardProps) {
  const { snapshot, phaseSpans, decor, selectedId, peerSelections, onSelect, onMoveCard, readOnly } = props;
  const boardRef = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => phaseColumns(snapshot), [snapshot]);
  const columnIds = useMemo(() => columns.map((c) => c.items.map((i) => i.id as string)), [columns]);
  const [announcement, setAnnouncement] = useState("");
  /** A card moved by keyboard: focus follows it into its new place once the snapshot has it there. */
  const refocus = useRef<{ id: string; column: number } | null>(null);

  const drop = useCallback(
    (id: string, target: CardDropTarget) => {
      const column = columns[target.column];
      if (!column) return;
      const others = column.items.filter((i) => i.id !== id);
      onMoveCard(id, column.phase?.id ?? null, others[target.index]?.id ?? null);
    },
    [columns, onMoveCard],
  );
  const { drag, onPointerDown } = useCardDrag({ boardRef, readOnly, onDrop: drop, onClick: onSelect });

  // Read through a ref, so the handlers every card holds stay the same object across snapshots
  // and memo skips the cards a change did not touch (2,000 cards re-rendering costs a second).
  const keys = useRef({ columnIds, columns, onMoveCard, onSelect, readOnly });
  useLayoutEffect(() => {
    keys.current = { columnIds, columns, onMoveCard, onSelect, readOnly };
  });
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLElement>, id: string) => {
    const { columnIds, columns, onMoveCard, onSelect, readOnly } = keys.current;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onSelect(id);
      return;
    }
    const direction = ARROW_DIRECTIONS[e.key];
    if (!direction || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    if (!e.altKey) {
      const next = neighbourCard(columnIds, id, direction);
      if (next) boardRef.current?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(next)}"]`)?.focus();
      return;
    }
    if (readOnly) {
      setAnnouncement("This board is view only: cards cannot be moved.");
      return;
    }
    const move = keyboardMove(columnIds, id, direction);
    const column = move && columns[move.column];
    if (!move || !column) return;
    refocus.current = { id, column: move.column };
    onMoveCard(id, column.phase?.id ?? null, move.beforeId);
  }, []);

  // After a keyboard move the card re-mounts in its new column: put the focus back on it there
  // and say where it landed (for screen readers; sighted people see it move).
  useLayoutEffect(() => {
    const want = refocus.current;
    if (!want) return;
    const row = columnIds[want.column]?.indexOf(want.id) ?? -1;
    if (row < 0) return;
    refocus.current = null;
    boardRef.current?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(want.id)}"]`)?.focus();
    const column = columns[want.column]!;
    const title = column.items[row]?.title || "Untitled item";
    setAnnouncement(`Moved “${title}” to ${column.phase?.name ?? "No phase"}, position ${row + 1} of ${column.items.length}.`);
  }, [columnIds, columns]);

  // A card chosen elsewhere (a conflict, a change list, the table) is brought into view.
  useEffect(() => {
    if (selectedId) boardRef.current?.querySelector(`[data-card-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectedId]);

  const handlers = useMemo(() => ({ onPointerDown, onKeyDown }), [onPointerDown, onKeyDown]);
  const lanes = useMemo(() => new Map(snapshot.lanes.map((l) => [l.id as string, l])), [snapshot.lanes]);
  const draggingId = drag?.id ?? null;
  const cards = useMemo(
    () =>
      columns.map((column) =>
        column.items.map((item): PhaseCardProps => {
          const lane = (item.laneId && lanes.get(item.laneId)) || NO_LANE;
          const scheduled = decor.scheduled.get(item.id);
          const badge = decor.conflicts.badges.get(item.id);
          return {
            id: item.id,
            title: item.title,
            laneName: lane.name,
            laneColor: lane.color,
            status: item.status,
            priority: item.priority,
            owners: item.owners,
            dates: scheduled ? formatDateSpan(scheduled.start, scheduled.finish) : "Unscheduled",
            badgeSeverity: badge?.severity ?? null,
            badgeCount: badge?.count ?? 0,
            badgeText: badge?.text ?? "",
            commentCount: decor.commentCounts.get(item.id) ?? 0,
            selected: item.id === selectedId,
            peer: peerSelections.get(item.id) ?? null,
            placeholder: item.id === draggingId,
            readOnly,
            describedBy: readOnly ? undefined : HELP_ID,
            handlers,
          };
        }),
      ),
    [columns, lanes, decor, selectedId, peerSelections, draggingId, readOnly, handlers],
  );

  const subtitles = useMemo(() => {
    const spans = new Map(phaseSpans.map((s) => [s.phaseId as string, s]));
    const milestones = new Map(snapshot.milestones.map((m) => [m.id as string, m]));
    return columns.map(({ phase }) => {
      if (!phase) return "Items not in any phase yet";
      const span = spans.get(phase.id);
      const release = phase.milestoneId ? milestones.get(phase.milestoneId) : undefined;
      const parts = [span ? formatDateSpan(span.start, span.finish) : "Not scheduled"];
      if (release) parts.push(`◆ ${release.title || "Milestone"} ${formatShortDate(release.date)}`);
      return parts.join(" · ");
    });
  }, [columns, phaseSpans, snapshot.milestones]);

  const ghost = drag && cards.flat().find((c) => c.id === drag.id);
  return (
    <div ref={boardRef} data-testid="phase-board" data-dragging={drag !== null || undefined} className="flex h-full gap-3 overflow-x-auto bg-slate-50 p-4 dark:bg-slate-950">
      {columns.map((column, i) => (
        <PhaseColumnView
          key={column.phase?.id ?? "no-phase"}
          column={column}
          index={i}
          subtitle={subtitles[i] ?? ""}
          dropTop={drag?.target?.column === i ? drag.target.top : null}
          readOnly={readOnly}
          cards={cards[i]!}
        />
      ))}
      <p id={HELP_ID} className="sr-only">
        Press Enter to open. Alt and the arrow keys move the card up, down, or to the next phase.
      </p>
      <p aria-live="polite" className="sr-only" data-testid="card-announcement">
        {announcement}
      </p>
      {drag && ghost && (
        <div
          className="pointer-events-none fixed z-50"
          style={{ left: drag.rect.left, top: drag.rect.top, width: drag.rect.width, transform: `translate(${drag.dx}px, ${drag.dy}px)` }}
        >
          <PhaseCard {...ghost} placeholder={false} ghost />
        </div>
      )}
    </div>
  );
}
