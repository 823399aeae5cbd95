/**
 * A fixed-window limiter for sign-in attempts, per key (email and client address), kept in
 * memory: one process serves the web app, and a restart forgiving old attempts is acceptable.
 */
const WINDOW_MS = 10 * 60 * 1000;
const windows = new Map<string, { start: number; count: number }>();

/** Counts an attempt; false when the key has used up its attempts in the current window. */
export function allowAttempt(key: string, limit: number, now = Date.now()): boolean {
  const current = windows.get(key);
  if (!current || now - current.start >= WINDOW_MS) {
    windows.set(key, { start: now, count: 1 });
    if (windows.size > 10_000) pruneExpired(now);
    return true;
  }
  current.count++;
  return current.count <= limit;
}

function pruneExpired(now: number): void {
  for (const [key, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(key);
}
