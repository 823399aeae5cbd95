import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root: children run from it so `--import tsx` and relative paths resolve. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Starts a TypeScript file as a child process of its own with an IPC channel. `node --import tsx`
 * rather than the tsx CLI, which would add a second process between us and the one measured.
 * Its stdout is dropped (Waymark logs JSON lines there, as in production); stderr is shown.
 */
export function forkTs(file: string, env: Record<string, string> = {}, args: string[] = []): ChildProcess {
  // BENCH_CPU_PROF=<dir>: every child writes a V8 CPU profile there when it exits (open in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  return fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    cwd: REPO_ROOT,
    execArgv: ["--import", "tsx", ...profile],
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
}

/** The child's next message that `accept` takes, or an error when it exits or says "error" first. */
export function nextMessage<T>(child: ChildProcess, accept: (message: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = (finish: () => void) => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      finish();
    };
    const onMessage = (raw: unknown) => {
      const message = raw as T & { type?: string; message?: string };
      if (message.type === "error") return done(() => reject(new Error(`${what}: ${message.message}`)));
      if (accept(message)) done(() => resolve(message));
    };
    const onExit = (code: number | null) => done(() => reject(new Error(`${what}: child exited (${code}) before answering`)));
    const timer = setTimeout(() => done(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`))), timeoutMs);
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** Asks a child to stop (SIGTERM), then kills it if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
