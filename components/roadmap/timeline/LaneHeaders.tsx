import { memo } from "react";
import type { LaneLoad } from "../../../lib/derive/laneLoad";
import type { LaneBand } from "./geometry";
import { formatCount } from "../../../lib/format/numbers";
import { countOf } from "../../../lib/format/plural";
import { useLaneAccess } from "../../teams/laneAccess";
import { LaneOwners } from "../../teams/LaneOwners";

interface LaneHeadersProps {
  bands: LaneBand[];
  /** Each lane's peak daily load and capacity (absent for the pseudo-lane of orphans). */
  loads: ReadonlyMap<string, LaneLoad>;
  /** The lane a dragged bar would land in. */
  dropLaneId: string | null;
  /** Folds or unfolds a lane for this viewer. */
  onToggle: (laneId: string) => void;
  /** A phone's narrow column (useLaneColumn): names only, the count and load left to wider screens. */
  narrow: boolean;
}

/** The sticky left column: one header per lane, as tall as the lane's packed rows. */
export const LaneHeaders = memo(function LaneHeaders({ bands, loads, dropLaneId, onToggle, narrow }: LaneHeadersProps) {
  const access = useLaneAccess();
  return (
    <div
      className="sticky left-0 z-20 shrink-0 border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
      style={{ width: "var(--lane-column)" }}
    >
      {bands.map((band) => {
        const load = loads.get(band.id);
        const items = countOf(band.itemCount, "item");
        return (
          <div
            key={band.id || "no-lane"}
            data-testid="lane-header"
            data-lane-id={band.id}
            data-collapsed={band.collapsed}
            className={`border-b border-slate-200 pl-2 ${narrow ? "pr-1" : "pr-3"} dark:border-slate-800 ${band.collapsed ? "flex items-center" : "pt-3"} ${
              dropLaneId === band.id ? "bg-indigo-50 dark:bg-indigo-500/10" : ""
            }`}
            style={{ height: band.height }}
          >
            <div className="flex w-full min-w-0 items-center gap-1.5">
              <button
                type="button"
                data-testid="lane-toggle"
                aria-expanded={!band.collapsed}
                aria-label={`${band.collapsed ? "Expand" : "Collapse"} ${band.name}`}
                title={band.collapsed ? `Show the ${items} of this lane` : "Fold this lane into one row (only on your screen)"}
                onClick={() => onToggle(band.id)}
                className="flex size-5 shrink-0 items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-400 dark:text-slate-500 dark:hover:bg-slate-800 dark:hover:text-slate-200"
              >
                <svg aria-hidden viewBox="0 0 10 10" className={`size-2.5 transition-transform ${band.collapsed ? "-rotate-90" : ""}`}>
                  <path d="M2 3.5l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
              </button>
              <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: band.color }} />
              <span className={`${narrow ? "" : "ml-1 "}min-w-0 flex-1 truncate text-sm font-medium ${band.orphan ? "italic text-slate-500" : ""}`} title={band.name}>
                {band.name}
              </span>
              {!band.orphan && <LaneOwners owners={access.ownersOf(band.id)} locked={!access.mayEditLane(band.id)} laneName={band.name} compact={narrow || band.collapsed} />}
              {band.collapsed && load && !narrow && <LoadChip load={load} />}
              {narrow && load?.over && <OverDot load={load} />}
            </div>
            {!band.collapsed && !narrow && (
              // The count and the load on a line of their own: beside the name they would cut it short.
              <div className="mt-0.5 flex items-center justify-between gap-2 pl-[46px]">
                <span data-testid="lane-count" className="text-xs tabular-nums text-slate-500 dark:text-slate-400">
                  {items}
                </span>
                {load && <LoadChip load={load} />}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
});

const formatLoad = (n: number) => formatCount(Math.round(n * 100) / 100);

/**
 * The lane's busiest working day against what it can take: "Load 2.5 / 3", and in words for
 * screen readers and the tooltip ("Load 2.5 of capacity 3 per day"). Red when over, which is
 * when the lane-over-capacity conflict fires; just the peak when no capacity is declared.
 */
function LoadChip({ load }: { load: LaneLoad }) {
  const { peak, capacity, over } = load;
  const text = capacity > 0 ? `${formatLoad(peak)} / ${formatLoad(capacity)}` : formatLoad(peak);
  const words =
    capacity > 0
      ? `Load ${formatLoad(peak)} of capacity ${formatLoad(capacity)} per day${over ? ", over capacity" : ""}`
      : `Load ${formatLoad(peak)} per day; no capacity set for this lane`;
  const title = `${words}. The load is the most work planned on one working day, counting each item's effort.`;
  return (
    <span
      data-testid="lane-load"
      data-over={over}
      title={title}
      // One image-like label: the short "Load 2 / 3" is read as the sentence it stands for.
      role="img"
      aria-label={words}
      className={`shrink-0 rounded px-1.5 py-px text-[11px] font-medium tabular-nums ${
        over
          ? "bg-rose-100 text-rose-700 ring-1 ring-rose-300 dark:bg-rose-500/20 dark:text-rose-300 dark:ring-rose-500/40"
          : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"
      }`}
    >
      <span className="font-normal">Load</span> {text}
    </span>
  );
}

/** On a phone's narrow column, the one thing of the load worth its room: a red dot when over capacity. */
function OverDot({ load }: { load: LaneLoad }) {
  const words = `Over capacity: load ${formatLoad(load.peak)} of ${formatLoad(load.capacity)} per day`;
  return <span data-testid="lane-over" role="img" aria-label={words} title={words} className="size-2 shrink-0 rounded-full bg-rose-500" />;
}
