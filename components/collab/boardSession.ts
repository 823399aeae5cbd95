// First: no schema may be built before zod knows it must not use eval (our CSP forbids it).
import "./zodWithoutEval";
import * as authProtocol from "y-protocols/auth";
import { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { z } from "zod";
import { createOrigin, type CommandOrigin } from "../../lib/model/origin";
import { LiveSnapshot } from "../../lib/model/liveSnapshot";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { MESSAGE_AUTH, SYNC_PATH } from "../../lib/protocol/sync";
import { ValueStore } from "./store";
import { SyncTokenKeeper, type SyncTokenOptions } from "./syncTokenKeeper";
import { timed } from "./timing";

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

/**
 * The identity the server writes into every awareness state (name and colour of the account
 * or share link); clients cannot set it, so it is the only one worth showing.
 */
const peerUserSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  readOnly: z.boolean().optional(),
});

/** Someone on the board, as the server vouches for them. */
export interface Peer {
  clientId: number;
  /** The account id (or `guest:<link>`): one person in two tabs has one id. */
  id: string;
  name: string;
  color: string;
  /** They can follow the board but not change it. */
  readOnly: boolean;
  /** The item they have selected, if any. */
  selection: string | null;
  isLocal: boolean;
}

/** What this browser announces; the server adds who it is (`user`), clients never do. */
interface LocalPresence {
  selection: string | null;
}

export interface BoardSessionOptions {
  /** For guests without a session cookie: a sync token that is kept fresh. */
  token?: SyncTokenOptions;
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
  readonly peers = new ValueStore<Peer[]>([]);

  /** Created at the first sync; from then on only the records a change touched are re-read. */
  private live: LiveSnapshot | null = null;
  private provider: WebsocketProvider | null = null;
  private awareness: Awareness | null = null;
  private presence: LocalPresence = { selection: null };
  private frame: number | null = null;
  private tokens: SyncTokenKeeper | null = null;
  private tokenOptions: SyncTokenOptions | undefined;

  constructor(
    readonly boardId: string,
    options: BoardSessionOptions = {},
  ) {
    this.tokenOptions = options.token;
    this.origin = createOrigin("local", `browser:${this.doc.clientID}`);
    this.doc.on("afterTransaction", this.onTransaction);
  }

  connect(): void {
    if (this.provider) return;
    const awareness = new Awareness(this.doc);
    awareness.setLocalState(this.presence);
    awareness.on("change", this.onAwareness);
    const tokenOptions = this.tokenOptions;
    const provider = new WebsocketProvider(syncBaseUrl(), this.boardId, this.doc, {
      awareness,
      connect: false,
      params: tokenOptions ? { token: tokenOptions.token } : {},
    });
    if (tokenOptions) {
      // The provider reads `params` on every (re)connect, so a refreshed token is used next time.
      this.tokens = new SyncTokenKeeper(tokenOptions, (token, expiresAt) => {
        // Kept on the session too, so a later connect() starts from the freshest token.
        this.tokenOptions = { ...tokenOptions, token, expiresAt };
        provider.params = { token };
      });
    }
    // The server's "permission denied" says this connection is read-only; y-websocket would
    // only log it, the UI must show it.
    provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.patchConnection({ denied: reason || "read-only" }));
    };
    provider.on("status", ({ status }) => {
      // A new connection starts without the server's verdict; it repeats it right after joining.
      this.patchConnection(status === "connected" ? { status, denied: null } : { status });
      // A reconnect after a long sleep may find the token expired: fetch one before the retry.
      if (status === "disconnected") this.tokens?.refreshIfStale();
    });
    provider.on("sync", (synced) => {
      if (synced && !this.connection.get().loaded) {
        this.live = timed("waymark:snapshot", () => new LiveSnapshot(this.doc));
        this.flush();
        this.patchConnection({ loaded: true });
      }
    });
    provider.on("closed", (closed) => this.patchConnection({ status: "disconnected", closed }));
    this.provider = provider;
    this.awareness = awareness;
    provider.connect();
    this.onAwareness();
  }

  disconnect(): void {
    this.tokens?.stop();
    this.tokens = null;
    this.provider?.destroy();
    this.awareness?.destroy();
    this.provider = null;
    this.awareness = null;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  /** The role was re-read and allows editing again (an owner upgraded it after a downgrade). */
  clearDenied(): void {
    if (this.connection.get().denied !== null) this.patchConnection({ denied: null });
  }

  setSelection(selection: string | null): void {
    if (selection !== this.presence.selection) this.setPresence({ ...this.presence, selection });
  }

  private setPresence(next: LocalPresence): void {
    this.presence = next;
    this.awareness?.setLocalState(next);
  }

  private patchConnection(patch: Partial<ConnectionState>): void {
    this.connection.set({ ...this.connection.get(), ...patch });
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
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

  private readonly onAwareness = (): void => {
    const awareness = this.awareness;
    if (!awareness) return;
    const peers: Peer[] = [];
    awareness.getStates().forEach((state, clientId) => {
      // The server writes `user` into every state it relays; a state without a valid one (our
      // own, which the server does not echo back) is not shown as a person.
      const user = peerUserSchema.safeParse((state as { user?: unknown }).user);
      if (!user.success) return;
      const selection = (state as { selection?: unknown }).selection;
      peers.push({
        clientId,
        id: user.data.id,
        name: user.data.name,
        color: user.data.color,
        readOnly: user.data.readOnly ?? false,
        selection: typeof selection === "string" ? selection : null,
        isLocal: clientId === this.doc.clientID,
      });
    });
    peers.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.clientId - b.clientId);
    this.peers.set(peers);
  };
}
