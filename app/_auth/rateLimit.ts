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

/**
 * Gives back an attempt that turned out to be a successful sign-in. Attempts are counted before
 * the (slow) password check so that a burst of parallel guesses cannot all slip past the limit;
 * refunding the ones that succeed means people signing in correctly never use up the budget
 * that a shared address (a workshop room behind one NAT) has for typos.
 */
export function refundAttempt(key: string): void {
  const current = windows.get(key);
  if (current && current.count > 0) current.count--;
}

function pruneExpired(now: number): void {
  for (const [key, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(key);
}
