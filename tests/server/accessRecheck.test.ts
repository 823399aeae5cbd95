import { afterEach, describe, expect, it } from "vitest";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { CloseCode } from "../../lib/protocol/sync";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestServer } from "../helpers/testServer";

let s: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  if (s) {
    await s.close();
    removeDataDir(s.dataDir);
    s = undefined;
  }
});

describe("open connections are re-checked against storage (backstop for a lost access event)", () => {
  it("applies a downgrade and a removal that no event announced", async () => {
    s = await startTestServer();
    const board = await s.boards.createBoard({ title: "Recheck" });
    const member = await s.createUser("Member");
    await s.store.setRole(board.id, member, "editor");
    const client = connectClient(s.wsUrl, board.id, { token: s.tokenFor(member, board.id) });
    clients.push(client);
    await client.synced;
    const room = s.sync.registry.loaded(board.id)!;

    // Changed behind the server's back (as if the cluster message about it was lost).
    await s.store.setRole(board.id, member, "viewer");
    await s.sync.recheckAccess();
    createItem(client.doc, createOrigin("local", "m"), { title: "After downgrade", laneId: null, start: null, duration: 1, status: "planned" });
    await eventually(() => expect(room.refusedWrites).toBeGreaterThan(0));
    expect(room.doc.getMap("items").size).toBe(0);

    const closed = new Promise<number>((resolve) => client.provider.ws?.addEventListener("close", (e) => resolve(e.code)));
    await s.store.removeMember(board.id, member);
    await s.sync.recheckAccess();
    expect(await closed).toBe(CloseCode.Forbidden);
  });
});
