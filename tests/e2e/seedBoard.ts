import { expect, type APIRequestContext } from "@playwright/test";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { addCalendarDays, type DateString } from "../../lib/model/dates";
import type { ItemId, LaneId, PhaseId } from "../../lib/model/ids";
import { createItem, type NewItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";

/** An item to plant, with its lane and phase named as the template names them. */
export interface SeedItem extends Omit<NewItem, "laneId" | "phaseId" | "start"> {
  title: string;
  lane?: string;
  phase?: string;
  /** Working days after the board's first Monday; absent: unscheduled. */
  startOffset?: number;
}

/**
 * Fills a board the way another client would: a stock y-websocket client in this Node process,
 * holding a sync token from the board's API (as the signed-in `request`), writing with the same
 * lib/model commands the app uses. Faster than typing fifty items into the UI, and no test-only
 * route. Returns the ids by title once the server has them.
 */
export async function seedItems(request: APIRequestContext, baseURL: string, boardId: string, items: readonly SeedItem[]): Promise<Map<string, ItemId>> {
  const tokenResponse = await request.post(`/api/boards/${boardId}/sync-token`);
  expect(tokenResponse.status(), await tokenResponse.text()).toBe(200);
  const { token } = (await tokenResponse.json()) as { token: string };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseURL.replace(/^http/, "ws")}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  try {
    await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
    const snap = readSnapshot(doc);
    const lanes = new Map(snap.lanes.map((l) => [l.name, l.id] as [string, LaneId]));
    const phases = new Map(snap.phases.map((p) => [p.name, p.id] as [string, PhaseId]));
    const origin = createOrigin("import", "e2e-seed");
    const ids = new Map<string, ItemId>();
    doc.transact(() => {
      for (const { lane, phase, startOffset, ...rest } of items) {
        const start: DateString | null = startOffset === undefined ? null : addCalendarDays(snap.board.horizonStart, startOffset);
        const created = createItem(doc, origin, { ...rest, laneId: lane ? lanes.get(lane)! : null, phaseId: phase ? phases.get(phase)! : null, start });
        if (!created.ok) throw new Error(created.error);
        ids.set(rest.title, created.value);
      }
    }, origin);
    // The server acknowledges nothing per update: wait until a fresh client would see the items.
    await expect.poll(async () => (await serverItemCount(baseURL, boardId, token)) >= snap.items.length + items.length, { timeout: 10_000 }).toBe(true);
    return ids;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** How many items a new connection receives in its first sync. */
async function serverItemCount(baseURL: string, boardId: string, token: string): Promise<number> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseURL.replace(/^http/, "ws")}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  try {
    await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
    return readSnapshot(doc).items.length;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
