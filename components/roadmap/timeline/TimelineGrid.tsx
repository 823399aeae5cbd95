import { memo } from "react";
import { ticksInWindow } from "./axisWindow";
import { dayToX, type TimelineGeometry } from "./geometry";
import type { CanvasWindow } from "./useCanvasWindow";

interface TimelineGridProps {
  geometry: TimelineGeometry;
  /** The part of the canvas in view: period lines are drawn only there. */
  view: CanvasWindow | null;
  /** Days to shade as not worked (weekends, holidays); empty when zoomed out too far to see. */
  nonWorkingDays: readonly number[];
  todayDay: number | null;
}

/** Everything behind the bars: lane stripes, period lines, days off, milestone and today lines. */
export const TimelineGrid = memo(function TimelineGrid({ geometry, view, nonWorkingDays, todayDay }: TimelineGridProps) {
  const { axis, pxPerDay, lanesHeight } = geometry;
  const inAxis = (day: number) => day >= axis.startDay && day < axis.endDay;
  return (
    <div aria-hidden className="pointer-events-none absolute inset-0">
      {geometry.bands.map((band, i) => (
        <div
          key={band.id || "no-lane"}
          className={`absolute inset-x-0 border-b border-slate-200 dark:border-slate-800 ${
            i % 2 ? "bg-slate-50/70 dark:bg-slate-900/40" : "bg-white dark:bg-slate-950"
          }`}
          style={{ top: band.top, height: band.height }}
        />
      ))}
      {nonWorkingDays.map((day) => (
        <div
          key={`w${day}`}
          className="absolute bg-slate-100/80 dark:bg-slate-800/30"
          style={{ left: dayToX(geometry, day), width: pxPerDay, top: 0, height: lanesHeight }}
        />
      ))}
      {ticksInWindow(axis.minor, geometry, view).map((tick) => (
        <div
          key={`g${tick.startDay}`}
          className="absolute top-0 w-px bg-slate-200 dark:bg-slate-800"
          style={{ left: dayToX(geometry, tick.startDay), height: lanesHeight }}
        />
      ))}
      {geometry.milestones.map((m) => (
        <div
          key={m.id}
          className="absolute top-0 border-l border-dashed border-indigo-400/70 dark:border-indigo-400/50"
          style={{ left: m.x, height: lanesHeight }}
        />
      ))}
      {todayDay !== null && inAxis(todayDay) && (
        <div
          data-testid="today-line"
          className="absolute top-0 w-0.5 bg-rose-500/80"
          style={{ left: dayToX(geometry, todayDay) + pxPerDay / 2 - 1, height: lanesHeight }}
        />
      )}
    </div>
  );
});
