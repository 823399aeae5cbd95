import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { sendOwnPresenceOnly } from "../../components/collab/ownPresenceOnly";
import { toDayNumber } from "../../lib/model/dates";
import { readSnapshot } from "../../lib/model/snapshot";
import type { PresencePointer, PresenceViewport } from "../../lib/protocol/presence";
import { addMember, freshAccount, signIn, signUp } from "./people";

/**
 * A workshop crowd without browsers: each person is a real account (signed up, made an editor
 * by the board's owner) connected with a stock y-websocket client and a sync token, announcing
 * presence exactly as a browser does (the server writes their names).
 */
export interface CrowdMember {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Announces a pointer (and keeps the viewport announced alongside, as the browser does). */
  point(pointer: PresencePointer | null): void;
  view(viewport: PresenceViewport): void;
}

export interface Crowd {
  members: CrowdMember[];
  /** Day range and lane ids of the board, for places to point at. */
  firstDay: number;
  lastDay: number;
  laneIds: string[];
  leave(): void;
}

/** Makes `count` people named `${prefix} 1…n` and connects them to the board. */
export async function joinCrowd(baseURL: string, owner: APIRequestContext, boardId: string, count: number, prefix = "Guest"): Promise<Crowd> {
  const tokens = await inBatches(
    count,
    async (i) => {
      const account = freshAccount(`${prefix} ${i + 1}`);
      const context = await playwrightRequest.newContext({ baseURL });
      try {
        await signUp(context, account);
        await addMember(owner, boardId, account.email, "editor");
        await signIn(context, account);
        const response = await context.post(`/api/boards/${boardId}/sync-token`);
        expect(response.ok(), await response.text()).toBe(true);
        return { name: account.name, token: ((await response.json()) as { token: string }).token };
      } finally {
        await context.dispose();
      }
    },
  );
  const wsUrl = `${baseURL.replace(/^http/, "ws")}/sync`;
  const members = await Promise.all(
    tokens.map(async ({ name, token }): Promise<CrowdMember> => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(wsUrl, boardId, doc, {
        params: { token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      // As the browser does: send only one's own presence, not everyone's straight back.
      sendOwnPresenceOnly(provider, provider.awareness, doc.clientID);
      await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
      const { awareness } = provider;
      // A first state at clock 0 is ignored by everyone (awareness only takes newer clocks).
      awareness.setLocalState({});
      return {
        name,
        doc,
        provider,
        point: (pointer) => awareness.setLocalStateField("pointer", pointer),
        view: (viewport) => awareness.setLocalStateField("viewport", viewport),
      };
    }),
  );
  const snapshot = readSnapshot(members[0]!.doc);
  return {
    members,
    firstDay: toDayNumber(snapshot.board.horizonStart),
    lastDay: toDayNumber(snapshot.board.horizonEnd),
    laneIds: snapshot.lanes.map((l) => l.id),
    leave() {
      for (const m of members) {
        m.provider.destroy();
        m.doc.destroy();
      }
    },
  };
}

/** Runs `make(0…count-1)` a few at a time: 40 sign-ups at once overwhelm a small server's password hashing. */
async function inBatches<T>(count: number, make: (i: number) => Promise<T>, size = 6): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => make(start + k)))));
  }
  return out;
}
