import type * as Y from "yjs";
import { CloseCode } from "../../lib/protocol/sync";
import { discardOfflineCache, OfflineCache } from "./offlineCache";
import { ValueStore } from "./store";

export interface OfflineState {
  /** This device keeps a copy of the board (people who may edit it do; read-only ones do not). */
  caching: boolean;
  /** The board on screen came from this device's copy; the server has not answered yet. */
  fromCache: boolean;
  /** Changes made here that the server has not confirmed yet; kept on this device meanwhile. */
  pending: number;
  /** Changes made here that the server refused (read-only now, or access gone): not saved. */
  refused: number;
  /** Refused changes are still drawn (they are in this page's document until a reload). */
  refusedOnScreen: boolean;
  /** The browser says there is no network. */
  networkDown: boolean;
}

export interface OfflineSyncOptions {
  /** The cache to use (offlineCacheName), or null when this session must not keep one. */
  cacheName: string | null;
  /** A cache to delete before anything else (the same name, when the role became read-only). */
  discardName: string | null;
  /** The stored copy held a board: it can be drawn before the server answers. */
  onCacheLoaded: () => void;
  /** Ask the server for its state again; its answer comes after everything sent so far is stored. */
  requestConfirmation: () => void;
  /** Keep the board's page for opening without a network (offlineShell); once in sync as an editor. */
  keepPage: () => void;
  /** Stop keeping it, with the copy: a page whose document is gone would open on nothing. */
  forgetPage: () => void;
}

/**
 * What happens to edits made without a connection: counted while offline (and the count kept
 * in the cache, so a reload while offline still shows it), confirmed once the server has
 * stored them, reported as refused when the server says the connection is read-only. The
 * server sends no acknowledgements, but it answers a sync step 1 only after every update it
 * received before it is committed; that answer is the confirmation asked for on reconnect.
 */
export class OfflineSync {
  readonly state: ValueStore<OfflineState>;
  private cache: OfflineCache | null = null;
  private awaitingConfirmation = false;
  private inSync = false;
  private denied = false;
  private discarded = false;
  private pageKept = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: OfflineSyncOptions,
  ) {
    const online = typeof navigator === "undefined" || navigator.onLine;
    this.state = new ValueStore<OfflineState>({ caching: options.cacheName !== null, fromCache: false, pending: 0, refused: 0, refusedOnScreen: false, networkDown: !online });
  }

  /**
   * Opens the copy and loads it into the doc (again, harmlessly, after a stop: Yjs ignores
   * what it already has). Paired with `stop` so a closed board leaves no database open.
   */
  start(): void {
    const stale = this.options.discardName;
    if (stale && !this.discarded) {
      this.discarded = true;
      this.options.forgetPage();
      void discardOfflineCache(stale).then((lost) => lost > 0 && this.patch({ refused: this.state.get().refused + lost }));
    }
    const name = this.options.cacheName;
    if (!name || this.denied || this.cache) return;
    const cache = new OfflineCache(name, this.doc);
    this.cache = cache;
    void Promise.all([cache.loaded, cache.pendingEdits()]).then(([hasBoard, stored]) => {
      if (this.cache !== cache) return;
      // The stored count is at least what this page counted: every count is written through.
      if (stored > this.state.get().pending) this.setPending(stored);
      if (hasBoard && !this.inSync) {
        this.patch({ fromCache: true });
        this.options.onCacheLoaded();
      }
    });
  }

  /** Stops writing; the copy stays for the next visit. */
  stop(): void {
    this.cache?.close();
    this.cache = null;
  }

  /** A change made on this device while it was not in sync with the server. */
  localEdit(): void {
    if (this.denied) this.patch({ refused: this.state.get().refused + 1, refusedOnScreen: true });
    else this.setPending(this.state.get().pending + 1);
  }

  /** In sync with the server (first answer after a connect) or not any more (disconnected). */
  setInSync(inSync: boolean): void {
    this.inSync = inSync;
    if (!inSync) {
      this.awaitingConfirmation = false;
      return;
    }
    if (this.state.get().fromCache) this.patch({ fromCache: false });
    if (this.cache && !this.denied && !this.pageKept) {
      this.pageKept = true;
      this.options.keepPage();
    }
    // The read-only verdict arrives before the first answer: refused edits are never "sent".
    if (this.state.get().pending > 0 && !this.denied) {
      this.awaitingConfirmation = true;
      this.options.requestConfirmation();
    }
  }

  /** Call for each sync step 2 from the server, before it is applied. */
  serverAnswered(): void {
    if (!this.awaitingConfirmation) return;
    this.awaitingConfirmation = false;
    this.setPending(0);
  }

  /**
   * The server treats this connection as read-only: unconfirmed edits will never be saved,
   * and a copy holding them must not be shown again as if they were.
   */
  readOnly(): void {
    if (this.denied) return;
    this.denied = true;
    this.awaitingConfirmation = false;
    const { pending, refused } = this.state.get();
    this.patch({ pending: 0, refused: refused + pending, refusedOnScreen: this.state.get().refusedOnScreen || pending > 0, caching: false });
    void this.dropCache();
  }

  /** The server closed for good: a deleted board or lost access takes the copy with it. */
  closed(code: number): void {
    if (code === CloseCode.NotFound || code === CloseCode.Forbidden) this.readOnly();
  }

  setNetworkDown(networkDown: boolean): void {
    if (this.state.get().networkDown !== networkDown) this.patch({ networkDown });
  }

  private async dropCache(): Promise<void> {
    this.options.forgetPage();
    const cache = this.cache;
    this.cache = null;
    if (cache) await cache.discard();
    else if (this.options.cacheName) await discardOfflineCache(this.options.cacheName);
  }

  private setPending(pending: number): void {
    this.patch({ pending });
    this.cache?.setPendingEdits(pending);
  }

  private patch(patch: Partial<OfflineState>): void {
    this.state.set({ ...this.state.get(), ...patch });
  }
}
