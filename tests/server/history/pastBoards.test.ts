import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import type { BoardId } from "../../../lib/model/ids";
import { PastBoards } from "../../../server/history/pastBoards";
import { packState } from "../../../server/history/versionState";
import type { HistoryRow, VersionRecord } from "../../../server/storage/versionStore";

/** A board whose title changes once a minute; each change is one recorded row. */
function recordedBoard(titles: string[]) {
  const doc = new Y.Doc();
  const rows: HistoryRow[] = [];
  doc.on("update", (data: Uint8Array) => rows.push({ seq: rows.length + 1, at: `2030-01-01T09:${String(rows.length).padStart(2, "0")}:00.000Z`, data }));
  for (const title of titles) doc.getMap("board").set("title", title);
  return rows;
}

const pasts: PastBoards[] = [];
afterEach(() => {
  for (const p of pasts.splice(0)) p.close();
});

describe("the board at past moments", () => {
  const rows = recordedBoard(["One", "Two", "Three", "Four"]);
  const at = (minute: number) => `2030-01-01T09:${String(minute).padStart(2, "0")}:30.000Z`;
  let stateLoads = 0;
  let rowReads = 0;
  const fromStart = {
    base: null,
    loadState: async () => {
      stateLoads++;
      return null;
    },
    loadRows: async (afterSeq: number, until: string, limit: number) => {
      rowReads++;
      return rows.filter((r) => r.seq > afterSeq && r.at <= until).slice(0, limit);
    },
  };

  it("shows each moment; moving forward applies only the rows in between, moving back rebuilds", async () => {
    const past = new PastBoards();
    pasts.push(past);
    expect((await past.at("b", at(0), fromStart))?.snapshot.board.title).toBe("One");
    expect((await past.at("b", at(2), fromStart))?.snapshot.board.title).toBe("Three");
    expect((await past.at("b", at(3), fromStart))?.snapshot.board.title).toBe("Four");
    expect((await past.at("b", at(1), fromStart))?.snapshot.board.title).toBe("Two");
  });

  it("replays from a version: its state, then the rows after it", async () => {
    const past = new PastBoards();
    pasts.push(past);
    const doc = new Y.Doc();
    for (const r of rows.slice(0, 2)) Y.applyUpdate(doc, r.data);
    const base: VersionRecord = { id: "v-1", boardId: "b" as BoardId, name: null, note: null, reason: "quiet", authorId: null, createdAt: at(1), seq: 2, bytes: 0 };
    stateLoads = 0;
    const sources = { ...fromStart, base, loadState: async () => (stateLoads++, packState(Y.encodeStateAsUpdate(doc))) };
    expect((await past.at("b", at(1), sources))?.snapshot.board.title).toBe("Two");
    expect((await past.at("b", at(3), sources))?.snapshot.board.title).toBe("Four");
    expect(stateLoads).toBe(1);
  });

  it("keeps a bounded number of boards", async () => {
    const past = new PastBoards(1);
    pasts.push(past);
    stateLoads = 0;
    rowReads = 0;
    await past.at("a", at(1), fromStart);
    await past.at("b", at(1), fromStart);
    await past.at("a", at(2), fromStart); // "a" was dropped for "b": rebuilt from the first row
    expect((await past.at("a", at(3), fromStart))?.snapshot.board.title).toBe("Four");
    expect(rowReads).toBe(4);
  });
});
