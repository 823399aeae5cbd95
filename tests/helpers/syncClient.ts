import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves when the provider has completed its first sync. */
  synced: Promise<void>;
  destroy(): void;
}

/**
 * A stock y-websocket client, exactly as a browser uses it (BroadcastChannel off, so replicas in
 * one test process cannot talk past the server).
 */
export function connectClient(wsUrl: string, boardId: string, options: { token?: string; doc?: Y.Doc } = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    params: options.token ? { token: options.token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off("sync", onSync);
      resolve();
    };
    provider.on("sync", onSync);
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` passes or the timeout elapses (then throws its last error). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
