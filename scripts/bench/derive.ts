/**
 * `npm run bench:derive`: how fast lib/derive turns a 10,000-item board into what everyone
 * sees. Prints median and p95 of
 *   (a) a full deriveBoard from a snapshot (a fresh deriver each run: nothing reused),
 *   (b) a one-item edit on the Y.Doc → LiveSnapshot update → BoardDeriver.derive (a move or
 *       a new duration, which reschedules; and a rename, which the scheduler skips),
 *   (c) the floor: merely iterating the snapshot's records and the fields derivation reads,
 * with the ratio of each to the floor. Options: --seed N, --runs N, --edits N.
 */
import { cpus, loadavg } from "node:os";
import * as Y from "yjs";
import { BoardDeriver, deriveBoard } from "../../lib/derive/deriveBoard";
import { BoardLayouter } from "../../lib/derive/boardLayout";
import { ConflictFinder, findConflicts } from "../../lib/derive/conflicts/index";
import { computeSchedule, Scheduler } from "../../lib/derive/schedule";
import { addCalendarDays, date } from "../../lib/model/dates";
import type { ItemId } from "../../lib/model/ids";
import { updateItem } from "../../lib/model/itemCommands";
import { LiveSnapshot } from "../../lib/model/liveSnapshot";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot, type BoardSnapshot } from "../../lib/model/snapshot";
import { BENCH_SIZE, generateBoard, prng } from "./generateBoard";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const SEED = arg("seed", 20270104);
const RUNS = arg("runs", 60);
const EDITS = arg("edits", 300);
const OPTIONS = { today: date("2027-06-01") };

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), runs: samples.length };
}

function measure(runs: number, warmup: number, run: () => unknown): number[] {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Touches every record and every field derivation reads: what any derivation must pay at least. */
function iterate(s: BoardSnapshot): number {
  let sum = 0;
  for (const item of s.items) {
    sum += item.duration + item.effort + item.id.length + item.owners.length + (item.start?.length ?? 0);
    sum += (item.laneId?.length ?? 0) + (item.phaseId?.length ?? 0) + (item.deadlineMilestoneId?.length ?? 0);
  }
  for (const dep of s.dependencies) sum += dep.lag + dep.id.length + dep.fromId.length + dep.toId.length;
  for (const m of s.milestones) sum += m.date.length + m.id.length;
  for (const lane of s.lanes) sum += lane.capacity;
  return sum;
}

// The board as a client has it: loaded from the encoded document, as it arrives over the wire.
const started = performance.now();
const { doc: source, itemIds } = generateBoard(SEED);
const doc = new Y.Doc();
Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
source.destroy();
const snapshot = readSnapshot(doc);
const schedule = computeSchedule(snapshot);
const conflicts = findConflicts(snapshot, schedule, OPTIONS);
console.log(
  `board: ${snapshot.items.length} items, ${snapshot.dependencies.length} dependencies, ${snapshot.lanes.length} lanes, ` +
    `${snapshot.milestones.length} milestones (seed ${SEED}, generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
console.log(
  `derived: ${schedule.items.length} scheduled (${schedule.items.filter((i) => i.pinned).length} pinned), ${schedule.unscheduled.length} unscheduled, ` +
    `board finish ${schedule.boardFinish}, ${schedule.criticalPaths.length} critical paths, ${conflicts.length} conflicts`,
);
if (snapshot.items.length !== BENCH_SIZE.items) throw new Error("generator produced the wrong size");

const rows: [string, number[]][] = [];
rows.push(["(c) floor: iterate the snapshot", measure(RUNS * 4, 20, () => iterate(snapshot))]);
rows.push(["(a) full deriveBoard from a snapshot", measure(RUNS, 10, () => deriveBoard(snapshot, OPTIONS))]);
rows.push(["    of which computeSchedule", measure(RUNS, 10, () => computeSchedule(snapshot))]);
rows.push(["    of which findConflicts", measure(RUNS, 10, () => findConflicts(snapshot, schedule, OPTIONS))]);

// (b) One person's edits, one at a time: a duration changed or a pinned item moved.
const live = new LiveSnapshot(doc);
const deriver = new BoardDeriver();
const layouter = new BoardLayouter();
deriver.derive(live.snapshot, OPTIONS);
const origin = createOrigin("local", "bench");
const r = prng(SEED + 1);
const pinned = new Map(snapshot.items.map((i) => [i.id as string, i.start]));
const edit = () => {
  const id = itemIds[r.int(itemIds.length)]! as ItemId;
  const start = pinned.get(id);
  const result = start && r.chance(0.5)
    ? updateItem(doc, origin, id, { start: addCalendarDays(start, r.int(7) - 3) })
    : updateItem(doc, origin, id, { duration: 1 + r.int(10) });
  if (!result.ok) throw new Error(result.error);
};
const phases = { edit: [] as number[], snapshot: [] as number[], derive: [] as number[], total: [] as number[], layout: [] as number[] };
for (let i = 0; i < EDITS + 30; i++) {
  const t0 = performance.now();
  edit();
  const t1 = performance.now();
  const next = live.snapshot;
  const t2 = performance.now();
  const derived = deriver.derive(next, OPTIONS);
  const t3 = performance.now();
  layouter.layout(next, derived.schedule, derived.phaseSpans);
  const t4 = performance.now();
  if (i < 30) continue; // warm-up
  phases.edit.push(t1 - t0);
  phases.snapshot.push(t2 - t1);
  phases.derive.push(t3 - t2);
  phases.total.push(t3 - t0);
  phases.layout.push(t4 - t3);
}
// The same edits again, with BoardDeriver's two steps timed apart (what derive() does).
const scheduler = new Scheduler();
const finder = new ConflictFinder();
finder.find(live.snapshot, scheduler.run(live.snapshot).schedule, OPTIONS);
const split = { schedule: [] as number[], conflicts: [] as number[] };
for (let i = 0; i < EDITS + 30; i++) {
  edit();
  const next = live.snapshot;
  const t0 = performance.now();
  const { schedule: s } = scheduler.run(next);
  const t1 = performance.now();
  finder.find(next, s, OPTIONS);
  const t2 = performance.now();
  if (i < 30) continue;
  split.schedule.push(t1 - t0);
  split.conflicts.push(t2 - t1);
}

// The same for an edit the scheduler does not read (a rename): conflicts still run.
const renames: number[] = [];
for (let i = 0; i < EDITS + 30; i++) {
  const t0 = performance.now();
  const result = updateItem(doc, origin, itemIds[r.int(itemIds.length)]! as ItemId, { title: `Renamed ${i}` });
  if (!result.ok) throw new Error(result.error);
  deriver.derive(live.snapshot, OPTIONS);
  if (i >= 30) renames.push(performance.now() - t0);
}
rows.push(["(b) one-item edit → snapshot → derived", phases.total]);
rows.push(["    of which the Yjs transaction", phases.edit]);
rows.push(["    of which LiveSnapshot update", phases.snapshot]);
rows.push(["    of which BoardDeriver.derive", phases.derive]);
rows.push(["      its Scheduler.run (incremental)", split.schedule]);
rows.push(["      its ConflictFinder.find", split.conflicts]);
rows.push(["    then the row layout (BoardLayouter)", phases.layout]);
rows.push(["(b') a rename, edit → derived", renames]);

// Trust, but verify: the incremental path ends where a full derivation from scratch does.
const fresh = JSON.stringify(deriveBoard(readSnapshot(doc), OPTIONS));
if (JSON.stringify(deriver.derive(live.snapshot, OPTIONS)) !== fresh) throw new Error("incremental derivation diverged from a full one");

const floor = stats(rows[0]![1]).median;
const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number) => x.toFixed(2).padStart(9);
console.log(`\n${pad("measure", 42)}${"median ms".padStart(10)}${"p95 ms".padStart(10)}${"× floor".padStart(10)}${"runs".padStart(7)}`);
for (const [label, samples] of rows) {
  const s = stats(samples);
  console.log(`${pad(label, 42)} ${num(s.median)} ${num(s.p95)} ${(s.median / floor).toFixed(0).padStart(9)} ${String(s.runs).padStart(6)}`);
}
console.log(`\ngoals: (a) median ≤ 20 ms, (b) median ≤ 5 ms. Node ${process.version}, ${cpus().length} CPUs.`);
// Wall-clock figures: other work on the machine inflates them, so say how busy it was.
console.log(`load average (1, 5, 15 min) at the end: ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
