import { memo, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import type { Severity } from "../../../lib/derive/types";
import type { ItemStatus } from "../../../lib/model/schemas";
import { SEVERITY_DOT } from "../conflicts/conflictLabels";
import { BAR_HEIGHT } from "./geometry";
import { STATUS_LABELS } from "../labels";
import type { DragMode } from "./gestures/useItemDrag";
import { countOf } from "../../../lib/format/plural";
import type { SlipTone } from "../history/baselineGhosts";
import { SlipChip } from "../history/SlipChip";

/** A halo of the page's colour around a title drawn beside its bar: link lines under it give way. */
const TITLE_HALO = "0 0 2px var(--bar-base), 0 0 2px var(--bar-base), 0 0 3px var(--bar-base), 0 0 4px var(--bar-base)";

export interface BarHandlers {
  onPointerDown: (event: PointerEvent<HTMLElement>, id: string, laneId: string, mode: DragMode) => void;
  onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  onPointerUp: (event: PointerEvent<HTMLElement>) => void;
  onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, id: string, laneId: string) => void;
  /** A press on the link handle: starts drawing a dependency from this item. */
  onLinkStart: (event: PointerEvent<HTMLElement>, id: string) => void;
  onContextMenu: (event: MouseEvent<HTMLDivElement>, id: string) => void;
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
  /** The stored start date and duration, exposed as data for tests and tools. */
  start: string;
  duration: number;
  /** Dates for the tooltip, already formatted. */
  dates: string;
  /** The same dates in words a screen reader says well ("Mar 3 to Mar 7"), for the label. */
  spokenDates: string;
  /** False when the scheduler placed it after its dependencies (drawn with a dashed edge). */
  pinned: boolean;
  /**
   * The pin can be toggled from the bar: the viewer may edit, and there is something to follow
   * once unpinned (a pinned item without predecessors would drop into the unscheduled tray).
   */
  canTogglePin: boolean;
  /** With the critical-path view on: stand out, or step back. */
  emphasis: "critical" | "dimmed" | null;
  /** Slack in words, for the tooltip. */
  slack: string;
  /** The worst severity of the conflicts the item is in, their count and messages. */
  badgeSeverity: Severity | null;
  badgeCount: number;
  badgeText: string;
  /** Comments in the item's open threads (0: no badge). */
  commentCount: number;
  /** The slip since the baseline ("+3 wd"), null when there is none or the baseline is hidden. */
  slip?: string | null;
  slipTone?: SlipTone | null;
  /** The same slip in words, for the label and tooltip. */
  slipWords?: string | null;
  selected: boolean;
  /** Someone else who has this item selected. */
  peer: { name: string; color: string } | null;
  /** Offset (and, while resizing, width) during a drag: the bar follows the pointer. */
  drag: { x: number; y: number; width: number; label: string } | null;
  /** While a dependency is drawn onto this bar: whether dropping it here would be allowed. */
  linkState: "ok" | "refused" | null;
  /** A dependency is being drawn from this bar: its handle stays shown. */
  linking: boolean;
  /** The viewer may not edit: no grab cursor, no resize grip or link handle (the handlers refuse too). */
  readOnly: boolean;
  handlers: BarHandlers;
}

/**
 * One item on the timeline. Takes only primitives so memo skips every bar a snapshot did not
 * change; a drag re-renders just the dragged bar.
 */
export const ItemBar = memo(function ItemBar(props: ItemBarProps) {
  const { id, laneId, title, status, color, left, top, width, labelOutside, start, duration, dates, spokenDates, selected, peer, drag, readOnly, handlers } = props;
  const { linkState, linking } = props;
  const { pinned, canTogglePin, emphasis, slack, badgeSeverity, badgeCount, badgeText, commentCount, slip, slipTone, slipWords } = props;
  const label = title || "Untitled item";
  const hasBadge = badgeSeverity !== null || commentCount > 0;
  // One box-shadow carries the lane accent, the selection ring, the critical ring and the drag
  // lift (classes would be overridden by the inline accent). An automatically placed bar gets a
  // dashed accent instead, drawn by a child, so pinned and placed bars tell apart at a glance.
  const shadows = pinned ? [`inset 3px 0 0 ${color}`] : [];
  if (linkState) shadows.push(`0 0 0 3px ${linkState === "ok" ? "#10b981" : "#f43f5e"}`);
  else if (selected) shadows.push("0 0 0 2px #6366f1");
  else if (emphasis === "critical") shadows.push("0 0 0 2px #f97316");
  else if (status === "at_risk") shadows.push("0 0 0 1px #f43f5e");
  if (drag) shadows.push("0 10px 20px -4px rgb(15 23 42 / 0.25)");
  return (
    <div
      role="button"
      tabIndex={0}
      // Title, dates and status: what a sighted person reads off the bar at a glance.
      aria-label={`${label}, ${spokenDates}, ${STATUS_LABELS[status]}${slipWords ? `, ${slipWords}` : ""}`}
      aria-pressed={selected}
      aria-haspopup="menu"
      title={`${label}\n${dates} · ${STATUS_LABELS[status]}\n${slack}${pinned ? "" : "\nPlaced after its dependencies"}${slipWords ? `\n${slipWords}` : ""}`}
      data-testid="item-bar"
      data-item-id={id}
      data-title={title}
      data-lane-id={laneId}
      data-start={start}
      data-duration={duration}
      data-status={status}
      data-pinned={pinned}
      data-critical={emphasis === "critical" || undefined}
      data-dimmed={emphasis === "dimmed" || undefined}
      data-draggable={!readOnly}
      data-link-target={linkState ?? undefined}
      onPointerDown={(e) => handlers.onPointerDown(e, id, laneId, "move")}
      onPointerMove={handlers.onPointerMove}
      onPointerUp={handlers.onPointerUp}
      onPointerCancel={handlers.onPointerCancel}
      onKeyDown={(e) => handlers.onKeyDown(e, id, laneId)}
      onContextMenu={(e) => handlers.onContextMenu(e, id)}
      // The timeline behind clears the selection on click and creates items on double-click.
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      className={`group/bar absolute flex items-center gap-1.5 rounded-md px-2 text-xs font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400 dark:text-slate-100 ${
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
        // Clear of the sticky lane column, whose width the timeline sets (useLaneColumn).
        scrollMarginLeft: "calc(var(--lane-column, 216px) + 16px)",
        scrollMarginRight: labelOutside ? 200 : 16,
        scrollMarginTop: 160,
      }}
    >
      {!pinned && (
        <span aria-hidden className="pointer-events-none absolute inset-y-0 left-0 border-l-[3px] border-dashed" style={{ borderColor: color }} />
      )}
      {width >= 36 && (pinned || canTogglePin) && (
        <PinMark pinned={pinned} canToggle={canTogglePin} readOnly={readOnly} />
      )}
      {width >= 20 && <StatusMark status={status} color={color} />}
      {/* The title stays readable where badges and links meet it (docs/scheduling.md): beside
          the bar it starts clear of the badges on the bar's corner and wears a halo of the
          page's colour that hides links passing under it; inside, it stops short of the badges. */}
      {labelOutside ? (
        <span
          data-testid="bar-title"
          className={`absolute left-full max-w-64 truncate whitespace-nowrap text-slate-700 dark:text-slate-200 ${hasBadge ? "ml-4" : "ml-1.5"} ${status === "done" ? "opacity-60" : ""}`}
          style={{ textShadow: TITLE_HALO }}
        >
          {label}
        </span>
      ) : (
        <span data-testid="bar-title" className={`truncate ${hasBadge ? "pr-2.5" : ""} ${status === "done" ? "opacity-60" : ""}`}>
          {label}
        </span>
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
      {!readOnly && (
        // Outside the bar's right end, clear of the resize grip: drag it onto another bar to
        // make that one wait for this one. Shown on hover and keyboard focus only.
        <span
          aria-hidden
          data-testid="link-handle"
          title="Drag to another item to make it wait for this one"
          onPointerDown={(e) => handlers.onLinkStart(e, id)}
          className={`absolute -right-4 top-1/2 flex size-4 -translate-y-1/2 cursor-crosshair items-center justify-center ${
            linking ? "opacity-100" : "opacity-0 group-hover/bar:opacity-100 group-focus-visible/bar:opacity-100"
          }`}
        >
          <span className="size-2.5 rounded-full border-2 border-indigo-500 bg-white shadow-sm dark:border-indigo-400 dark:bg-slate-900" />
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
      {commentCount > 0 && <CommentBadge count={commentCount} />}
      {slip && slipTone && !drag && (
        // On the lower left corner, over the ghost's edge below: the conflict and comment badges hold the right.
        <SlipChip label={slip} tone={slipTone} className="absolute -bottom-2 left-1" />
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

/** A speech bubble with the number of comments in open threads, on the bar's lower right corner. */
export function CommentBadge({ count, inline = false }: { count: number; inline?: boolean }) {
  return (
    <span
      data-testid="comment-badge"
      title={`${countOf(count, "comment")} in open threads`}
      className={`${inline ? "" : "absolute -bottom-1.5 -right-1.5"} flex h-3.5 items-center gap-0.5 rounded-full bg-sky-600 px-1 text-[9px] font-bold leading-none text-white ring-2 ring-white dark:bg-sky-500 dark:ring-slate-950`}
    >
      <svg aria-hidden viewBox="0 0 10 10" className="size-2">
        <path d="M1 2.2C1 1.5 1.5 1 2.2 1h5.6C8.5 1 9 1.5 9 2.2v3.6C9 6.5 8.5 7 7.8 7H4.5L2.4 8.8V7h-.2C1.5 7 1 6.5 1 5.8z" fill="currentColor" />
      </svg>
      {count}
    </span>
  );
}

/**
 * The bar's pin (docs/scheduling.md): filled on a pinned item, hollow (on hover) on one the
 * scheduler places after its predecessors; a click toggles it where that is allowed. Hidden from
 * assistive technology like the resize grip: the bar's menu offers the same as an entry.
 */
function PinMark({ pinned, canToggle, readOnly }: { pinned: boolean; canToggle: boolean; readOnly: boolean }) {
  const what = pinned
    ? canToggle
      ? "Pinned: it stays on this date. Click to unpin it, so it follows its predecessors."
      : readOnly
        ? "Pinned: it stays on this date whatever its predecessors do."
        : "Pinned: it has no predecessors to follow."
    : "Auto-scheduled: it follows its predecessors. Click to pin it where it is.";
  return (
    <span
      aria-hidden
      data-testid="pin-toggle"
      data-pinned={pinned}
      data-toggle={canToggle}
      // The bar's drag gesture reads this: a click here toggles, a drag from here still moves the bar.
      data-pin-toggle={canToggle}
      title={what}
      className={`-ml-1 flex size-4 shrink-0 items-center justify-center rounded ${canToggle ? "cursor-pointer hover:bg-slate-900/10 dark:hover:bg-white/15" : ""} ${
        pinned ? "text-slate-700 dark:text-slate-200" : "text-slate-500 opacity-0 group-hover/bar:opacity-100 group-focus-visible/bar:opacity-100 dark:text-slate-400"
      }`}
    >
      <svg viewBox="0 0 12 12" className="size-3">
        <path
          d="M4.2 1.5h3.6l-.5 3.2 1.9 1.7v.9H2.8v-.9l1.9-1.7zM6 7.3v3.4"
          fill={pinned ? "currentColor" : "none"}
          stroke="currentColor"
          strokeWidth="1.1"
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      </svg>
    </span>
  );
}

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
