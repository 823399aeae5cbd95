import { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { createOrigin, type CommandOrigin } from "../../lib/model/origin";
import { LiveSnapshot } from "../../lib/model/liveSnapshot";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { SYNC_PATH } from "../../lib/protocol/sync";
import { identitySchema, type Identity } from "./identity";
import { ValueStore } from "./store";
import { timed } from "./timing";

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

export interface ConnectionState {
  status: ConnectionStatus;
  /** True once the first sync with the server completed; stays true across reconnects. */
  loaded: boolean;
  /** Set when the server closed for good (unknown board, no access); no reconnect follows. */
  closed: { code: number; reason: string } | null;
}

/** Someone on the board, as their awareness state says. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  /** The item they have selected, if any. */
  selection: string | null;
  isLocal: boolean;
}

interface LocalPresence {
  user: Identity | null;
  selection: string | null;
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
  readonly connection = new ValueStore<ConnectionState>({ status: "connecting", loaded: false, closed: null });
  /** Null until the first sync: an empty doc is not an empty board. */
  readonly snapshot = new ValueStore<BoardSnapshot | null>(null);
  readonly peers = new ValueStore<Peer[]>([]);

  /** Created at the first sync; from then on only the records a change touched are re-read. */
  private live: LiveSnapshot | null = null;
  private provider: WebsocketProvider | null = null;
  private awareness: Awareness | null = null;
  private presence: LocalPresence = { user: null, selection: null };
  private frame: number | null = null;

  constructor(readonly boardId: string) {
    this.origin = createOrigin("local", `browser:${this.doc.clientID}`);
    this.doc.on("afterTransaction", this.onTransaction);
  }

  connect(): void {
    if (this.provider) return;
    const awareness = new Awareness(this.doc);
    awareness.setLocalState(this.presence);
    awareness.on("change", this.onAwareness);
    const provider = new WebsocketProvider(syncBaseUrl(), this.boardId, this.doc, { awareness, connect: false });
    provider.on("status", ({ status }) => this.patchConnection({ status }));
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
    this.provider?.destroy();
    this.awareness?.destroy();
    this.provider = null;
    this.awareness = null;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  setIdentity(user: Identity): void {
    this.setPresence({ ...this.presence, user });
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
      // Peers write what they like into awareness; only a valid identity is shown.
      const user = identitySchema.safeParse((state as { user?: unknown }).user);
      if (!user.success) return;
      const selection = (state as { selection?: unknown }).selection;
      peers.push({
        clientId,
        name: user.data.name,
        color: user.data.color,
        selection: typeof selection === "string" ? selection : null,
        isLocal: clientId === this.doc.clientID,
      });
    });
    peers.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.clientId - b.clientId);
    this.peers.set(peers);
  };
}
