/**
 * `npm run bench:io` (issue 18): the import and export of big plans, each beside its target.
 *  - a 10,000-row CSV and a 10,000-task MS Project XML file (written by Waymark's own exports
 *    of the generated 10,000-item board), read by the lib functions alone, then imported through
 *    the service the route calls (parse, check, write a new board: the whole request);
 *  - the PDF and the PNG of the generated 2,000-item board (3,000 links, 60 milestones): the
 *    whole horizon as a PDF, A4 and A3, and what a screen shows (three months) as a PNG.
 * Targets: import ≤ 5 s, PDF ≤ 10 s; the PNG has none in the issue (printed for the record).
 */
import { cpus, loadavg } from "node:os";
import { deriveBoard } from "../../lib/derive/deriveBoard";
import { parseBoardFile } from "../../lib/io/boardFile";
import { boardToCsv } from "../../lib/io/csvExport";
import { csvToBoardFile, guessMapping, readCsv } from "../../lib/io/csvImport";
import { boardToMspdi } from "../../lib/io/mspdiExport";
import { mspdiToBoardFile } from "../../lib/io/mspdiImport";
import { date } from "../../lib/model/dates";
import { readSnapshot } from "../../lib/model/snapshot";
import { importQuerySchema } from "../../lib/protocol/importExport";
import { renderTimeline, type RenderRequest } from "../../server/render/renderTimeline";
import { removeDataDir, startTestServer } from "../../tests/helpers/testServer";
import { BENCH_SIZE, generateBoard } from "./generateBoard";

const today = date("2027-01-18");
const rows: string[] = [];
/**
 * Wall time beside the process's CPU time (all its threads, the import threads included): on
 * a shared machine the wall time is mostly the wait for a core, the CPU time what the work
 * costs on one of its own.
 */
function report(what: string, [ms, cpuMs]: [number, number], targetMs: number | null, extra = "") {
  const verdict = targetMs === null ? "" : ms <= targetMs ? "  ok" : "  OVER TARGET";
  const line = `${what.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(6)} s (cpu ${(cpuMs / 1000).toFixed(2)} s)   target ${targetMs === null ? "  none" : `≤ ${targetMs / 1000} s`}${verdict}${extra ? `   ${extra}` : ""}`;
  rows.push(line);
  console.log(line);
}
async function time<T>(f: () => T | Promise<T>): Promise<[T, [number, number]]> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(cpu);
  return [value, [performance.now() - t, (used.user + used.system) / 1000]];
}

console.log(`bench:io on ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

// The files: Waymark's own exports of a 10,000-item board.
const big = readSnapshot(generateBoard(1, BENCH_SIZE).doc);
const bigDerived = deriveBoard(big, { today });
const csv = boardToCsv(big, bigDerived);
const xml = boardToMspdi(big, bigDerived);
console.log(`files: CSV ${(csv.length / 1e6).toFixed(1)} MB with ${big.items.length} rows, MSPDI ${(xml.length / 1e6).toFixed(1)} MB with ${big.items.length} tasks`);

{
  const [errors, ms] = await time(() => {
    const table = readCsv(csv);
    if (!table.ok) throw new Error(table.error);
    const made = csvToBoardFile(table.headers, table.rows, { mapping: guessMapping(table.headers), dateOrder: "dmy" });
    const checked = parseBoardFile(JSON.parse(JSON.stringify(made.file)));
    return [...made.errors.map((e) => `row ${e.row}: ${e.message}`), ...(checked.ok ? [] : checked.errors)].slice(0, 5).join("; ");
  });
  if (errors) throw new Error(`CSV import found errors: ${errors}`);
  report("CSV import, 10,000 rows (lib: read, convert, check)", ms, 5_000);
}
{
  const [errors, ms] = await time(() => {
    const read = mspdiToBoardFile(xml, { summaryAs: "phases" });
    if (!read.ok) return read.errors.length;
    const checked = parseBoardFile(JSON.parse(JSON.stringify(read.result.file)));
    return checked.ok ? 0 : checked.errors.length;
  });
  if (errors) throw new Error(`MSPDI import found ${errors} errors`);
  report("MSPDI import, 10,000 tasks (lib: parse, convert, check)", ms, 5_000);
}

const server = await startTestServer();
try {
  const owner = await server.createUser("bench");
  for (const [format, text] of [["csv", csv], ["mspdi", xml]] as const) {
    // The longest the event loop went without running a 10 ms timer meanwhile: what every
    // board's sync waited at worst (the file is read on an import thread, server/io/importThreads.ts).
    let last = performance.now();
    let stall = 0;
    const tick = setInterval(() => {
      stall = Math.max(stall, performance.now() - last);
      last = performance.now();
    }, 10);
    const [outcome, ms] = await time(() => server.services.importBoard(owner, importQuerySchema.parse({ format }), text));
    clearInterval(tick);
    if (!outcome.ok || !outcome.value.written) throw new Error(`${format} import through the service failed: ${JSON.stringify(outcome).slice(0, 300)}`);
    report(`${format === "csv" ? "CSV" : "MSPDI"} import through the service (a new board written)`, ms, 5_000, `${outcome.value.counts.items} items, event loop stalled ${Math.round(stall)} ms at most`);
  }
} finally {
  await server.close();
  removeDataDir(server.dataDir);
}

const board = readSnapshot(generateBoard(7, { items: 2_000, dependencies: 3_000, lanes: 12, milestones: 60 }).doc);
const renders: [string, RenderRequest, number | null][] = [
  ["PDF, 2,000 items, whole horizon, A4", { format: "pdf", paper: "a4", range: "all", exportedAt: new Date("2027-01-18T09:00:00Z") }, 10_000],
  ["PDF, 2,000 items, whole horizon, A3", { format: "pdf", paper: "a3", range: "all", exportedAt: new Date("2027-01-18T09:00:00Z") }, 10_000],
  ["PNG, 2,000 items, three months on screen, A4", { format: "png", paper: "a4", range: { from: "2027-03-01", to: "2027-05-31" }, exportedAt: new Date("2027-01-18T09:00:00Z") }, null],
  ["PNG, 2,000 items, three months on screen, A3", { format: "png", paper: "a3", range: { from: "2027-03-01", to: "2027-05-31" }, exportedAt: new Date("2027-01-18T09:00:00Z") }, null],
];
for (const [what, request, target] of renders) {
  const [made, ms] = await time(() => renderTimeline(board, request));
  if (!made.ok) throw new Error(`${what}: ${made.error}`);
  report(what, ms, target, `${made.value.pages} pages, ${(made.value.body.length / 1e6).toFixed(2)} MB`);
}
