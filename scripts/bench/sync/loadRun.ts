import type { ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { forkTs, nextMessage, stopChild } from "./children";
import { probeDiskCommits, type DiskCommits } from "./diskProbe";
import type { BenchOptions } from "./options";
import { sampleUsage, type UsageSummary } from "./procStats";
import type { LoadScenario } from "./scenarios";
import { joinDeliveries, percentile } from "./stats";
import { bucketsBetween, type Buckets } from "./ownLatency";
import type { RunningTarget } from "./targets";
import { wallNow, type ClientRole, type ServerName, type WorkerCommand, type WorkerEvent, type WorkerResult } from "./types";

export interface LoadResult {
  scenario: LoadScenario["id"];
  server: ServerName;
  p50: number;
  p99: number;
  max: number;
  /** Every (edit, receiver) latency in ms, ascending (Infinity: never arrived). */
  latencies: number[];
  /** The p99 of each round pooled into this result (one round: just its own). */
  roundP99s: number[];
  /** Waymark only: its own apply → broadcast histogram over the window (see ownLatency.ts). */
  ownBuckets?: Buckets;
  /** Edits sent in the window that reached every other client of their board, per second. */
  editsPerSecond: number;
  /** Edits sent per second in the window (what was offered). */
  sentPerSecond: number;
  receptions: number;
  lost: number;
  disconnects: number;
  usage: UsageSummary;
  /** CPU of all load-generator processes together, in cores: near 2 here means they, not the server, set the pace. */
  generatorCores: number;
  /** 1-minute load average when the window opened (this run's own processes included). */
  loadAverage: number;
  connectMs: number;
  /** Durable commit latency on this disk just before the window (see diskProbe.ts). */
  disk: DiskCommits;
}

/** How long a start slack, for the "go" message to reach every worker before edits begin. */
const GO_SLACK_MS = 500;
const CONNECT_BATCH = 50;

/** Who runs where: whole boards per worker when there are enough boards, else people spread out. */
function assign(scenario: LoadScenario, roles: ClientRole[][], workers: number): ClientRole[][] {
  const out: ClientRole[][] = Array.from({ length: workers }, () => []);
  roles.forEach((board, b) =>
    board.forEach((role, c) => out[(scenario.boards >= workers ? b : c) % workers]!.push(role)),
  );
  return out.filter((w) => w.length > 0);
}

/**
 * One scenario against one running server: connects every client (each person its own
 * websocket), lets them edit through a warm-up, measures a window, waits for stragglers, and
 * samples the server's RSS and CPU over the window.
 */
export async function runLoad(target: RunningTarget, full: LoadScenario, options: BenchOptions): Promise<LoadResult> {
  const scenario = scaled(full, options.scale);
  const specs = await target.prepareBoards(scenario.boards, scenario.clientsPerBoard);
  const roles = specs.map((board, b) =>
    board.map(
      (spec, c): ClientRole => ({
        spec,
        key: `${b}.${c}`,
        editsPerSecond: c < scenario.editorsPerBoard ? scenario.editsPerSecond : 0,
        cursorHz: scenario.cursorHz,
      }),
    ),
  );
  const shares = assign(scenario, roles, options.workers);
  const workers = shares.map(() => forkTs("loadWorker.ts"));
  try {
    const started = performance.now();
    await Promise.all(
      workers.map((worker, i) => {
        const connected = nextMessage<WorkerEvent>(worker, (m) => m.type === "connected", 300_000, `${target.name} connect`);
        send(worker, { type: "connect", clients: shares[i]!, connectBatch: CONNECT_BATCH });
        return connected;
      }),
    );
    const connectMs = performance.now() - started;
    const disk = probeDiskCommits();

    const measureFrom = wallNow() + GO_SLACK_MS + options.warmupMs;
    const measureTo = measureFrom + options.measureMs;
    const reportAt = measureTo + options.drainMs;
    const results = workers.map((worker) =>
      nextMessage<Extract<WorkerEvent, { type: "result" }>>(worker, (m) => m.type === "result", reportAt - wallNow() + 120_000, `${target.name} result`),
    );
    for (const worker of workers) send(worker, { type: "go", measureFrom, measureTo, reportAt });

    await sleepUntil(measureFrom);
    const loadAverage = loadavg()[0]!;
    // Read while the load runs; a failed read leaves the column empty rather than failing the run.
    const ownBefore = target.fanoutBuckets?.().catch(() => undefined);
    const sampler = sampleUsage(target.pid);
    const generators = workers.map((w) => sampleUsage(w.pid!, 1000));
    await sleepUntil(measureTo);
    const ownAfter = target.fanoutBuckets?.().catch(() => undefined);
    const usage = sampler.stop();
    const generatorCores = generators.reduce((sum, g) => sum + g.stop().cpuCores, 0);
    const parts: WorkerResult[] = (await Promise.all(results)).map((m) => m.result);

    const sent = parts.flatMap((p) => p.sent);
    const boardOf = new Map(roles.flatMap((board) => board.map((role) => [role.key, board.map((r) => r.key)] as const)));
    const receiversOf = (sender: string) => (boardOf.get(sender) ?? []).filter((key) => key !== sender);
    const { latencies, deliveredToAll, lost } = joinDeliveries(sent, parts.map((p) => p.seen), receiversOf);
    const seconds = options.measureMs / 1000;
    const p99 = percentile(latencies, 0.99);
    return {
      scenario: scenario.id,
      server: target.name,
      p50: percentile(latencies, 0.5),
      p99,
      max: latencies.at(-1) ?? NaN,
      latencies,
      roundP99s: [p99],
      ownBuckets: await ownWindow(ownBefore, ownAfter),
      editsPerSecond: deliveredToAll / seconds,
      sentPerSecond: sent.length / seconds,
      receptions: latencies.length - lost,
      lost,
      disconnects: parts.reduce((n, p) => n + p.disconnects, 0),
      usage,
      generatorCores,
      loadAverage,
      connectMs,
      disk,
    };
  } finally {
    await Promise.all(workers.map((w) => stopWorker(w)));
  }
}

async function ownWindow(before?: Promise<Buckets | undefined>, after?: Promise<Buckets | undefined>): Promise<Buckets | undefined> {
  const [from, to] = await Promise.all([before, after]);
  return from && to ? bucketsBetween(from, to) : undefined;
}

/** The scenario with `scale` times the boards (one board: times the clients, editors kept). */
function scaled(scenario: LoadScenario, scale: number): LoadScenario {
  if (scale === 1) return scenario;
  if (scenario.boards > 1) return { ...scenario, boards: Math.max(1, Math.round(scenario.boards * scale)) };
  const clientsPerBoard = Math.max(2, Math.round(scenario.clientsPerBoard * scale));
  return { ...scenario, clientsPerBoard, editorsPerBoard: Math.min(scenario.editorsPerBoard, clientsPerBoard) };
}

function send(worker: ChildProcess, command: WorkerCommand): void {
  worker.send(command);
}

async function stopWorker(worker: ChildProcess): Promise<void> {
  if (worker.connected) send(worker, { type: "stop" });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const timer = setTimeout(() => void stopChild(worker, 2_000), 10_000);
  if (worker.exitCode === null && worker.signalCode === null) await exited;
  clearTimeout(timer);
}

function sleepUntil(wallMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, wallMs - wallNow())));
}
