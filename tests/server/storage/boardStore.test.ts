import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { newBoardId, type BoardId } from "../../../lib/model/ids";
import type { Storage } from "../../../server/storage/storage";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

/** ISO 8601 in UTC with milliseconds, as Date#toISOString writes it: what both stores return. */
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const bytes = (...b: number[]) => new Uint8Array(b);

/** A Yjs update that adds `text` to the doc's "log" array, so replayed state can be compared. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getArray<string>("log").push([text]);
  return Y.encodeStateAsUpdate(doc, before);
}
async function replay(store: Storage, id: BoardId): Promise<string[]> {
  const doc = new Y.Doc();
  for (const u of (await store.loadUpdates(id)).updates) Y.applyUpdate(doc, u);
  return doc.getArray<string>("log").toArray();
}

describeEachStorage("board store", (backend) => {
  const t = freshStoreEachTest(backend);

  describe("layout check marks and quarantine (docs/document-rules.md)", () => {
    it("rows are unchecked unless the writer says they passed the check; the first state and snapshots are checked", async () => {
      const doc = new Y.Doc();
      const id = newBoardId();
      await t.store.createBoard({ id, title: "Marks" }, edit(doc, "0"));
      await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, "1")] }]);
      const written = await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, "2")], checked: true }]);
      expect((await t.store.loadUpdates(id)).checked).toEqual([true, false, true]);
      await t.store.compact(id, Y.encodeStateAsUpdate(doc), written.get(id)!.lastSeq - 1, Y.encodeStateVector(doc));
      // The snapshot replaced rows 0 and 1; row 2 stays, still checked.
      expect((await t.store.loadUpdates(id)).checked).toEqual([true, true]);
    });

    it("keeps a quarantined update once, with its reason, until the board is deleted", async () => {
      const id = newBoardId();
      await t.store.createBoard({ id, title: "Quarantine" }, bytes(0));
      await t.store.quarantine(id, bytes(9, 9), "items field title must hold a plain value");
      await t.store.quarantine(id, bytes(9, 9), "items field title must hold a plain value");
      await t.store.quarantine(id, bytes(8), "x".repeat(5_000));
      const kept = await t.store.listQuarantined(id);
      expect(kept).toHaveLength(2);
      expect(kept.map((k) => k.data)).toContainEqual(bytes(9, 9));
      expect(kept.every((k) => ISO_MS.test(k.at) && k.reason.length <= 1_000)).toBe(true);
      await t.store.deleteBoard(id);
      expect(await t.store.listQuarantined(id)).toEqual([]);
    });
  });

  describe("boards", () => {
    it("creates a board with its first state as the only log row; times are ISO with milliseconds and Z", async () => {
      const id = newBoardId();
      const created = await t.store.createBoard({ id, title: "Roadmap" }, bytes(1, 2, 3));
      expect(created).toEqual({ id, title: "Roadmap", createdAt: created.createdAt, updatedAt: created.createdAt });
      expect(created.createdAt).toMatch(ISO_MS);
      expect(await t.store.getBoard(id)).toEqual(created);
      expect(await t.store.loadUpdates(id)).toEqual({ updates: [bytes(1, 2, 3)], logLength: 1, checked: [true], lastSeq: expect.any(Number) });
    });

    it("an unknown board reads as null and an empty log", async () => {
      const id = newBoardId();
      expect(await t.store.getBoard(id)).toBeNull();
      expect(await t.store.loadUpdates(id)).toEqual({ updates: [], logLength: 0, checked: [], lastSeq: 0 });
    });

    it("lists boards most recently updated first, equal times by id", async () => {
      const [a, b, c] = ["b-a", "b-b", "b-c"] as BoardId[];
      for (const id of [a!, c!, b!]) await t.store.createBoard({ id, title: id }, bytes(0));
      await new Promise((r) => setTimeout(r, 5));
      // One append stamps both boards with the same time.
      await t.store.appendUpdates([
        { boardId: c!, updates: [bytes(1)] },
        { boardId: b!, updates: [bytes(2)] },
      ]);
      expect((await t.store.listBoards()).map((x) => x.id)).toEqual([b, c, a]);
    });

    it("deleting a board deletes its log and snapshot", async () => {
      const id = newBoardId();
      await t.store.createBoard({ id, title: "Gone" }, bytes(1));
      await t.store.compact(id, bytes(5), 1, bytes(0));
      await t.store.appendUpdates([{ boardId: id, updates: [bytes(2)] }]);
      await t.store.deleteBoard(id);
      expect(await t.store.getBoard(id)).toBeNull();
      expect(await t.store.loadUpdates(id)).toEqual({ updates: [], logLength: 0, checked: [], lastSeq: 0 });
    });
  });

  describe("update log", () => {
    it("loads updates in the order they were appended, across batches", async () => {
      const id = newBoardId();
      await t.store.createBoard({ id, title: "Order" }, bytes(0));
      await t.store.appendUpdates([{ boardId: id, updates: [bytes(1), bytes(2), bytes(3)] }]);
      await t.store.appendUpdates([{ boardId: id, updates: [bytes(4)] }]);
      await t.store.appendUpdates([{ boardId: id, updates: [bytes(5), bytes(6)] }]);
      const loaded = await t.store.loadUpdates(id);
      expect(loaded.updates).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => bytes(n)));
      expect(loaded.logLength).toBe(7);
      // Plain Uint8Arrays (not Buffers), as every caller of either store expects.
      expect(loaded.updates.every((u) => Object.getPrototypeOf(u) === Uint8Array.prototype)).toBe(true);
    });

    it("appends several boards in one call: each gets its last sequence number and log length", async () => {
      const [a, b] = [newBoardId(), newBoardId()];
      await t.store.createBoard({ id: a, title: "A" }, bytes(0));
      await t.store.createBoard({ id: b, title: "B" }, bytes(0));
      const first = await t.store.appendUpdates([
        { boardId: a, updates: [bytes(1), bytes(2)] },
        { boardId: b, updates: [bytes(3)] },
      ]);
      expect(first.get(a)!.logLength).toBe(3);
      expect(first.get(b)!.logLength).toBe(2);
      expect(first.get(b)!.lastSeq).toBeGreaterThan(first.get(a)!.lastSeq);
      const second = await t.store.appendUpdates([{ boardId: a, updates: [bytes(4)] }]);
      expect(second.get(a)!.lastSeq).toBeGreaterThan(first.get(b)!.lastSeq);
      expect(second.get(a)!.logLength).toBe(4);
      expect([...second.keys()]).toEqual([a]);
    });

    it("an append carrying a title renames the board and touches its updated time; without one, the title stays", async () => {
      const id = newBoardId();
      const created = await t.store.createBoard({ id, title: "Old" }, bytes(0));
      await new Promise((r) => setTimeout(r, 5));
      await t.store.appendUpdates([{ boardId: id, updates: [bytes(1)], title: "New" }]);
      const renamed = (await t.store.getBoard(id))!;
      expect(renamed.title).toBe("New");
      expect(renamed.updatedAt > created.updatedAt).toBe(true);
      expect(renamed.updatedAt).toMatch(ISO_MS);
      expect(renamed.createdAt).toBe(created.createdAt);
      await t.store.appendUpdates([{ boardId: id, updates: [bytes(2)] }]);
      expect((await t.store.getBoard(id))!.title).toBe("New");
    });

    it("a batch that fails writes nothing, not even the boards in it that could be written", async () => {
      const [ok, missing] = [newBoardId(), newBoardId()];
      const created = await t.store.createBoard({ id: ok, title: "Kept" }, bytes(0));
      await new Promise((r) => setTimeout(r, 5));
      await expect(
        t.store.appendUpdates([
          { boardId: ok, updates: [bytes(1), bytes(2)], title: "Renamed" },
          { boardId: missing, updates: [bytes(3)] },
        ]),
      ).rejects.toThrow();
      expect(await t.store.loadUpdates(ok)).toEqual({ updates: [bytes(0)], logLength: 1, checked: [true], lastSeq: expect.any(Number) });
      expect(await t.store.getBoard(ok)).toEqual(created);
      expect(await t.store.loadUpdates(missing)).toEqual({ updates: [], logLength: 0, checked: [], lastSeq: 0 });
      // The store is still usable after the failed batch.
      await t.store.appendUpdates([{ boardId: ok, updates: [bytes(4)] }]);
      expect((await t.store.loadUpdates(ok)).updates).toEqual([bytes(0), bytes(4)]);
    });

    it("what an append resolved with is there for a store opened afterwards (a restarted server)", async () => {
      const id = newBoardId();
      await t.store.createBoard({ id, title: "Durable" }, bytes(0));
      await t.store.appendUpdates([{ boardId: id, updates: [bytes(1), bytes(2)] }]);
      const other = await t.reopen();
      expect((await other.loadUpdates(id)).updates).toEqual([bytes(0), bytes(1), bytes(2)]);
      expect(await other.getBoard(id)).toEqual(await t.store.getBoard(id));
    });

    it("keeps large updates byte for byte", async () => {
      const id = newBoardId();
      const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7919) % 256);
      await t.store.createBoard({ id, title: "Big" }, bytes(0));
      await t.store.appendUpdates([{ boardId: id, updates: [big, big.subarray(10, 20)] }]);
      const loaded = (await t.store.loadUpdates(id)).updates;
      // Compared as Buffers: a deep equality of 3 MB element by element takes seconds.
      expect(Buffer.compare(Buffer.from(loaded[1]!), Buffer.from(big))).toBe(0);
      expect(loaded[2]).toEqual(big.subarray(10, 20));
    });
  });

  describe("compaction", () => {
    it("replaces the rows up to the given sequence by the snapshot; later rows stay after it", async () => {
      const doc = new Y.Doc();
      const id = newBoardId();
      await t.store.createBoard({ id, title: "Compact" }, edit(doc, "first"));
      const early = await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, "a"), edit(doc, "b")] }]);
      const upTo = early.get(id)!.lastSeq;
      const state = Y.encodeStateAsUpdate(doc);
      const vector = Y.encodeStateVector(doc);
      const late = await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, "c")] }]);
      expect(late.get(id)!.logLength).toBe(4);

      await t.store.compact(id, state, upTo, vector);
      const loaded = await t.store.loadUpdates(id);
      expect(loaded.logLength).toBe(1);
      expect(loaded.updates).toHaveLength(2);
      expect(loaded.updates[0]).toEqual(state);
      expect(await replay(t.store, id)).toEqual(["first", "a", "b", "c"]);
      // The next append counts only rows after the snapshot.
      const next = await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, "d")] }]);
      expect(next.get(id)!.logLength).toBe(2);
      expect(next.get(id)!.lastSeq).toBeGreaterThan(late.get(id)!.lastSeq);
    });

    it("a second compaction replaces the first snapshot; a reopened store loads the same", async () => {
      const doc = new Y.Doc();
      const id = newBoardId();
      await t.store.createBoard({ id, title: "Twice" }, edit(doc, "0"));
      const one = await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, "1")] }]);
      await t.store.compact(id, Y.encodeStateAsUpdate(doc), one.get(id)!.lastSeq, Y.encodeStateVector(doc));
      const two = await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, "2"), edit(doc, "3")] }]);
      expect(two.get(id)!.logLength).toBe(2);
      const finalState = Y.encodeStateAsUpdate(doc);
      const finalVector = Y.encodeStateVector(doc);
      await t.store.compact(id, finalState, two.get(id)!.lastSeq, finalVector);
      expect(await t.store.loadUpdates(id)).toEqual({ updates: [finalState], logLength: 0, snapshotStateVector: finalVector, checked: [true], lastSeq: expect.any(Number) });
      const other = await t.reopen();
      expect(await replay(other, id)).toEqual(["0", "1", "2", "3"]);
    });

    it("a load running while compactions commit (another instance) always sees everything", async () => {
      const doc = new Y.Doc();
      const id = newBoardId();
      await t.store.createBoard({ id, title: "Concurrent" }, edit(doc, "start"));
      const other = await t.reopen();
      for (let round = 0; round < 30; round++) {
        const appended = await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, `r${round}`)] }]);
        const state = Y.encodeStateAsUpdate(doc);
        const loads = Array.from({ length: 4 }, () => replay(other, id));
        await t.store.compact(id, state, appended.get(id)!.lastSeq, Y.encodeStateVector(doc));
        for (const seen of await Promise.all(loads)) expect(seen).toHaveLength(round + 2);
      }
    });

    it("rows appended with sequence numbers above the compacted one survive it", async () => {
      const doc = new Y.Doc();
      const id = newBoardId();
      await t.store.createBoard({ id, title: "Race" }, edit(doc, "0"));
      const upTo = (await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, "1")] }])).get(id)!.lastSeq;
      const state = Y.encodeStateAsUpdate(doc);
      const vector = Y.encodeStateVector(doc);
      // Written while the compacting server was encoding its state.
      await t.store.appendUpdates([{ boardId: id, updates: [edit(doc, "2")] }]);
      await t.store.compact(id, state, upTo, vector);
      expect(await replay(t.store, id)).toEqual(["0", "1", "2"]);
    });
  });
});
