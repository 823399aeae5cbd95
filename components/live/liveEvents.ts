import { EVENTS_PATH, type LiveEvent } from "../../lib/protocol/events";
import { guestShare } from "./guestShare";

/**
 * The tab's one connection to the server's live notices (server-sent events). Any component may
 * listen; the board page adds its board so board notices arrive on the same connection. The
 * notices carry no content (but the workshop one), only what to fetch again, so after any reconnect every listener
 * hears `{ type: "reconnected" }` and refetches what it shows: nothing missed stays missed.
 */
export type LiveNotice = LiveEvent | { type: "reconnected" };
type Listener = (notice: LiveNotice) => void;

const EVENT_TYPES: LiveEvent["type"][] = ["threads", "inbox", "versions", "workshop", "teams", "proposals", "requests", "scenarios"];
const RETRY_MS = [2_000, 5_000, 10_000, 30_000];

class LiveEvents {
  private readonly listeners = new Set<Listener>();
  private readonly boards = new Map<string, number>();
  private source: EventSource | null = null;
  private url = "";
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private opened = false;

  /** Listens until the returned function is called; `boardId` asks for that board's notices too. */
  subscribe(listener: Listener, boardId?: string): () => void {
    this.listeners.add(listener);
    if (boardId) this.boards.set(boardId, (this.boards.get(boardId) ?? 0) + 1);
    this.reconcile();
    return () => {
      this.listeners.delete(listener);
      if (boardId) {
        const n = (this.boards.get(boardId) ?? 1) - 1;
        if (n > 0) this.boards.set(boardId, n);
        else this.boards.delete(boardId);
      }
      this.reconcile();
    };
  }

  /** Opens, re-points or closes the connection to match what the listeners asked for. */
  private reconcile(): void {
    if (typeof window === "undefined" || typeof EventSource === "undefined") return;
    if (this.listeners.size === 0) return this.close();
    // One board per page; the most recently added one wins if a page ever asks for two.
    const board = [...this.boards.keys()].pop();
    const share = guestShare();
    // A guest (share link) has no session: the link's secret opens the board's notices only.
    const url = board ? `${EVENTS_PATH}?board=${encodeURIComponent(board)}${share ? `&share=${encodeURIComponent(share)}` : ""}` : EVENTS_PATH;
    if (this.source && url === this.url) return;
    this.close();
    this.connect(url);
  }

  private connect(url: string): void {
    this.url = url;
    const source = new EventSource(url);
    this.source = source;
    source.onopen = () => {
      if (this.opened) this.emit({ type: "reconnected" });
      this.opened = true;
      this.retries = 0;
    };
    source.onerror = () => {
      // The browser retries by itself after network errors; an HTTP error (signed out, board
      // gone) closes the source for good, so retry ourselves, more slowly each time.
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      const delay = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)]!;
      this.source = null;
      this.retryTimer = setTimeout(() => this.reconcile(), delay);
    };
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (event) => {
        try {
          const data = JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>;
          this.emit({ ...data, type } as LiveEvent);
        } catch {
          // A notice we cannot read is one we do not act on; the next refetch catches up.
        }
      });
    }
  }

  private close(): void {
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    this.url = "";
  }

  private emit(notice: LiveNotice): void {
    for (const listener of [...this.listeners]) listener(notice);
  }
}

export const liveEvents = new LiveEvents();
