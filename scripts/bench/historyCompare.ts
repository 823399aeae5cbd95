/**
 * Compare's share of `npm run bench:history`: how long lib/history takes on the 10,000-item
 * board. `benchCompare` is what the history bench calls with two versions' snapshots; run this
 * file alone (`npx tsx scripts/bench/historyCompare.ts [--seed N] [--runs N] [--edits N]`) to
 * measure it on a generated board against itself after N random edits. Prints median and p95
 * of compareSnapshots with both schedules derived inside (what the /compare route pays for
 * two stored versions), with schedules given (a live board whose schedule is derived anyway),
 * and of baselineSlips with schedules given (what the timeline pays on each edit).
 */
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import * as Y from "yjs";
import { Scheduler } from "../../lib/derive/schedule";
import { baselineSlips } from "../../lib/history/baselineSlips";
import { compareSnapshots } from "../../lib/history/compareSnapshots";
import { addCalendarDays } from "../../lib/model/dates";
import type { ItemId } from "../../lib/model/ids";
import { deleteItem, updateItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot, type BoardSnapshot } from "../../lib/model/snapshot";
import { generateBoard, prng } from "./generateBoard";

export interface CompareTimings {
  /** compareSnapshots deriving both schedules itself. */
  compare: { median: number; p95: number };
  /** compareSnapshots with both schedules passed in. */
  compareGivenSchedules: { median: number; p95: number };
  /** baselineSlips with both schedules passed in. */
  slipsGivenSchedules: { median: number; p95: number };
  /** Entries in the comparison, to show it did work. */
  changedItems: number;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

function measure(runs: number, run: () => unknown): number[] {
  for (let i = 0; i < Math.min(5, runs); i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Times lib/history on two snapshots of one board (older first). */
export function benchCompare(before: BoardSnapshot, after: BoardSnapshot, runs = 30): CompareTimings {
  const beforeSchedule = new Scheduler().run(before);
  const afterSchedule = new Scheduler().run(after);
  const given = { beforeSchedule, afterSchedule };
  return {
    compare: stats(measure(runs, () => compareSnapshots(before, after))),
    compareGivenSchedules: stats(measure(runs, () => compareSnapshots(before, after, given))),
    slipsGivenSchedules: stats(measure(runs, () => baselineSlips(before, after, { baselineSchedule: beforeSchedule, currentSchedule: afterSchedule }))),
    changedItems: compareSnapshots(before, after, given).items.length,
  };
}

/** The generated board, then `edits` random moves, new durations, renames and deletions. */
function editedBoard(seed: number, edits: number): { before: BoardSnapshot; after: BoardSnapshot } {
  const { doc: source, itemIds } = generateBoard(seed);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  const before = readSnapshot(doc);
  const origin = createOrigin("local", "bench");
  const r = prng(seed + 1);
  const starts = new Map(before.items.map((i) => [i.id as string, i.start]));
  for (let k = 0; k < edits; k++) {
    const id = itemIds[r.int(itemIds.length)]! as ItemId;
    const start = starts.get(id);
    const roll = r.int(10);
    if (roll === 0) deleteItem(doc, origin, id);
    else if (roll < 4) updateItem(doc, origin, id, { title: `Renamed ${k}` });
    else if (start && roll < 7) updateItem(doc, origin, id, { start: addCalendarDays(start, r.int(15) - 5) });
    else updateItem(doc, origin, id, { duration: 1 + r.int(10) });
  }
  return { before, after: readSnapshot(doc) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const seed = arg("seed", 20270104);
  const { before, after } = editedBoard(seed, arg("edits", 500));
  const t = benchCompare(before, after, arg("runs", 30));
  const row = (label: string, s: { median: number; p95: number }) => console.log(`${label.padEnd(48)}${s.median.toFixed(2).padStart(9)}${s.p95.toFixed(2).padStart(9)}`);
  console.log(`board: ${after.items.length} items, ${after.dependencies.length} dependencies; ${t.changedItems} items changed (seed ${seed})`);
  console.log(`${"measure".padEnd(48)}${"median".padStart(9)}${"p95 ms".padStart(9)}`);
  row("compareSnapshots (both schedules derived)", t.compare);
  row("compareSnapshots (schedules given)", t.compareGivenSchedules);
  row("baselineSlips (schedules given)", t.slipsGivenSchedules);
  console.log(`goal: compare of two versions ≤ 100 ms. Node ${process.version}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
}
