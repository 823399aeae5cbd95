import { memo, useMemo } from "react";
import { formatDateSpan, formatLongDate } from "../labels";
import { MILESTONE_ROW_HEIGHT, type BarBox, type TimelineGeometry } from "../timeline/geometry";
import type { CanvasWindow } from "../timeline/useCanvasWindow";
import { ghostBars, ghostInWindow, GHOST_HEIGHT, type GhostMilestone } from "./baselineGhosts";
import { SlipChip } from "./SlipChip";
import type { BaselineView } from "./useBaseline";

interface BaselineGhostsProps {
  geometry: TimelineGeometry;
  boxes: ReadonlyMap<string, BarBox>;
  baseline: BaselineView;
  /** The part of the canvas drawn: ghosts outside it are left out of the DOM, as bars are. */
  view: CanvasWindow | null;
}

/**
 * The baseline under the bars: each item's planned span as a ghost a few pixels below its bar
 * (behind it), and a dashed line where each moved milestone was planned. Only ghosts in the
 * drawn window are in the DOM, so a 2,000-item board costs what its visible part costs.
 */
export const BaselineGhosts = memo(function BaselineGhosts({ geometry, boxes, baseline, view }: BaselineGhostsProps) {
  const ghosts = useMemo(() => ghostBars(geometry, boxes, baseline.items), [geometry, boxes, baseline.items]);
  const shown = useMemo(() => (view ? ghosts.filter((g) => ghostInWindow(view, g)) : []), [ghosts, view]);
  return (
    <div aria-hidden className="pointer-events-none absolute inset-0" data-testid="baseline-ghosts">
      {shown.map((g) => (
        <div
          key={g.itemId}
          data-testid="baseline-ghost"
          data-item-id={g.itemId}
          data-start={g.start}
          data-finish={g.finish}
          title={`Baseline: ${formatDateSpan(g.start, g.finish)}`}
          className="absolute rounded-md border border-dashed border-slate-400 bg-slate-300/35 dark:border-slate-500 dark:bg-slate-600/30"
          style={{ left: g.left, top: g.top, width: g.width, height: GHOST_HEIGHT }}
        />
      ))}
    </div>
  );
});

/**
 * A moved milestone's baseline place on the header's milestone row: a hollow diamond and its
 * slip. The chip sits on the side away from where the milestone is now, so it never covers the
 * milestone's own mark and title.
 */
export function BaselineMilestoneMarks({ marks, milestonesTop }: { marks: readonly GhostMilestone[]; milestonesTop: number }) {
  return (
    <>
      {marks.map((m) => {
        const movedLater = m.currentX !== null && m.currentX > m.x;
        return (
          <div
            key={m.id}
            data-testid="baseline-milestone"
            data-milestone-id={m.id}
            title={`${m.title} in the baseline: ${formatLongDate(m.baseline)}`}
            className="pointer-events-none absolute flex items-center"
            style={{ left: m.x - 6, top: milestonesTop + m.row * MILESTONE_ROW_HEIGHT, height: MILESTONE_ROW_HEIGHT }}
          >
            <span aria-hidden className="inline-block size-3 shrink-0 rotate-45 rounded-[2px] border-[1.5px] border-dashed border-slate-500 bg-white/60 dark:border-slate-400 dark:bg-slate-900/60" />
            {m.label && m.tone && <SlipChip label={m.label} tone={m.tone} className={`absolute ${movedLater ? "right-full mr-1" : "left-full ml-1"}`} />}
          </div>
        );
      })}
    </>
  );
}
