"use client";

import type { ApiResult } from "../ui/apiRequest";

/**
 * Something a board page reads from the server and refetches when told it changed (threads,
 * versions), for useSyncExternalStore. Fetches never overlap: a refresh asked for during a fetch
 * runs once more after it, so the last answer is never older than the last ask. A failed fetch
 * keeps what was shown and sets `error`.
 */
export class RefetchStore<T, S extends { error: string | null }> {
  private state: S;
  private readonly listeners = new Set<() => void>();
  private inFlight = false;
  private again = false;

  constructor(
    initial: S,
    private readonly load: () => Promise<ApiResult<T>>,
    private readonly toState: (value: T) => S,
  ) {
    this.state = initial;
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly get = () => this.state;

  async refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    do {
      this.again = false;
      const result = await this.load();
      this.state = result.ok ? this.toState(result.value) : { ...this.state, error: result.error };
      for (const listener of this.listeners) listener();
    } while (this.again);
    this.inFlight = false;
  }
}
