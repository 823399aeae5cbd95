import { expect, type APIRequestContext } from "@playwright/test";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { addCalendarDays, type DateString } from "../../lib/model/dates";
import type { ItemId, LaneId, MilestoneId, PhaseId } from "../../lib/model/ids";
import { createItem, type NewItem } from "../../lib/model/itemCommands";
import { addMilestone } from "../../lib/model/milestoneCommands";
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
  return withSeedClient(request, baseURL, boardId, async ({ doc, snap, token }) => {
    const lanes = new Map(snap.lanes.map((l) => [l.name, l.id] as [string, LaneId]));
    const phases = new Map(snap.phases.map((p) => [p.name, p.id] as [string, PhaseId]));
    const ids = new Map<string, ItemId>();
    doc.transact(() => {
      for (const { lane, phase, startOffset, ...rest } of items) {
        const start: DateString | null = startOffset === undefined ? null : addCalendarDays(snap.board.horizonStart, startOffset);
        const created = createItem(doc, SEED_ORIGIN, { ...rest, laneId: lane ? lanes.get(lane)! : null, phaseId: phase ? phases.get(phase)! : null, start });
        if (!created.ok) throw new Error(created.error);
        ids.set(rest.title, created.value);
      }
    }, SEED_ORIGIN);
    // The server acknowledges nothing per update: wait until a fresh client would see the items.
    await expect.poll(async () => (await serverSnapshot(baseURL, boardId, token)).items.length >= snap.items.length + items.length, { timeout: 10_000 }).toBe(true);
    return ids;
  });
}

/** Adds a milestone `dayOffset` calendar days after the board's start, as another client would. */
export async function seedMilestone(request: APIRequestContext, baseURL: string, boardId: string, title: string, dayOffset: number): Promise<MilestoneId> {
  return withSeedClient(request, baseURL, boardId, async ({ doc, snap, token }) => {
    const added = addMilestone(doc, SEED_ORIGIN, { title, date: addCalendarDays(snap.board.horizonStart, dayOffset), kind: "deadline" });
    if (!added.ok) throw new Error(added.error);
    await expect.poll(async () => (await serverSnapshot(baseURL, boardId, token)).milestones.some((m) => m.id === added.value), { timeout: 10_000 }).toBe(true);
    return added.value;
  });
}

/**
 * Writes into the board's document as a hostile or buggy client could, bypassing the commands
 * (`write` gets the Y.Doc inside one transaction); resolves once a fresh client sees `seen`.
 */
export async function rawWrite(
  request: APIRequestContext,
  baseURL: string,
  boardId: string,
  write: (doc: Y.Doc) => void,
  seen: (snap: ReturnType<typeof readSnapshot>) => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  await withSeedClient(request, baseURL, boardId, async ({ doc, token }) => {
    doc.transact(() => write(doc), SEED_ORIGIN);
    await expect.poll(async () => seen(await serverSnapshot(baseURL, boardId, token)), { timeout: timeoutMs }).toBe(true);
  });
}

const SEED_ORIGIN = createOrigin("import", "e2e-seed");

/** A stock client on the board, holding a sync token from the board's API, for the time of `work`. */
async function withSeedClient<T>(
  request: APIRequestContext,
  baseURL: string,
  boardId: string,
  work: (client: { doc: Y.Doc; snap: ReturnType<typeof readSnapshot>; token: string }) => Promise<T>,
): Promise<T> {
  const tokenResponse = await request.post(`/api/boards/${boardId}/sync-token`);
  expect(tokenResponse.status(), await tokenResponse.text()).toBe(200);
  const { token } = (await tokenResponse.json()) as { token: string };
  const doc = new Y.Doc();
  const provider = connect(baseURL, boardId, doc, token);
  try {
    await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
    return await work({ doc, snap: readSnapshot(doc), token });
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

function connect(baseURL: string, boardId: string, doc: Y.Doc, token: string): WebsocketProvider {
  return new WebsocketProvider(`${baseURL.replace(/^http/, "ws")}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

/** The board as a new connection receives it in its first sync. */
async function serverSnapshot(baseURL: string, boardId: string, token: string): Promise<ReturnType<typeof readSnapshot>> {
  const doc = new Y.Doc();
  const provider = connect(baseURL, boardId, doc, token);
  try {
    await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
    return readSnapshot(doc);
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
