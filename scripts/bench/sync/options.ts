import type { ServerName } from "./types";

export interface BenchOptions {
  warmupMs: number;
  measureMs: number;
  /** After the window closes: how long edits sent in it may take to arrive before they count as lost. */
  drainMs: number;
  scenarios: number[];
  servers: ServerName[];
  /** Load-generator processes. */
  workers: number;
  /** Rounds of each load scenario, the servers taking turns; percentiles pool all rounds. */
  rounds: number;
  /** Repetitions of each scenario-4 measurement. */
  runs: number;
  seed: number;
  /** Where the Markdown table is written. */
  out: string;
  quick: boolean;
  /** Multiplies the number of boards (scenario 3: of clients), for smoke tests of the harness itself. */
  scale: number;
}

const ALL_SERVERS: ServerName[] = ["y-websocket", "hocuspocus", "waymark-unchecked", "waymark", "waymark-fsync"];

/**
 * `npm run bench:sync -- [--quick] [--warmup S] [--measure S] [--drain S] [--scenarios 1,2,3,4]
 * [--servers waymark,waymark-fsync,waymark-unchecked,y-websocket,hocuspocus] [--workers N] [--rounds N] [--runs N] [--seed N] [--out FILE]
 * [--scale F]`.
 * Durations also come from BENCH_WARMUP_S, BENCH_MEASURE_S, BENCH_DRAIN_S. `--quick` is the
 * CI-sized run: the same loads over short windows (2 s warm-up, 4 s measured, one round, 2 runs of
 * scenario 4).
 */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const number = (name: string, envName: string | null, fallback: number) => {
    const raw = value(name) ?? (envName ? env[envName] : undefined);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative number, not ${raw}`);
    return parsed;
  };
  const quick = flag("quick");
  const scenarios = (value("scenarios") ?? "1,2,3,4").split(",").map(Number);
  if (scenarios.some((s) => ![1, 2, 3, 4].includes(s))) throw new Error("--scenarios takes numbers from 1 to 4");
  const servers = (value("servers")?.split(",") ?? ALL_SERVERS) as ServerName[];
  for (const s of servers) if (!ALL_SERVERS.includes(s)) throw new Error(`unknown server ${s} (${ALL_SERVERS.join(", ")})`);
  return {
    quick,
    warmupMs: number("warmup", "BENCH_WARMUP_S", quick ? 2 : 10) * 1000,
    measureMs: number("measure", "BENCH_MEASURE_S", quick ? 4 : 10) * 1000,
    drainMs: number("drain", "BENCH_DRAIN_S", quick ? 2 : 3) * 1000,
    scenarios,
    // Always in the same order, references first, so runs compare like with like.
    servers: ALL_SERVERS.filter((s) => servers.includes(s)),
    workers: Math.max(1, Math.floor(number("workers", null, 2))),
    rounds: Math.max(1, Math.floor(number("rounds", null, quick ? 1 : 3))),
    runs: Math.max(1, Math.floor(number("runs", null, quick ? 2 : 5))),
    seed: number("seed", null, 20270104),
    out: value("out") ?? "bench-results/sync.md",
    scale: number("scale", null, 1),
  };
}
