/** A run of days, both ends inclusive. */
export interface DaySpan {
  start: number;
  finish: number;
}

/**
 * The union of day spans as the fewest disjoint spans, sorted: what a collapsed lane draws in
 * its summary row (a few segments rather than hundreds of overlapping bars). Spans that touch
 * (one ends the day before the next starts) join, so a chain of work reads as one stretch.
 * A span whose finish is before its start counts as its start day alone.
 */
export function mergeSpans(spans: readonly DaySpan[]): DaySpan[] {
  const sorted = spans.map((s) => ({ start: s.start, finish: Math.max(s.start, s.finish) })).sort((a, b) => a.start - b.start);
  const out: DaySpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.finish + 1) last.finish = Math.max(last.finish, span.finish);
    else out.push(span);
  }
  return out;
}
