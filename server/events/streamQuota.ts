/** Streams one share link may have open at once in this process: its guests are an audience, not one person's tabs. */
export const DEFAULT_MAX_STREAMS_PER_LINK = 500;
/** Streams one signed-in person may have open at once in this process (a tab holds one). */
export const DEFAULT_MAX_STREAMS_PER_PERSON = 30;

/**
 * Open event streams per holder (a signed-in person, a share link) in this process, each holder
 * up to `max` at once. A stream costs a socket and a place in every notice's fan-out for as long
 * as it stays open, so one link or one account opening thousands of them is refused rather than
 * served (README.md, Security). Counted per instance: with several, each holds its own count.
 */
export class StreamQuota {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** A place for `holder`: a function that gives it back (once), or null when `max` are open already. */
  take(holder: string): (() => void) | null {
    const count = this.open.get(holder) ?? 0;
    if (count >= this.max) return null;
    this.open.set(holder, count + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.open.get(holder) ?? 1) - 1;
      if (left > 0) this.open.set(holder, left);
      else this.open.delete(holder);
    };
  }

  /** Streams `holder` has open now (tests). */
  count(holder: string): number {
    return this.open.get(holder) ?? 0;
  }
}
