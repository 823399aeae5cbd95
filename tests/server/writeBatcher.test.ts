import { describe, expect, it } from "vitest";
import type { BoardId } from "../../lib/model/ids";
import type { AppendResult, BoardStore, BoardUpdates } from "../../server/storage/boardStore";
import { WriteBatcher } from "../../server/sync/writeBatcher";

const board = "b-batch" as BoardId;
const nextTurn = () => new Promise<void>((r) => setImmediate(r));

/**
 * A store recording each batch it was given, whose commits take `commitMs`, or, with "held",
 * finish only when the test calls release().
 */
function slowStore(commitMs: number | "held") {
  const batches: BoardUpdates[][] = [];
  let seq = 0;
  let release = () => {};
  const store = {
    async appendUpdates(batch: BoardUpdates[]) {
      batches.push(batch);
      if (commitMs === "held") await new Promise<void>((r) => (release = r));
      else await new Promise((r) => setTimeout(r, commitMs));
      const results = new Map<BoardId, AppendResult>();
      for (const b of batch) {
        seq += b.updates.length;
        results.set(b.boardId, { lastSeq: seq, logLength: seq });
      }
      return results;
    },
  } as unknown as BoardStore;
  return { store, batches, release: () => release() };
}

describe("write batcher (group commit)", () => {
  it("updates that arrive in many turns while a slow commit runs go into ONE next transaction, in order", async () => {
    const { store, batches, release } = slowStore("held");
    const batcher = new WriteBatcher(store);
    const first = batcher.append(board, new Uint8Array([0]));
    await nextTurn();
    expect(batches).toHaveLength(1);
    // 30 updates, each in an event-loop turn of its own, while the first commit is in flight.
    const later: Promise<AppendResult>[] = [];
    for (let i = 1; i <= 30; i++) {
      later.push(batcher.append(board, new Uint8Array([i])));
      await nextTurn();
    }
    expect(batches).toHaveLength(1);
    release();
    await first;
    await nextTurn();
    expect(batches).toHaveLength(2);
    expect(batches[1]![0]!.updates.map((u) => u[0])).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    release();
    const results = await Promise.all(later);
    // Each waiter resolves once its own update is committed, with the batch's result.
    expect(results.every((r) => r.lastSeq === 31)).toBe(true);
  });

  it("with a store that commits at once, each turn's updates are still one batch, written in turn order", async () => {
    const { store, batches } = slowStore(0);
    const batcher = new WriteBatcher(store);
    const a = [batcher.append(board, new Uint8Array([1])), batcher.append(board, new Uint8Array([2]))];
    await Promise.all(a);
    await batcher.append(board, new Uint8Array([3]));
    expect(batches.map((b) => b[0]!.updates.map((u) => u[0]))).toEqual([[1, 2], [3]]);
  });

  it("drain waits for updates appended while a write is in flight", async () => {
    const { store, batches } = slowStore(20);
    const batcher = new WriteBatcher(store);
    void batcher.append(board, new Uint8Array([1]));
    await nextTurn();
    void batcher.append(board, new Uint8Array([2]));
    await batcher.drain();
    expect(batches.flatMap((b) => b[0]!.updates.map((u) => u[0]))).toEqual([1, 2]);
  });
});
