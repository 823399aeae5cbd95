import { formatShortDate } from "../labels";
import { slipLabel, slipTone } from "./baselineGhosts";
import { SlipChip } from "./SlipChip";

/** Primitives only, so the table's memoised rows skip re-rendering when nothing of theirs moved. */
export interface BaselineCellsProps {
  start: string | null;
  finish: string | null;
  variance: number | null;
  critical: boolean;
}

/** The table's baseline start, baseline finish and variance (working days, +N = later; red where a date slips). */
export function BaselineCells({ start, finish, variance, critical }: BaselineCellsProps) {
  const label = slipLabel(variance);
  const tone = slipTone(variance, critical);
  return (
    <>
      <td className="tabular-nums text-slate-500 dark:text-slate-400">{start ? formatShortDate(start) : "\u2014"}</td>
      <td className="tabular-nums text-slate-500 dark:text-slate-400">{finish ? formatShortDate(finish) : "\u2014"}</td>
      <td data-testid="variance-cell" data-variance={variance ?? ""} className="tabular-nums">
        {label && tone ? <SlipChip label={label} tone={tone} /> : <span className="text-slate-400">{variance === 0 ? "0" : "\u2014"}</span>}
      </td>
    </>
  );
}
