/** The parts of a y-websocket WebsocketProvider the reconnect policy touches. */
export interface ReconnectingProvider {
  shouldConnect: boolean;
  shouldReconnect(event: { code: number }, provider: never): boolean;
  connect(): void;
  on(event: "connection-close", handler: (event: { code: number } | null) => void): void;
  on(event: "sync", handler: (synced: boolean) => void): void;
}

export interface ReconnectPolicy {
  /** First retry within this many ms; each failed attempt doubles the window. */
  baseMs: number;
  /** The window never grows past this. */
  capMs: number;
  random: () => number;
}

const DEFAULT_POLICY: ReconnectPolicy = { baseMs: 500, capMs: 15_000, random: Math.random };

/**
 * Reconnects with exponential backoff and full jitter. y-websocket retries after a fixed
 * 100·2ⁿ ms, so when a server restarts, every browser of a workshop comes back in the same few
 * milliseconds; spreading each retry at random over its window turns that stampede into a
 * trickle. Closes the server meant as final (4400–4499: no access, board deleted) stay the
 * provider's to handle, and so do deliberate disconnects. Returns a function that cancels a
 * pending retry (call it when the session ends).
 */
export function installJitteredReconnect(provider: ReconnectingProvider, policy: Partial<ReconnectPolicy> = {}): () => void {
  const { baseMs, capMs, random } = { ...DEFAULT_POLICY, ...policy };
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  provider.on("connection-close", (event) => {
    if (stopped || !provider.shouldConnect) return;
    if (event && !provider.shouldReconnect(event, undefined as never)) return;
    // The provider's own retry, scheduled right after this event, finds shouldConnect false
    // and does nothing; ours comes at a random moment within the window.
    provider.shouldConnect = false;
    const window = Math.min(capMs, baseMs * 2 ** attempt++);
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!stopped) provider.connect();
    }, random() * window);
  });
  provider.on("sync", (synced) => {
    if (synced) attempt = 0;
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
