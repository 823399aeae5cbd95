import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { ClientSpec } from "./types";

/** One simulated person: a document, its presence, and the stock provider of the server it talks to. */
export interface BenchClient {
  doc: Y.Doc;
  awareness: Awareness;
  /** Resolves on the provider's first complete sync. */
  synced: Promise<void>;
  /** Times the connection dropped after it was first established. */
  disconnects(): number;
  destroy(): void;
}

/**
 * Connects with the client each server is used with: y-websocket's WebsocketProvider (Waymark,
 * the plain y-websocket server) or HocuspocusProvider (Hocuspocus), both with default settings
 * and the `ws` polyfill, BroadcastChannel off so clients in one process only talk through the server.
 */
export function connectBenchClient(spec: ClientSpec, doc: Y.Doc = new Y.Doc()): BenchClient {
  let connectedOnce = false;
  let drops = 0;
  const onStatus = (status: string) => {
    if (status === "connected") connectedOnce = true;
    else if (status === "disconnected" && connectedOnce) drops++;
  };
  if (spec.protocol === "hocuspocus") {
    // One socket per person, as a browser tab has; built here because only the socket's own
    // configuration takes the Node polyfill.
    const socket = new HocuspocusProviderWebsocket({ url: spec.url, WebSocketPolyfill: WebSocket });
    socket.on("status", ({ status }: { status: string }) => onStatus(status));
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: spec.room, document: doc });
    provider.attach();
    const synced = new Promise<void>((resolve) => {
      if (provider.synced) return resolve();
      provider.on("synced", () => resolve());
    });
    if (!provider.awareness) throw new Error("HocuspocusProvider without awareness");
    const destroy = () => {
      provider.destroy();
      socket.destroy();
    };
    return { doc, awareness: provider.awareness, synced, disconnects: () => drops, destroy };
  }
  const provider = new WebsocketProvider(spec.url, spec.room, doc, {
    params: spec.token ? { token: spec.token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.on("status", ({ status }) => onStatus(status));
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off("sync", onSync);
      resolve();
    };
    provider.on("sync", onSync);
  });
  return { doc, awareness: provider.awareness, synced, disconnects: () => drops, destroy: () => provider.destroy() };
}
