import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux everywhere in practice). */
const TICKS_PER_SECOND = 100;

/** Resident memory of a process in bytes (VmRSS), or null once it has exited. */
export function rssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in seconds. */
export function cpuSeconds(pid: number): number | null {
  try {
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface UsageSummary {
  /** Peak and mean RSS over the samples, in MiB. */
  peakRssMb: number;
  meanRssMb: number;
  /** CPU used over the sampled span as a share of one core (1 = one core busy all the time). */
  cpuCores: number;
}

/** Samples a process's RSS every `intervalMs` and its CPU time at start and stop. */
export function sampleUsage(pid: number, intervalMs = 250) {
  const samples: number[] = [];
  const take = () => {
    const rss = rssBytes(pid);
    if (rss !== null) samples.push(rss);
  };
  const cpuAtStart = cpuSeconds(pid) ?? 0;
  const startedAt = performance.now();
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop(): UsageSummary {
      clearInterval(timer);
      take();
      const seconds = (performance.now() - startedAt) / 1000;
      const mb = (bytes: number) => bytes / (1024 * 1024);
      return {
        peakRssMb: mb(Math.max(0, ...samples)),
        meanRssMb: mb(samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length)),
        cpuCores: seconds > 0 ? ((cpuSeconds(pid) ?? cpuAtStart) - cpuAtStart) / seconds : 0,
      };
    },
  };
}
