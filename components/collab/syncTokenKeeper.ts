/**
 * Keeps a short-lived sync token fresh for a connection that has no session cookie (a guest
 * on a share link). The server checks the token only when a websocket opens, so an open
 * connection outlives its token; what must not happen is a reconnect (Wi-Fi drop, laptop
 * sleep, server restart) with an expired one. So a new token is fetched well before expiry,
 * and again at once after a disconnect if the current one is close to running out.
 */
export interface SyncTokenOptions {
  token: string;
  /** ISO time the token stops being accepted. */
  expiresAt: string;
  /** POST here for a fresh `{ token, expiresAt }`; 404 means the link was revoked. */
  refreshUrl: string;
}

/** What the keeper tells its connection. */
export interface SyncTokenEvents {
  /** A fresh token: use it for the next (re)connect. */
  onToken(token: string, expiresAt: string): void;
  /** The server will mint no more (link revoked, board gone): a reconnect can never succeed. */
  onEnded(): void;
}

/** Refresh this long before expiry: the server's tokens live 10 minutes. */
const REFRESH_MARGIN_MS = 2 * 60 * 1000;
const RETRY_MS = 30 * 1000;
const MIN_DELAY_MS = 5 * 1000;

export class SyncTokenKeeper {
  private expiresAt: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly options: SyncTokenOptions,
    private readonly events: SyncTokenEvents,
  ) {
    this.expiresAt = Date.parse(options.expiresAt) || Date.now();
    this.schedule(this.expiresAt - REFRESH_MARGIN_MS - Date.now());
  }

  /** After a disconnect: a token that would expire before a reconnect completes is replaced now. */
  refreshIfStale(): void {
    if (this.expiresAt - Date.now() < REFRESH_MARGIN_MS) void this.refresh();
  }

  /**
   * After a connection attempt that never opened. A refused handshake (a revoked link answers
   * 404 before the socket opens) looks to the browser like any network error, so the only way
   * to learn that the link ended is to ask for a token. The reconnect's jittered backoff paces
   * these requests, at most one at a time; the token it brings is used for the next attempt.
   */
  refreshNow(): void {
    if (!this.stopped) void this.refresh();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), Math.max(MIN_DELAY_MS, delay));
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchToken().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async fetchToken(): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.options.refreshUrl, { method: "POST", cache: "no-store" });
    } catch {
      return this.schedule(RETRY_MS);
    }
    if (this.stopped) return;
    // Revoked or unknown: no token will come, so no reconnect can succeed.
    if (response.status === 404 || response.status === 401 || response.status === 403) {
      this.stop();
      return this.events.onEnded();
    }
    if (!response.ok) return this.schedule(RETRY_MS);
    const body = (await response.json().catch(() => null)) as { token?: unknown; expiresAt?: unknown } | null;
    if (typeof body?.token !== "string" || typeof body.expiresAt !== "string") return this.schedule(RETRY_MS);
    this.expiresAt = Date.parse(body.expiresAt) || Date.now();
    this.events.onToken(body.token, body.expiresAt);
    this.schedule(this.expiresAt - REFRESH_MARGIN_MS - Date.now());
  }
}
