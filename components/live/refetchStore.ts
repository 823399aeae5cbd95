"use client";

import type { ApiResult } from "../ui/apiRequest";
import { coalesced, ExternalStore } from "./externalStore";

/**
 * Something a board page reads from the server and refetches when told it changed (threads,
 * versions), for useSyncExternalStore. Fetches never overlap: a refresh asked for during a fetch
 * runs once more after it, so the last answer is never older than the last ask. A failed fetch
 * keeps what was shown and sets `error`.
 */
export class RefetchStore<T, S extends { error: string | null }> extends ExternalStore<S> {
  constructor(
    initial: S,
    private readonly load: () => Promise<ApiResult<T>>,
    private readonly toState: (value: T) => S,
  ) {
    super(initial);
  }

  readonly refresh = coalesced(async () => {
    const result = await this.load();
    this.set(result.ok ? this.toState(result.value) : { ...this.state, error: result.error });
  });
}
