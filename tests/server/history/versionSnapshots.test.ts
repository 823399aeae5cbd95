import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { VersionSnapshots } from "../../../server/history/versionSnapshots";
import { packState } from "../../../server/history/versionState";

function packedBoard(title: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("board").set("title", title);
  return packState(Y.encodeStateAsUpdate(doc));
}

describe("version snapshots are cached, a few at a time", () => {
  it("builds a version once, serves it again from memory, and forgets the least recently used beyond its capacity", async () => {
    const cache = new VersionSnapshots(2);
    let loads = 0;
    const load = (title: string) => async () => {
      loads++;
      return packedBoard(title);
    };
    expect((await cache.get("b", "v1", load("One")))?.board.title).toBe("One");
    await cache.get("b", "v1", load("One"));
    expect(loads).toBe(1);
    await cache.get("b", "v2", load("Two"));
    await cache.get("b", "v1", load("One")); // v1 is now the most recent
    await cache.get("b", "v3", load("Three")); // evicts v2
    expect(loads).toBe(3);
    await cache.get("b", "v1", load("One"));
    expect(loads).toBe(3);
    await cache.get("b", "v2", load("Two"));
    expect(loads).toBe(4);
  });

  it("a version of another board is another entry; a missing version is null; a forgotten one is rebuilt", async () => {
    const cache = new VersionSnapshots();
    expect(await cache.get("b", "gone", async () => null)).toBeNull();
    expect((await cache.get("a", "v1", async () => packedBoard("A")))?.board.title).toBe("A");
    expect((await cache.get("b", "v1", async () => packedBoard("B")))?.board.title).toBe("B");
    cache.forget("a", ["v1"]);
    expect((await cache.get("a", "v1", async () => packedBoard("A again")))?.board.title).toBe("A again");
  });
});
