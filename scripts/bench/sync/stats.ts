import type { SeenStamps, SentEdit } from "./types";

/** Nearest-rank percentile of ascending `sorted` (q in 0..1); Infinity stands for a lost arrival. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

export interface Deliveries {
  /** Every (edit, receiver) latency in ms, ascending; Infinity for each receiver an edit never reached. */
  latencies: number[];
  /** Edits that reached every other client of their board. */
  deliveredToAll: number;
  /** (edit, receiver) pairs that never arrived before the drain deadline. */
  lost: number;
}

/**
 * Joins what senders sent with what receivers saw (from every worker): an edit reached a
 * receiver when that receiver first saw the sender's stamp at this edit's number or a later
 * one. A missing arrival is counted as an infinitely late one, so losses show in the
 * percentiles instead of hiding.
 */
export function joinDeliveries(sent: readonly SentEdit[], seenParts: readonly SeenStamps[], receiversOf: (sender: string) => readonly string[]): Deliveries {
  const seen: SeenStamps = Object.assign({}, ...seenParts);
  const latencies: number[] = [];
  let deliveredToAll = 0;
  let lost = 0;
  for (const edit of sent) {
    let missing = 0;
    for (const receiver of receiversOf(edit.sender)) {
      const pairs = seen[receiver]?.[edit.sender] ?? [];
      let at = Infinity;
      for (let i = 0; i < pairs.length; i += 2) {
        if (pairs[i]! >= edit.seq) {
          at = pairs[i + 1]!;
          break;
        }
      }
      if (at === Infinity) missing++;
      latencies.push(at - edit.t);
    }
    lost += missing;
    if (missing === 0) deliveredToAll++;
  }
  latencies.sort((a, b) => a - b);
  return { latencies, deliveredToAll, lost };
}
