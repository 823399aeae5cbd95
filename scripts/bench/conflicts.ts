/**
 * How long findConflicts takes on the benchmark board (10,000 items, 15,000 links, 12 lanes,
 * 300 milestones): all rules together, as the app calls it (with the scheduler's index) and from
 * a plain schedule (lookups built here), rule by rule, next to the floor of merely walking the
 * snapshot; and a ConflictFinder after one-item edits of a live board (LiveSnapshot and Scheduler
 * as the app runs them; only the conflicts are timed). Besides wall-clock medians it prints the
 * process CPU time per call, which other work on a shared machine disturbs less.
 * Run: npx tsx scripts/bench/conflicts.ts [runs]
 *
 * Two boards: the generated one as is, and the same with every lane's capacity at 1 and every
 * scheduled item pinned two weeks earlier than scheduled, so overloads, violated links and
 * horizon overruns are everywhere (the rules' worst case, not a typical board).
 */
import { buildContext } from "../../lib/derive/conflicts/context";
import { CONFLICT_RULES, ConflictFinder, findConflicts } from "../../lib/derive/conflicts/index";
import { computeSchedule, Scheduler } from "../../lib/derive/schedule";
import type { Schedule } from "../../lib/derive/types";
import { addCalendarDays, date } from "../../lib/model/dates";
import type { ItemId } from "../../lib/model/ids";
import { moveItem } from "../../lib/model/itemCommands";
import { LiveSnapshot } from "../../lib/model/liveSnapshot";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot, type BoardSnapshot } from "../../lib/model/snapshot";
import { generateBoard } from "./generateBoard";

const runs = Number(process.argv[2] ?? 50);
const options = { today: date("2027-06-01") };

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown): number[] {
  for (let i = 0; i < 5; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

/** Process CPU time (user + system) per call, in ms. */
function cpuPerCall(fn: () => unknown): number {
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / runs;
}

const ms = (x: number) => `${x.toFixed(2)} ms`;
const p90 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.9)]!;

/** Everything overloaded and late: capacity 1 everywhere, every scheduled item pinned two weeks early. */
function worstCase(snapshot: BoardSnapshot, schedule: Schedule): BoardSnapshot {
  const start = new Map(schedule.items.map((s) => [s.itemId as string, s.start]));
  return {
    ...snapshot,
    lanes: snapshot.lanes.map((l) => ({ ...l, capacity: 1 })),
    items: snapshot.items.map((i) => {
      const s = start.get(i.id);
      return s ? { ...i, start: addCalendarDays(s, -14) } : i;
    }),
  };
}

function report(label: string, snapshot: BoardSnapshot): void {
  const schedule = computeSchedule(snapshot);
  const plain = JSON.parse(JSON.stringify(schedule)) as Schedule; // no scheduler index attached
  const conflicts = findConflicts(snapshot, schedule, options);
  const byKind = new Map<string, number>();
  for (const c of conflicts) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  const floor = time(() => {
    let n = 0;
    for (const list of [snapshot.items, snapshot.dependencies, snapshot.lanes, snapshot.phases, snapshot.milestones]) for (const r of list) n += r.id.length;
    for (const s of schedule.items) n += s.start.length;
    return n;
  });
  const withIndex = time(() => findConflicts(snapshot, schedule, options));
  const withoutIndex = time(() => findConflicts(snapshot, plain, options));
  console.log(`\n${label}: ${snapshot.items.length} items, ${snapshot.dependencies.length} links, ${snapshot.lanes.length} lanes, ${snapshot.milestones.length} milestones; ${conflicts.length} conflicts`);
  console.log(`  findConflicts, all rules (scheduler's index): median ${ms(median(withIndex))}, p90 ${ms(p90(withIndex))} (${runs} runs); CPU ${ms(cpuPerCall(() => findConflicts(snapshot, schedule, options)))} per call`);
  console.log(`  findConflicts, all rules (plain schedule):    median ${ms(median(withoutIndex))}, p90 ${ms(p90(withoutIndex))}`);
  console.log(`  floor (walk the snapshot and schedule once):  median ${ms(median(floor))}`);
  console.log(`  shared lookups (buildContext):                median ${ms(median(time(() => buildContext(snapshot, schedule))))}`);
  const ctx = buildContext(snapshot, schedule);
  // Item facts (shared by every rule) are built with the context: counted in none below.
  for (const [name, rule] of CONFLICT_RULES) {
    console.log(`  ${name.padEnd(22)} median ${ms(median(time(() => rule(ctx)))).padStart(9)}   ${byKind.get(name) ?? 0} conflicts`);
  }
}

/** One-item moves on a live board, each followed by the conflicts of the updated board. */
function incremental(): void {
  const { doc, itemIds } = generateBoard(42);
  const live = new LiveSnapshot(doc);
  const scheduler = new Scheduler();
  const finder = new ConflictFinder();
  const origin = createOrigin("local", "bench");
  const samples: number[] = [];
  let cpu = 0;
  for (let i = 0; i < runs + 5; i++) {
    const id = itemIds[(i * 7919) % itemIds.length]! as ItemId;
    const item = live.snapshot.items.find((it) => it.id === id);
    moveItem(doc, origin, id, { start: addCalendarDays(item?.start ?? date("2027-03-01"), i % 2 ? 7 : -7) });
    const snapshot = live.snapshot;
    const { schedule } = scheduler.run(snapshot);
    const before = process.cpuUsage();
    const t = performance.now();
    finder.find(snapshot, schedule, options);
    const used = process.cpuUsage(before);
    if (i >= 5) {
      samples.push(performance.now() - t);
      cpu += (used.user + used.system) / 1000;
    }
  }
  live.destroy();
  console.log(`\nOne-item edit, then ConflictFinder.find on the live board: median ${ms(median(samples))}, p90 ${ms(p90(samples))}; CPU ${ms(cpu / runs)} per call (${runs} edits)`);
}

const snapshot = readSnapshot(generateBoard(42).doc);
report("Generated board", snapshot);
incremental();
report("Worst case (capacity 1, everything pinned two weeks early)", worstCase(snapshot, computeSchedule(snapshot)));
