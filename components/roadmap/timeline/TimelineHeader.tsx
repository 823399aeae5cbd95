import { memo, type ReactNode } from "react";
import {
  AXIS_TIER_HEIGHT,
  MILESTONE_ROW_HEIGHT,
  PHASE_ROW_HEIGHT,
  dayToX,
  type TimelineGeometry,
} from "./geometry";
import { ticksInWindow } from "./axisWindow";
import type { ConflictBadge } from "../conflicts/conflictIndex";
import type { CanvasWindow } from "./useCanvasWindow";
import { CommentBadge } from "./ItemBar";
import { SEVERITY_DOT } from "../conflicts/conflictLabels";
import { MILESTONE_KIND_LABELS, formatLongDate, phaseTint } from "../labels";

interface TimelineHeaderProps {
  geometry: TimelineGeometry;
  /** The part of the canvas in view: ticks are drawn only there (see axisWindow.ts). */
  view: CanvasWindow | null;
  todayDay: number | null;
  /** Conflicts by object id; milestones named by one get a badge. */
  badges: ReadonlyMap<string, ConflictBadge>;
  /** Comments in open threads by milestone id. */
  commentCounts: ReadonlyMap<string, number>;
  onMilestoneComments?: (milestoneId: string) => void;
  /** Drawn over the header, in its coordinates: the baseline's milestone marks. */
  extra?: ReactNode;
}

/** The sticky top of the timeline: two tiers of dates, the phase bands and the milestones. */
export const TimelineHeader = memo(function TimelineHeader({ geometry, view, todayDay, badges, commentCounts, onMilestoneComments, extra }: TimelineHeaderProps) {
  const { axis, header } = geometry;
  const todayX = todayDay !== null && todayDay >= axis.startDay && todayDay < axis.endDay ? dayToX(geometry, todayDay) : null;
  return (
    <div className="relative" style={{ width: geometry.width, height: header.height }} data-testid="time-axis">
      {ticksInWindow(axis.major, geometry, view).map((tick) => (
        <div
          key={`M${tick.startDay}`}
          className="absolute top-0 flex items-center border-l border-slate-200 px-2 text-xs font-semibold text-slate-700 dark:border-slate-800 dark:text-slate-200"
          style={{ left: dayToX(geometry, tick.startDay), width: (tick.endDay - tick.startDay) * geometry.pxPerDay, height: AXIS_TIER_HEIGHT }}
        >
          {/* Sticks to the lane column's edge so the period's name stays visible while scrolling. */}
          <span className="sticky truncate" style={{ left: "calc(var(--lane-column) + 8px)" }}>
            {tick.label}
          </span>
        </div>
      ))}
      {ticksInWindow(axis.minor, geometry, view).map((tick) => (
        <div
          key={`m${tick.startDay}`}
          className="absolute flex items-center border-l border-t border-slate-200 px-1.5 text-[11px] text-slate-500 dark:border-slate-800 dark:text-slate-400"
          style={{
            top: AXIS_TIER_HEIGHT,
            left: dayToX(geometry, tick.startDay),
            width: (tick.endDay - tick.startDay) * geometry.pxPerDay,
            height: AXIS_TIER_HEIGHT,
          }}
        >
          <span className="sticky truncate" style={{ left: "calc(var(--lane-column) + 6px)" }}>
            {tick.label}
          </span>
        </div>
      ))}
      {todayX !== null && (
        <>
          <div
            aria-hidden
            className="absolute w-0.5 bg-rose-500/80"
            style={{ left: todayX + geometry.pxPerDay / 2 - 1, top: AXIS_TIER_HEIGHT - 4, bottom: 0 }}
          />
          {/* On the seam between header and lanes, where no date or phase label lives. */}
          <div
            className="absolute z-10 -translate-x-1/2 rounded-full bg-rose-700 px-1.5 text-[10px] font-semibold leading-4 text-white"
            style={{ left: todayX + geometry.pxPerDay / 2, top: header.height - 9 }}
          >
            Today
          </div>
        </>
      )}
      {geometry.phases.map((phase) => (
        <div
          key={phase.phaseId}
          data-testid="phase-band"
          className={`absolute flex items-center rounded-md px-2 text-[11px] font-medium ${phaseTint(phase.colorIndex)}`}
          style={{
            left: phase.left,
            width: Math.max(phase.width, 4),
            top: header.phasesTop + phase.row * PHASE_ROW_HEIGHT + 2,
            height: PHASE_ROW_HEIGHT - 4,
          }}
          title={phase.name}
        >
          {/* No overflow clipping on the chip: it would stop the name from sticking. */}
          <span className="sticky max-w-full truncate" style={{ left: "calc(var(--lane-column) + 8px)" }}>
            {phase.name}
          </span>
        </div>
      ))}
      {geometry.milestones.map((m) => {
        const badge = badges.get(m.id);
        const comments = commentCounts.get(m.id) ?? 0;
        return (
        <div
          key={m.id}
          data-testid="milestone"
          data-milestone-id={m.id}
          role={onMilestoneComments ? "button" : undefined}
          tabIndex={onMilestoneComments ? 0 : undefined}
          onClick={onMilestoneComments && (() => onMilestoneComments(m.id))}
          onKeyDown={onMilestoneComments && ((e) => (e.key === "Enter" || e.key === " ") && onMilestoneComments(m.id))}
          className={`absolute flex items-center gap-1.5 whitespace-nowrap rounded text-[11px] font-medium text-slate-700 dark:text-slate-200 ${onMilestoneComments ? "cursor-pointer hover:bg-slate-100 dark:hover:bg-slate-800" : ""}`}
          style={{ left: m.x - 6, top: header.milestonesTop + m.row * MILESTONE_ROW_HEIGHT, height: MILESTONE_ROW_HEIGHT }}
          title={`${MILESTONE_KIND_LABELS[m.kind]} · ${formatLongDate(m.date)}${onMilestoneComments ? "\nClick for comments" : ""}`}
        >
          <span aria-hidden className={`inline-block size-3 shrink-0 rotate-45 rounded-[2px] ${milestoneColor(m.kind)}`} />
          <span>{m.title}</span>
          {badge && (
            <span
              data-testid="conflict-badge"
              data-severity={badge.severity}
              title={badge.text}
              className={`flex h-3.5 min-w-3.5 items-center justify-center rounded-full px-0.5 text-[9px] font-bold leading-none text-white ${SEVERITY_DOT[badge.severity]}`}
            >
              {badge.count}
            </span>
          )}
          {comments > 0 && <CommentBadge count={comments} inline />}
        </div>
        );
      })}
      {extra}
    </div>
  );
});

/** Releases stand out; other dated points stay quieter. */
export function milestoneColor(kind: string): string {
  switch (kind) {
    case "release":
    case "go_live":
      return "bg-indigo-600 dark:bg-indigo-400";
    case "deadline":
      return "bg-rose-500";
    default:
      return "bg-slate-500 dark:bg-slate-400";
  }
}
