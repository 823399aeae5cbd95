import { formatDay } from "../../lib/derive/dayStrings";

/**
 * The days the timeline shows right now, as the export's `range` (`<from>..<to>`), read from the
 * scroller's own numbers (Timeline.tsx writes its axis start, zoom and lane column on it). Null
 * when no timeline is on screen (the table view, say): the export then offers the whole horizon.
 */
export function visibleDays(): string | null {
  const el = document.querySelector<HTMLElement>('[data-testid="timeline"][data-axis-start]');
  if (!el) return null;
  const start = Number(el.dataset.axisStart);
  const pxPerDay = Number(el.dataset.pxPerDay);
  const laneColumn = Number(el.dataset.laneColumn);
  if (![start, pxPerDay, laneColumn].every(Number.isFinite) || pxPerDay <= 0) return null;
  const from = start + Math.floor(el.scrollLeft / pxPerDay);
  const to = start + Math.max(0, Math.ceil((el.scrollLeft + el.clientWidth - laneColumn) / pxPerDay) - 1);
  return `${formatDay(from)}..${formatDay(Math.max(from, to))}`;
}
