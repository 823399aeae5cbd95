import { memo } from "react";
import { LANE_HEADER_WIDTH, type LaneBand } from "./geometry";

interface LaneHeadersProps {
  bands: LaneBand[];
  /** Items per lane id, for the count beside each name. */
  counts: ReadonlyMap<string, number>;
  /** The lane a dragged bar would land in. */
  dropLaneId: string | null;
}

/** The sticky left column: one header per lane, as tall as the lane's packed rows. */
export const LaneHeaders = memo(function LaneHeaders({ bands, counts, dropLaneId }: LaneHeadersProps) {
  return (
    <div
      className="sticky left-0 z-20 shrink-0 border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
      style={{ width: LANE_HEADER_WIDTH }}
    >
      {bands.map((band) => (
        <div
          key={band.id || "no-lane"}
          data-testid="lane-header"
          data-lane-id={band.id}
          className={`flex items-start gap-2.5 border-b border-slate-200 px-4 pt-3.5 dark:border-slate-800 ${
            dropLaneId === band.id ? "bg-indigo-50 dark:bg-indigo-500/10" : ""
          }`}
          style={{ height: band.height }}
        >
          <span aria-hidden className="mt-1 h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: band.color }} />
          <span className={`min-w-0 flex-1 truncate text-sm font-medium ${band.orphan ? "italic text-slate-500" : ""}`}>
            {band.name}
          </span>
          <span className="mt-0.5 text-xs tabular-nums text-slate-400 dark:text-slate-500">{counts.get(band.id) ?? 0}</span>
        </div>
      ))}
    </div>
  );
});
