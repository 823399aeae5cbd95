import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommentBody } from "../../lib/model/commentBody";
import type { UserId } from "../../lib/model/ids";
import { DEMO_USERS } from "../../server/services/demoSeed";
import { describeEachStorage } from "../helpers/storageBackends";
import { removeDataDir, startTestServer, type TestServer } from "../helpers/testServer";

/** The demo board on first start comes with conversations that look like a team's. */
describeEachStorage(
  "demo seed",
  (storage) => {
    let s: TestServer;
    let ids: Record<string, UserId>;
    beforeAll(async () => {
      s = await startTestServer({ seedDemo: true, ...storage.serverConfig() });
      ids = {};
      for (const u of DEMO_USERS) ids[u.email.split("@")[0]!] = (await s.store.findUserByEmail(u.email))!.id;
    });
    afterAll(async () => {
      await s.close();
      removeDataDir(s.dataDir);
    });

    describe("demo threads", () => {
      it("the demo board has threads on items and a milestone, every body one the services would accept", async () => {
        const [board] = await s.services.listBoards(ids.ana!);
        const result = await s.services.listThreads(ids.dev!, board!.id);
        if (!result.ok) throw new Error(result.error.message);
        const threads = result.value;
        expect(threads.map((t) => [t.anchor.kind, t.anchorTitle, t.comments.length, t.resolvedAt !== null])).toEqual([
          ["milestone", "MVP release", 2, true],
          ["item", "Online booking (core)", 2, false],
          ["item", "Payments integration", 2, false],
        ]);
        const snapshot = await s.sync.readSnapshot(board!.id);
        for (const t of threads) {
          if (t.anchor.kind === "item") expect(snapshot.items.map((i) => i.id)).toContain(t.anchor.id);
          if (t.anchor.kind === "milestone") expect(snapshot.milestones.map((m) => m.id)).toContain(t.anchor.id);
          for (const c of t.comments) expect(parseCommentBody(c.body).ok).toBe(true);
        }
        expect(threads[1]!.comments[0]!.author.name).toBe("Ana Owner");
      });

      it("the inboxes hold what the conversations would have sent", async () => {
        const kinds = async (who: string) => (await s.services.inbox(ids[who]!)).notifications.map((n) => `${n.kind} from ${n.actor.name} on ${n.anchorTitle}`);
        expect(await kinds("ben")).toEqual(["mention from Ana Owner on Online booking (core)", "reply from Ana Owner on MVP release"]);
        expect(await kinds("chen")).toEqual(["reply from Ana Owner on Payments integration", "new-thread from Ana Owner on Online booking (core)"]);
        expect(await kinds("dev")).toEqual(["mention from Ana Owner on Payments integration", "new-thread from Chen Commenter on Payments integration"]);
        expect(await kinds("ana")).toEqual(["reply from Ben Editor on Online booking (core)"]);
      });
    });
  },
  { emptyEachTest: false },
);
