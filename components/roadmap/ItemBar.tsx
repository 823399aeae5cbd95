import { memo, type KeyboardEvent, type PointerEvent } from "react";
import type { Severity } from "../../lib/derive/types";
import type { ItemStatus } from "../../lib/model/schemas";
import { SEVERITY_DOT } from "./conflictLabels";
import { BAR_HEIGHT, LANE_HEADER_WIDTH } from "./geometry";
import { STATUS_LABELS } from "./labels";
import type { DragMode } from "./useItemDrag";

export interface BarHandlers {
  onPointerDown: (event: PointerEvent<HTMLElement>, id: string, laneId: string, mode: DragMode) => void;
  onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  onPointerUp: (event: PointerEvent<HTMLElement>) => void;
  onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, id: string, laneId: string) => void;
}

export interface ItemBarProps {
  id: string;
  /** The lane the bar is drawn in (the pseudo-lane id for orphans). */
  laneId: string;
  title: string;
  status: ItemStatus;
  color: string;
  left: number;
  top: number;
  width: number;
  /** Draw the title right of the bar because the bar is too short for it. */
  labelOutside: boolean;
  /** The stored start date, exposed as data for tests and tools. */
  start: string;
  /** Dates for the tooltip, already formatted. */
  dates: string;
  /** False when the scheduler placed it after its dependencies (drawn with a dashed edge). */
  pinned: boolean;
  /** With the critical-path view on: stand out, or step back. */
  emphasis: "critical" | "dimmed" | null;
  /** Slack in words, for the tooltip. */
  slack: string;
  /** The worst severity of the conflicts the item is in, their count and messages. */
  badgeSeverity: Severity | null;
  badgeCount: number;
  badgeText: string;
  selected: boolean;
  /** Someone else who has this item selected. */
  peer: { name: string; color: string } | null;
  /** Offset (and, while resizing, width) during a drag: the bar follows the pointer. */
  drag: { x: number; y: number; width: number; label: string } | null;
  /** The viewer may not edit: no grab cursor, no resize grip (the handlers refuse moves too). */
  readOnly: boolean;
  handlers: BarHandlers;
}

/**
 * One item on the timeline. Takes only primitives so memo skips every bar a snapshot did not
 * change; a drag re-renders just the dragged bar.
 */
export const ItemBar = memo(function ItemBar(props: ItemBarProps) {
  const { id, laneId, title, status, color, left, top, width, labelOutside, start, dates, selected, peer, drag, readOnly, handlers } = props;
  const { pinned, emphasis, slack, badgeSeverity, badgeCount, badgeText } = props;
  const label = title || "Untitled item";
  // One box-shadow carries the lane accent, the selection ring, the critical ring and the drag
  // lift (classes would be overridden by the inline accent). An automatically placed bar gets a
  // dashed accent instead, drawn by a child, so pinned and placed bars tell apart at a glance.
  const shadows = pinned ? [`inset 3px 0 0 ${color}`] : [];
  if (selected) shadows.push("0 0 0 2px #6366f1");
  else if (emphasis === "critical") shadows.push("0 0 0 2px #f97316");
  else if (status === "at_risk") shadows.push("0 0 0 1px #f43f5e");
  if (drag) shadows.push("0 10px 20px -4px rgb(15 23 42 / 0.25)");
  return (
    <div
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      title={`${label}\n${dates} · ${STATUS_LABELS[status]}\n${slack}${pinned ? "" : "\nPlaced after its dependencies"}`}
      data-testid="item-bar"
      data-item-id={id}
      data-lane-id={laneId}
      data-start={start}
      data-status={status}
      data-pinned={pinned}
      data-critical={emphasis === "critical" || undefined}
      data-dimmed={emphasis === "dimmed" || undefined}
      data-draggable={!readOnly}
      onPointerDown={(e) => handlers.onPointerDown(e, id, laneId, "move")}
      onPointerMove={handlers.onPointerMove}
      onPointerUp={handlers.onPointerUp}
      onPointerCancel={handlers.onPointerCancel}
      onKeyDown={(e) => handlers.onKeyDown(e, id, laneId)}
      // The timeline behind clears the selection on click and creates items on double-click.
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      className={`absolute flex items-center gap-1.5 rounded-md px-2 text-xs font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400 dark:text-slate-100 ${
        drag ? "z-30 cursor-grabbing" : `z-10 ${readOnly ? "cursor-pointer" : "cursor-grab"} hover:brightness-[0.97] dark:hover:brightness-110`
      }`}
      style={{
        left,
        top,
        width: Math.max(drag ? drag.width : width, 6),
        height: BAR_HEIGHT,
        background: `color-mix(in srgb, ${color} ${status === "done" ? 10 : 22}%, var(--bar-base))`,
        boxShadow: shadows.join(", "),
        outline: peer && !selected ? `2px solid ${peer.color}` : undefined,
        // Placed by the scheduler, not by a person: a dashed rim says "this may move by itself".
        border: pinned ? undefined : `1px dashed color-mix(in srgb, ${color} 70%, transparent)`,
        transform: drag ? `translate(${drag.x}px, ${drag.y}px)` : undefined,
        opacity: emphasis === "dimmed" && !selected && !drag ? 0.35 : undefined,
        scrollMarginLeft: LANE_HEADER_WIDTH + 16,
        scrollMarginRight: labelOutside ? 200 : 16,
        scrollMarginTop: 160,
      }}
    >
      {!pinned && (
        <span aria-hidden className="pointer-events-none absolute inset-y-0 left-0 border-l-[3px] border-dashed" style={{ borderColor: color }} />
      )}
      {width >= 20 && <StatusMark status={status} color={color} />}
      {labelOutside ? (
        <span
          className={`absolute left-full ml-1.5 max-w-64 truncate whitespace-nowrap text-slate-700 dark:text-slate-200 ${status === "done" ? "opacity-60" : ""}`}
        >
          {label}
        </span>
      ) : (
        <span className={`truncate ${status === "done" ? "opacity-60" : ""}`}>{label}</span>
      )}
      {width >= 16 && !readOnly && (
        <span
          aria-hidden
          data-testid="item-resize"
          title="Drag to change the duration"
          onPointerDown={(e) => handlers.onPointerDown(e, id, laneId, "resize")}
          className="group absolute inset-y-0 -right-1 flex w-3 cursor-ew-resize items-center justify-center"
        >
          <span className="h-3.5 w-0.5 rounded-full bg-slate-500/0 group-hover:bg-slate-500/60" />
        </span>
      )}
      {peer && !selected && (
        <span
          className="pointer-events-none absolute -top-2.5 left-1 whitespace-nowrap rounded px-1 text-[10px] leading-3.5 font-semibold text-white"
          style={{ background: peer.color }}
        >
          {peer.name}
        </span>
      )}
      {badgeSeverity && (
        <span
          data-testid="conflict-badge"
          data-severity={badgeSeverity}
          title={badgeText}
          className={`absolute -right-1.5 -top-1.5 flex h-3.5 min-w-3.5 items-center justify-center rounded-full px-0.5 text-[9px] font-bold leading-none text-white ring-2 ring-white dark:ring-slate-950 ${SEVERITY_DOT[badgeSeverity]}`}
        >
          {badgeCount}
        </span>
      )}
      {drag && (
        // Below the bar: above it, the first row's tag would slide under the sticky header.
        <span className="pointer-events-none absolute left-0 top-full mt-1.5 whitespace-nowrap rounded bg-slate-900 px-1.5 py-0.5 text-[11px] text-white shadow dark:bg-slate-100 dark:text-slate-900">
          {drag.label}
        </span>
      )}
    </div>
  );
});

function StatusMark({ status, color }: { status: ItemStatus; color: string }) {
  switch (status) {
    case "done":
      return (
        <svg aria-hidden viewBox="0 0 12 12" className="size-3 shrink-0 text-emerald-600 dark:text-emerald-400">
          <path d="M2.5 6.5l2.2 2.2L9.5 3.8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      );
    case "at_risk":
      return <span aria-hidden className="size-2 shrink-0 rounded-full bg-rose-500" />;
    case "in_progress":
      return <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: color }} />;
    case "planned":
      return <span aria-hidden className="size-2 shrink-0 rounded-full border-[1.5px]" style={{ borderColor: color }} />;
  }
}
