import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs; silent under test runners unless LOG_LEVEL asks otherwise. */
export function createLogger(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info")): Logger {
  return pino({ level, base: { service: "waymark" } });
}
