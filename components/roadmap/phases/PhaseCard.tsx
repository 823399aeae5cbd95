import { memo, type KeyboardEvent, type PointerEvent } from "react";
import { ItemProposalBadges } from "../../proposals/ProposeItemButton";
import type { Severity } from "../../../lib/derive/types";
import type { ItemStatus, Priority } from "../../../lib/model/schemas";
import { SEVERITY_DOT } from "../conflicts/conflictLabels";
import { CommentBadge } from "../timeline/ItemBar";
import { OwnerAvatars, PriorityChip, StatusDot } from "../itemChips";
import { STATUS_LABELS } from "../labels";

export interface CardHandlers {
  /** Starts a press: a click (select) or, once it moves, a drag (see useCardDrag). */
  onPointerDown: (event: PointerEvent<HTMLElement>, id: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>, id: string) => void;
}

export interface PhaseCardProps {
  id: string;
  title: string;
  laneName: string;
  laneColor: string;
  status: ItemStatus;
  priority: Priority;
  owners: readonly string[];
  /** Scheduled dates, formatted ("Mar 3 – Mar 14"), or why there are none. */
  dates: string;
  badgeSeverity: Severity | null;
  badgeCount: number;
  badgeText: string;
  commentCount: number;
  selected: boolean;
  /** Someone else who has this item selected. */
  peer: { name: string; color: string } | null;
  /** This card is being dragged: it stays as a faint placeholder while its ghost follows the pointer. */
  placeholder: boolean;
  /** The copy that follows the pointer: not focusable, no handlers. */
  ghost?: boolean;
  readOnly: boolean;
  /** Id of the text that explains the keyboard moves (editors only). */
  describedBy?: string;
  handlers: CardHandlers;
}

/**
 * Cards out of view skip style, layout and paint (2,000 cards are too many to lay out at once on
 * a laptop); the browser remembers each card's size once drawn. Paint containment clips what a
 * card's children draw outside it, so everything a card shows stays inside its box.
 */
const CARD_SKIP = "[content-visibility:auto] [contain-intrinsic-size:auto_88px]";

/**
 * One item on the phase board. Takes only primitives (and arrays the snapshot keeps stable) so
 * memo skips every card a drag or a remote edit did not touch.
 */
export const PhaseCard = memo(function PhaseCard(props: PhaseCardProps) {
  const { id, title, laneName, laneColor, status, priority, owners, dates, selected, peer, placeholder, ghost, readOnly, describedBy, handlers } = props;
  const { badgeSeverity, badgeCount, badgeText, commentCount } = props;
  const label = title || "Untitled item";
  const ring = selected ? "0 0 0 2px #6366f1" : peer ? `0 0 0 2px ${peer.color}` : undefined;
  return (
    <div
      role={ghost ? undefined : "button"}
      tabIndex={ghost ? undefined : 0}
      aria-label={ghost ? undefined : label}
      aria-pressed={ghost ? undefined : selected}
      aria-describedby={ghost ? undefined : describedBy}
      aria-hidden={ghost || undefined}
      data-testid={ghost ? "card-ghost" : "phase-card"}
      data-card-id={ghost ? undefined : id}
      data-item-id={ghost ? undefined : id}
      data-status={status}
      data-draggable={!readOnly}
      onPointerDown={ghost ? undefined : (e) => handlers.onPointerDown(e, id)}
      onKeyDown={ghost ? undefined : (e) => handlers.onKeyDown(e, id)}
      className={`group relative flex flex-col gap-1.5 rounded-lg border border-slate-200 bg-white py-2 pl-3 pr-2.5 text-left shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 focus-visible:ring-offset-1 dark:border-slate-700/80 dark:bg-slate-800 dark:focus-visible:ring-offset-slate-900 ${
        ghost ? "rotate-1 cursor-grabbing shadow-xl ring-1 ring-indigo-300 dark:ring-indigo-500/50" : readOnly ? "cursor-pointer" : "cursor-grab"
      } ${placeholder ? "opacity-40" : ""} ${ghost ? "" : CARD_SKIP} ${status === "done" ? "text-slate-500 dark:text-slate-400" : ""}`}
      style={{ boxShadow: ring, scrollMarginBlock: 12 }}
    >
      <span aria-hidden className="absolute inset-y-1.5 left-1 w-1 rounded-full" style={{ background: laneColor }} />
      <div className="flex min-w-0 items-center gap-1.5 text-[11px] text-slate-500 dark:text-slate-400">
        <span className="min-w-0 flex-1 truncate">{laneName}</span>
        {peer && !selected && (
          <span className="max-w-24 shrink-0 truncate rounded px-1 text-[10px] font-semibold leading-4 text-white" style={{ background: peer.color }}>
            {peer.name}
          </span>
        )}
        <PriorityChip priority={priority} />
      </div>
      <p className={`line-clamp-2 text-sm font-medium leading-snug ${status === "done" ? "line-through decoration-slate-400/70" : ""}`}>{label}</p>
      <div className="flex min-w-0 items-center gap-2 text-[11px] text-slate-500 dark:text-slate-400">
        <StatusDot status={status} color={laneColor} />
        {/* "Planned" is what most cards are: only the other statuses spend width on a word. */}
        {status === "planned" ? <span className="sr-only">{STATUS_LABELS[status]}</span> : <span className="shrink-0">{STATUS_LABELS[status]}</span>}
        <span className="min-w-0 flex-1 truncate tabular-nums" data-testid="card-dates">
          {dates}
        </span>
        {badgeSeverity && (
          <span
            data-testid="conflict-badge"
            data-severity={badgeSeverity}
            title={badgeText}
            className={`flex h-3.5 min-w-3.5 shrink-0 items-center justify-center rounded-full px-0.5 text-[9px] font-bold leading-none text-white ${SEVERITY_DOT[badgeSeverity]}`}
          >
            {badgeCount}
          </span>
        )}
        {commentCount > 0 && <CommentBadge count={commentCount} inline />}
        <ItemProposalBadges itemId={props.id} />
        <OwnerAvatars owners={owners} />
      </div>
    </div>
  );
});
