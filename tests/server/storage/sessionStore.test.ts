import { describe, expect, it } from "vitest";
import { newUserId } from "../../../lib/model/ids";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

const at = (day: number) => new Date(Date.UTC(2030, 0, day, 9)).toISOString();

describeEachStorage("ended sessions", (backend) => {
  const t = freshStoreEachTest(backend);

  describe("signing out ends a session until its cookie would have expired", () => {
    it("an ended session is ended; another session of the same person is not", async () => {
      const ana = newUserId();
      await t.store.endSession({ id: "s-ana-laptop", userId: ana, endedAt: at(1), until: at(31) });
      expect(await t.store.isSessionEnded("s-ana-laptop", at(2))).toBe(true);
      expect(await t.store.isSessionEnded("s-ana-phone", at(2))).toBe(false);
    });

    it("is forgotten once the cookie has expired anyway, and pruning removes only those", async () => {
      const ana = newUserId();
      await t.store.endSession({ id: "old", userId: ana, endedAt: at(1), until: at(3) });
      await t.store.endSession({ id: "recent", userId: ana, endedAt: at(2), until: at(20) });
      expect(await t.store.isSessionEnded("old", at(4))).toBe(false);
      expect(await t.store.pruneEndedSessions(at(4))).toBe(1);
      expect(await t.store.isSessionEnded("recent", at(4))).toBe(true);
    });

    it("ending a session twice keeps the later expiry, and survives a restart", async () => {
      const ana = newUserId();
      await t.store.endSession({ id: "twice", userId: ana, endedAt: at(1), until: at(10) });
      await t.store.endSession({ id: "twice", userId: ana, endedAt: at(2), until: at(5) });
      const reopened = await t.reopen();
      expect(await reopened.isSessionEnded("twice", at(8))).toBe(true);
    });
  });
});
