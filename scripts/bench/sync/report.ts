import type { LargeResult } from "./largeRun";
import { summarizeMs } from "./largeRun";
import type { LoadResult } from "./loadRun";
import { bucketQuantile } from "./ownLatency";
import { LARGE_TARGETS, LOAD_SCENARIOS } from "./scenarios";
import type { ServerName } from "./types";

type Table = { head: string[]; rows: string[][] };

const ms = (v: number) => (!Number.isFinite(v) ? (Number.isNaN(v) ? "n/a" : "lost") : v < 100 ? v.toFixed(1) : v.toFixed(0));
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");
/** A histogram bucket's upper bound: the quantile is at most this. */
const atMost = (v: number) => (Number.isNaN(v) ? "n/a" : Number.isFinite(v) ? `≤ ${ms(v)}` : "> 2500");
const medMax = (values: number[]) => {
  const s = summarizeMs(values);
  return s ? `${ms(s.median)} (${ms(s.max)})` : "n/a";
};

export function loadTable(results: LoadResult[]): Table {
  return {
    head: ["scenario", "server", "p50 ms", "p99 ms", "p99 ms of each round", "server's own p50/p99 ms", "max ms", "edits/s delivered (sent)", "lost", "server RSS MiB peak (mean)", "server CPU", "load gen CPU", "load avg", "disk commit p50/p99 ms"],
    rows: results.map((r) => [
      String(r.scenario),
      r.server,
      ms(r.p50),
      ms(r.p99),
      r.roundP99s.map(ms).join(", "),
      r.ownBuckets ? `${atMost(bucketQuantile(r.ownBuckets, 0.5))}/${atMost(bucketQuantile(r.ownBuckets, 0.99))}` : "n/a",
      ms(r.max),
      `${r.editsPerSecond.toFixed(0)} (${r.sentPerSecond.toFixed(0)})`,
      r.lost + (r.disconnects ? `, ${r.disconnects} drops` : ""),
      `${r.usage.peakRssMb.toFixed(0)} (${r.usage.meanRssMb.toFixed(0)})`,
      `${(r.usage.cpuCores * 100).toFixed(0)}%`,
      `${(r.generatorCores * 100).toFixed(0)}%`,
      r.loadAverage.toFixed(1),
      `${ms(r.disk.p50)}/${ms(r.disk.p99)}`,
    ]),
  };
}

export function largeTable(results: LargeResult[]): Table {
  return {
    head: ["server", "server load ms median (max)", "fresh client synced, board cold", "fresh client synced, board loaded", "bare socket's whole answer, board as stored", "the same, board edited since", "client's own apply, no server", "server RSS MiB peak", "load avg"],
    rows: results.map((r) => [r.server, medMax(r.serverLoadMs), medMax(r.coldSyncMs), medMax(r.warmSyncMs), medMax(r.storedAnswerMs), medMax(r.editedAnswerMs), medMax(r.clientApplyMs), r.usage.peakRssMb.toFixed(0), r.loadAverage.toFixed(1)]),
  };
}

/** One line per scenario: Waymark against each reference, and whether its target is met. */
export function verdicts(load: LoadResult[], large: LargeResult[]): string[] {
  const lines: string[] = [];
  for (const scenario of LOAD_SCENARIOS) {
    const of = (server: ServerName) => load.find((r) => r.scenario === scenario.id && r.server === server);
    const waymark = of("waymark");
    if (!waymark) continue;
    const refs = (["y-websocket", "hocuspocus"] as const).map(of).filter((r): r is LoadResult => r !== undefined);
    const vs = refs.map((r) => `p99 ${ratio(waymark.p99, r.p99)} ${r.server}'s, RSS ${ratio(waymark.usage.peakRssMb, r.usage.peakRssMb)}`);
    let verdict: string;
    if (scenario.target.kind === "absolute") {
      const met = waymark.p99 <= scenario.target.limitMs && waymark.lost === 0;
      verdict = `target p99 ≤ ${scenario.target.limitMs} ms: ${met ? "met" : "MISSED"} (${ms(waymark.p99)} ms)`;
    } else if (refs.length === 0) {
      verdict = "target p99 ≤ the better reference's: not checked (no reference ran)";
    } else {
      const better = refs.reduce((a, b) => (b.p99 < a.p99 ? b : a));
      const met = waymark.p99 <= better.p99 && waymark.lost === 0;
      verdict = `target p99 ≤ the better reference's (${better.server}, ${ms(better.p99)} ms): ${met ? "met" : "MISSED"} (${ms(waymark.p99)} ms)`;
    }
    const fsync = of("waymark-fsync");
    const fsyncNote = fsync ? `; with an fsync before every relay (waymark-fsync) p99 ${ms(fsync.p99)} ms` : "";
    lines.push(`Scenario ${scenario.id}: ${verdict}${vs.length ? `; Waymark ${vs.join("; ")}` : ""}${fsyncNote}.`);
    const unchecked = of("waymark-unchecked");
    if (unchecked) lines.push(`Scenario ${scenario.id}, the layout check's cost: ${checkCostVerdict(waymark, unchecked)}.`);
  }
  const waymarkLarge = large.find((r) => r.server === "waymark");
  if (waymarkLarge) {
    const load = summarizeMs(waymarkLarge.serverLoadMs);
    const cold = summarizeMs(waymarkLarge.coldSyncMs);
    const loadMet = load !== null && load.max <= LARGE_TARGETS.serverLoadMs;
    const syncMet = cold !== null && cold.max <= LARGE_TARGETS.clientSyncMs;
    const floor = summarizeMs(large.flatMap((r) => r.clientApplyMs));
    lines.push(
      `Scenario 4: server load ≤ ${LARGE_TARGETS.serverLoadMs} ms: ${loadMet ? "met" : "MISSED"} (worst ${ms(load?.max ?? NaN)} ms); ` +
        `fresh client synced ≤ ${LARGE_TARGETS.clientSyncMs} ms with the board cold: ${syncMet ? "met" : "MISSED"} (worst ${ms(cold?.max ?? NaN)} ms); ` +
        `the stored board is ${(waymarkLarge.stateBytes / 1e6).toFixed(1)} MB of Yjs update, ` +
        `which a fresh Y.Doc in this process takes ${ms(floor?.median ?? NaN)} ms (median; worst ${ms(floor?.max ?? NaN)}) to apply with no server at all.`,
    );
  }
  return lines;
}

/** Issue 14's bar: with the layout check, each figure within 10% of Waymark's without it in the same run. */
function checkCostVerdict(checked: LoadResult, unchecked: LoadResult): string {
  const pct = (a: number, b: number) => `${a >= b ? "+" : ""}${(((a - b) / b) * 100).toFixed(1)}%`;
  const within = (a: number, b: number) => a <= b * 1.1;
  const met = within(checked.p50, unchecked.p50) && within(checked.p99, unchecked.p99) && checked.editsPerSecond >= unchecked.editsPerSecond * 0.9;
  return (
    `p50 ${ms(checked.p50)} ms against ${ms(unchecked.p50)} ms without it (${pct(checked.p50, unchecked.p50)}), ` +
    `p99 ${ms(checked.p99)} against ${ms(unchecked.p99)} (${pct(checked.p99, unchecked.p99)}), ` +
    `${checked.editsPerSecond.toFixed(0)} against ${unchecked.editsPerSecond.toFixed(0)} edits/s: within 10% ${met ? "met" : "MISSED"}`
  );
}

export function renderText({ head, rows }: Table): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function renderMarkdown({ head, rows }: Table): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map((_, i) => (i < 2 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}
