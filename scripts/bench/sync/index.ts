/**
 * `npm run bench:sync`: Waymark's sync server under load, beside the plain y-websocket server
 * and Hocuspocus, each in a process of its own, driven by the same load-generator processes of
 * stock clients. Prints a table per scenario (latency from an edit at one client to its arrival
 * at every other, p50/p99; edits/s delivered; the server's RSS and CPU), Waymark's ratios to the
 * references and whether each target of issue 7 is met, and writes the same as Markdown.
 * Options: see options.ts (`-- --quick` for a short run).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { REPO_ROOT } from "./children";
import { buildLargeBoard, writeLargeBoard } from "./largeBoard";
import { runLarge, type LargeResult } from "./largeRun";
import { runLoad, type LoadResult } from "./loadRun";
import { parseOptions } from "./options";
import { poolRounds } from "./rounds";
import { largeTable, loadTable, renderMarkdown, renderText, verdicts } from "./report";
import { LOAD_SCENARIOS } from "./scenarios";
import { startTarget } from "./targets";
import { checkCostLines, measureCheckCost } from "./checkCost";

const options = parseOptions(process.argv.slice(2));
const startedAt = new Date();
const loadAtStart = loadavg();
const log = (line: string) => console.error(`[bench:sync ${new Date().toISOString().slice(11, 19)}] ${line}`);

const loadResults: LoadResult[] = [];
for (const scenario of LOAD_SCENARIOS.filter((s) => options.scenarios.includes(s.id))) {
  const rounds = new Map<string, LoadResult[]>(options.servers.map((server) => [server, []]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const server of options.servers) {
      log(`scenario ${scenario.id} (${scenario.title}) on ${server}, round ${round} of ${options.rounds}`);
      // A fresh server per run: memory and caches start from the same place for everyone.
      const target = await startTarget(server);
      try {
        const result = await runLoad(target, scenario, options);
        rounds.get(server)!.push(result);
        log(`  p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.editsPerSecond.toFixed(0)} edits/s, lost ${result.lost}`);
      } finally {
        await target.stop();
      }
    }
  }
  for (const server of options.servers) loadResults.push(poolRounds(rounds.get(server)!));
}

const largeResults: LargeResult[] = [];
if (options.scenarios.includes(4)) {
  log("scenario 4: building the 10,000-item board with 100,000 edits of history");
  const board = buildLargeBoard(options.seed);
  const boardFile = join(mkdtempSync(join(tmpdir(), "waymark-bench-board-")), "board.v8");
  writeLargeBoard(board, boardFile);
  // How often a commit fsyncs changes nothing in loading a board or answering a fresh client.
  for (const server of options.servers.filter((s) => s !== "waymark-fsync" && s !== "waymark-unchecked")) {
    log(`scenario 4 on ${server}`);
    const target = await startTarget(server);
    try {
      largeResults.push(await runLarge(target, board, boardFile, options));
    } finally {
      await target.stop();
    }
  }
  rmSync(dirname(boardFile), { recursive: true, force: true });
}

const loadAtEnd = loadavg();
const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const command = `npm run bench:sync${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
const windowText = `warm-up ${options.warmupMs / 1000} s, measured ${options.measureMs / 1000} s, drain ${options.drainMs / 1000} s, ${options.rounds} round${options.rounds === 1 ? "" : "s"} per server (servers taking turns; percentiles over all rounds), ${options.workers} load-generator processes`;
const loadText = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
const notes = [
  `${startedAt.toISOString()} · ${machine}`,
  `${command} · ${windowText}`,
  `load average (1, 5, 15 min) at start ${loadText(loadAtStart)}, at end ${loadText(loadAtEnd)}`,
];
const lines = verdicts(loadResults, largeResults);
if (options.scenarios.some((s) => s <= 3)) {
  log("measuring the layout check's cost per update (micro-benchmark)");
  lines.push(...checkCostLines(measureCheckCost()));
}

const text = [
  ...notes,
  "",
  ...(loadResults.length ? [renderText(loadTable(loadResults)), ""] : []),
  ...(largeResults.length ? ["Scenario 4: 10,000-item board with 100,000 edits of history (ms, median (max))", renderText(largeTable(largeResults)), ""] : []),
  ...lines,
].join("\n");
console.log(`\n${text}`);

const markdown = [
  ...notes.map((n) => `${n}  `),
  "",
  ...(loadResults.length ? [renderMarkdown(loadTable(loadResults)), ""] : []),
  ...(largeResults.length ? ["Scenario 4: a 10,000-item board with 100,000 edits of history (ms, median (max) of the runs)", "", renderMarkdown(largeTable(largeResults)), ""] : []),
  ...lines.map((l) => `- ${l}`),
  "",
].join("\n");
const out = resolve(REPO_ROOT, options.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, markdown);
log(`written to ${out}`);
// Closed clients may leave a reconnect timer or socket handle behind for a moment; the run is over.
process.exit(0);
