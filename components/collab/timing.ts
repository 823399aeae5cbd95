/**
 * Runs `fn` and records how long it took as a User Timing measure named `name`, so the
 * browser's performance panel (and the frame-time script in tests/e2e/perf) can attribute a
 * slow frame to the snapshot read or the derivation. Only the latest measure of a name is
 * kept in the buffer: a board left open all day must not grow it; observers still see each.
 */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const value = fn();
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
  return value;
}
