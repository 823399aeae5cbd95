/**
 * State a component reads through useSyncExternalStore: `get` it, `subscribe` to its changes;
 * the store that owns it calls `set`.
 */
export class ExternalStore<S> {
  private readonly listeners = new Set<() => void>();

  constructor(protected state: S) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly get = () => this.state;

  protected set(state: S): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * `task` run so that runs never overlap: asked for during a run, it runs once more after it
 * (however often it was asked meanwhile), so what the last run read is never older than the
 * last ask.
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let inFlight = false;
  let again = false;
  return async () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      do {
        again = false;
        await task();
      } while (again);
    } finally {
      inFlight = false;
    }
  };
}
