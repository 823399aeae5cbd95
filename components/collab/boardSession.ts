// First: no schema may be built before zod knows it must not use eval (our CSP forbids it).
import "./zodWithoutEval";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as authProtocol from "y-protocols/auth";
import { Awareness } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { createOrigin, type CommandOrigin } from "../../lib/model/origin";
import { LiveSnapshot } from "../../lib/model/liveSnapshot";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { CloseCode, MESSAGE_AUTH, MESSAGE_SYNC, SYNC_PATH } from "../../lib/protocol/sync";
import { offlineCacheName } from "./offlineCache";
import { forgetBoardPage, keepBoardPage } from "./offlineShell";
import { OfflineSync } from "./offlineSync";
import { sendOwnPresenceOnly } from "./ownPresenceOnly";
import { PresenceFeed, type Peer } from "./presenceFeed";
import { PresencePublisher } from "./presencePublisher";
import { ValueStore } from "./store";
import { SyncTokenKeeper, type SyncTokenOptions } from "./syncTokenKeeper";
import { timed } from "./timing";
import { installJitteredReconnect } from "./jitteredReconnect";
import { UndoHistory } from "./undoHistory";

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

export interface ConnectionState {
  status: ConnectionStatus;
  /** True once the first sync with the server completed; stays true across reconnects. */
  loaded: boolean;
  /** Set when the server closed for good (unknown board, no access); no reconnect follows. */
  closed: { code: number; reason: string } | null;
  /**
   * Set when the server said this connection is read-only (y-protocols "permission denied"):
   * at connect for commenters, viewers and guests, or later when an owner downgrades the role.
   */
  denied: string | null;
}

export type { Peer, PeerMotion } from "./presenceFeed";

export interface BoardSessionOptions {
  /** For guests without a session cookie: a sync token that is kept fresh. */
  token?: SyncTokenOptions;
  /**
   * Keep this board in the browser for offline work, under this account (editors only); a
   * read-only account's old copy is deleted instead, it could only hold refused edits.
   */
  offline?: { accountId: string; canEdit: boolean };
}

function syncBaseUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${SYNC_PATH}`;
}

/**
 * One person's connection to one board: the Y.Doc, the websocket provider, presence, and the
 * snapshot React draws. Framework-free so React only subscribes to its stores. `connect` and
 * `disconnect` may alternate (React's strict mode mounts twice): the doc and the command origin
 * live as long as the session, the provider and awareness only as long as a connection.
 */
export class BoardSession {
  readonly doc = new Y.Doc();
  /** The one origin for every command of this session, so undo and echoes can tell it apart. */
  readonly origin: CommandOrigin;
  readonly connection = new ValueStore<ConnectionState>({ status: "connecting", loaded: false, closed: null, denied: null });
  /** Null until the first sync: an empty doc is not an empty board. */
  readonly snapshot = new ValueStore<BoardSnapshot | null>(null);
  /** Everyone else's presence, in stores of different speeds (people, pointers, viewports). */
  readonly presence: PresenceFeed;
  /** What this browser announces (selection, pointer, viewport, drag, follow-me), coalesced. */
  readonly announce = new PresencePublisher();
  /** Undo and redo of this session's own commands, never anyone else's. */
  readonly history: UndoHistory;
  /** The copy on this device and the edits waiting for the server. */
  readonly offline: OfflineSync;
  /**
   * Origin of repairs this session makes without a gesture (giving an item the description
   * fragment another client left out). Not undoable: undoing it would delete what was typed.
   */
  readonly repairOrigin: CommandOrigin;

  /** Created at the first sync; from then on only the records a change touched are re-read. */
  private live: LiveSnapshot | null = null;
  private provider: WebsocketProvider | null = null;
  private awareness: Awareness | null = null;
  private frame: number | null = null;
  private tokens: SyncTokenKeeper | null = null;
  private tokenOptions: SyncTokenOptions | undefined;
  /** Connected and answered by the server: local edits reach it right away. */
  private inSync = false;

  private stopReconnecting: (() => void) | null = null;

  constructor(
    readonly boardId: string,
    options: BoardSessionOptions = {},
  ) {
    this.tokenOptions = options.token;
    this.origin = createOrigin("local", `browser:${this.doc.clientID}`);
    this.presence = new PresenceFeed(this.doc.clientID);
    this.repairOrigin = createOrigin("local", `browser:${this.doc.clientID}:repair`);
    this.history = new UndoHistory(this.doc, this.origin);
    const cacheName = options.offline ? offlineCacheName(options.offline.accountId, boardId) : null;
    this.offline = new OfflineSync(this.doc, {
      cacheName: options.offline?.canEdit ? cacheName : null,
      discardName: options.offline?.canEdit ? null : cacheName,
      onCacheLoaded: () => this.startLive(),
      requestConfirmation: () => this.sendSyncStep1(),
      keepPage: () => keepBoardPage(boardId),
      forgetPage: () => void forgetBoardPage(boardId),
    });
    this.doc.on("afterTransaction", this.onTransaction);
  }

  connect(): void {
    if (this.provider) return;
    const awareness = new Awareness(this.doc);
    this.announce.attach(awareness);
    this.presence.attach(awareness);
    const tokenOptions = this.tokenOptions;
    const provider = new WebsocketProvider(syncBaseUrl(), this.boardId, this.doc, {
      awareness,
      connect: false,
      params: tokenOptions ? { token: tokenOptions.token } : {},
    });
    sendOwnPresenceOnly(provider, awareness, this.doc.clientID);
    if (tokenOptions) {
      // The provider reads `params` on every (re)connect, so a refreshed token is used next time.
      this.tokens = new SyncTokenKeeper(tokenOptions, {
        onToken: (token, expiresAt) => {
          // Kept on the session too, so a later connect() starts from the freshest token.
          this.tokenOptions = { ...tokenOptions, token, expiresAt };
          provider.params = { token };
        },
        // The link was revoked (or its board deleted) while no socket was open to be told.
        onEnded: () => this.endForGood({ code: CloseCode.Forbidden, reason: "the share link no longer works" }),
      });
    }
    // The server's "permission denied" says this connection is read-only; y-websocket would
    // only log it, the UI must show it.
    provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => {
        this.patchConnection({ denied: reason || "read-only" });
        // Nothing done from here on can be saved: no undo into it, no copy that holds it.
        this.history.clear();
        this.offline.readOnly();
      });
    };
    // The server's sync step 2 also confirms that what was sent before the matching step 1 is
    // stored (see OfflineSync); peek at the type without consuming it.
    const handleSync = provider.messageHandlers[MESSAGE_SYNC]!;
    provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
      if (decoding.peekVarUint(decoder) === syncProtocol.messageYjsSyncStep2) this.offline.serverAnswered();
      handleSync(encoder, decoder, ...rest);
    };
    let opened = false;
    provider.on("status", ({ status }) => {
      if (this.connection.get().closed) return;
      // A new connection starts without the server's verdict; it repeats it right after joining.
      this.patchConnection(status === "connected" ? { status, denied: null } : { status });
      if (status === "connected") opened = true;
    });
    provider.on("connection-close", () => {
      // An attempt that never opened may have been refused (a revoked link): ask for a token,
      // which says so. Otherwise a reconnect after a long sleep may find the token expired.
      if (opened) this.tokens?.refreshIfStale();
      else this.tokens?.refreshNow();
      opened = false;
    });
    provider.on("sync", (synced) => {
      this.inSync = synced;
      this.offline.setInSync(synced);
      if (synced && !this.connection.get().loaded) {
        this.startLive();
        this.patchConnection({ loaded: true });
      }
    });
    provider.on("closed", (closed) => this.endForGood(closed));
    this.stopReconnecting = installJitteredReconnect(provider);
    this.provider = provider;
    this.awareness = awareness;
    this.offline.start();
    window.addEventListener("offline", this.onNetworkChange);
    window.addEventListener("online", this.onNetworkChange);
    if (navigator.onLine) provider.connect();
    else this.patchConnection({ status: "disconnected" });
  }

  /**
   * The browser lost or regained the network. A socket can sit half-open for a long time after
   * the network went away (y-websocket only notices after 30 s of silence), so it is closed at
   * once and reopened when the network is back, unless the server closed it for good.
   */
  private readonly onNetworkChange = (): void => {
    const online = navigator.onLine;
    this.offline.setNetworkDown(!online);
    const provider = this.provider;
    if (!provider) return;
    if (!online) {
      provider.disconnect();
      this.patchConnection({ status: "disconnected" });
    } else if (!this.connection.get().closed) provider.connect();
  };

  /** The awareness of the open connection, for editors that show their carets through it. */
  get presenceAwareness(): Awareness | null {
    return this.awareness;
  }

  private startLive(): void {
    if (this.live) return;
    this.live = timed("waymark:snapshot", () => new LiveSnapshot(this.doc));
    this.flush();
  }

  private sendSyncStep1(): void {
    const ws = this.provider?.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
  }

  disconnect(): void {
    this.stopReconnecting?.();
    this.stopReconnecting = null;
    window.removeEventListener("offline", this.onNetworkChange);
    window.removeEventListener("online", this.onNetworkChange);
    this.offline.stop();
    this.inSync = false;
    this.tokens?.stop();
    this.tokens = null;
    this.announce.detach();
    this.presence.detach();
    this.provider?.destroy();
    this.awareness?.destroy();
    this.provider = null;
    this.awareness = null;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  /**
   * The server closed for good (no access, board deleted, signed out) or the share link ended:
   * no reconnect can succeed, so none is tried and no token is fetched any more.
   */
  private endForGood(closed: { code: number; reason: string }): void {
    if (this.connection.get().closed) return;
    this.stopReconnecting?.();
    this.stopReconnecting = null;
    this.tokens?.stop();
    const provider = this.provider;
    // Only after a close the server chose is the provider already stopped; after a refused
    // handshake it would retry on its own.
    if (provider?.shouldConnect) provider.disconnect();
    this.patchConnection({ status: "disconnected", closed });
    this.offline.closed(closed.code);
  }

  /** The role was re-read and allows editing again (an owner upgraded it after a downgrade). */
  clearDenied(): void {
    if (this.connection.get().denied !== null) this.patchConnection({ denied: null });
  }

  /** Everyone on the board (as the server identifies them), in a stable order. */
  get peers(): ValueStore<Peer[]> {
    return this.presence.peers;
  }

  setSelection(selection: string | null): void {
    this.announce.setSelection(selection);
  }

  private patchConnection(patch: Partial<ConnectionState>): void {
    this.connection.set({ ...this.connection.get(), ...patch });
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    // Made here (not received), changing something, while the server cannot receive it yet.
    if (transaction.local && !this.inSync && (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0)) {
      this.offline.localEdit();
    }
    if (!this.live) return;
    const { origin } = transaction;
    // A local command is drawn at once, so a dropped bar never flashes back to where it was;
    // remote updates arrive in bursts and are coalesced to one read per animation frame.
    if (origin === this.origin) {
      this.flush();
      return;
    }
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      this.flush();
    });
  };

  private flush(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    // The same object when nothing the snapshot holds changed: no re-render, no re-derivation.
    const live = this.live;
    if (live) this.snapshot.set(timed("waymark:snapshot", () => live.snapshot));
  }
}
