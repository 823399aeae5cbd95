import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import type { BoardId } from "../../../lib/model/ids";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { createOrigin } from "../../../lib/model/origin";
import { restoreBoard } from "../../../lib/model/restoreCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { PastBoards } from "../../../server/history/pastBoards";
import { docFromState, packState, unpackState } from "../../../server/history/versionState";
import type { HistoryRow, VersionRecord } from "../../../server/storage/versionStore";
import { newDoc } from "../../lib/helpers/docs";
import { setup } from "../../lib/helpers/fixtures";
import { rng } from "../../lib/helpers/prng";
import { runRandomCommand } from "../../lib/helpers/randomCommands";

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

/**
 * Whatever path PastBoards takes (a cold build of a version and its rows at once, or a replay
 * moved on by the rows in between), a moment must be exactly the plain replay: a document
 * from the version's state, every recorded row up to the moment applied, read by readSnapshot.
 */
describe("a past moment equals the plain replay", () => {
  const minute = (m: number) => new Date(Date.UTC(2030, 0, 1, 9, 0) + m * 60_000).toISOString();

  /** Two people editing concurrently; the server's document records each update it applies as a row. */
  function history(seed: number) {
    const server = newDoc(1);
    const rows: HistoryRow[] = [];
    const versions: { record: VersionRecord; packed: Uint8Array }[] = [];
    server.on("update", (data: Uint8Array) => rows.push({ seq: rows.length + 1, at: minute(rows.length), data }));
    buildDemoBoard(server, setup, date("2027-01-04"));
    const people = [newDoc(2), newDoc(3)];
    for (const p of people) Y.applyUpdate(p, Y.encodeStateAsUpdate(server));
    const r = rng(seed);
    const origin = createOrigin("local", "fuzz");
    for (let step = 0; step < 160; step++) {
      const person = people[r.int(2)]!;
      const before = Y.encodeStateVector(server);
      // Now and then a whole version restored: deleted records come back under their ids.
      if (versions.length && r.chance(0.04)) {
        const version = docFromState(unpackState(r.pick(versions).packed));
        restoreBoard(person, version, origin);
        version.destroy();
      } else runRandomCommand(person, origin, rng(r.int(2 ** 31)));
      // Sent to the server now and then, so the two people's edits cross.
      if (r.chance(0.6)) Y.applyUpdate(server, Y.encodeStateAsUpdate(person, before));
      if (r.chance(0.3)) for (const p of people) Y.applyUpdate(p, Y.encodeStateAsUpdate(server, Y.encodeStateVector(p)));
      if (r.chance(0.08)) {
        const seq = rows.length;
        const record: VersionRecord = { id: `v-${step}`, boardId: "b" as BoardId, name: null, note: null, reason: "quiet", authorId: null, createdAt: minute(seq - 0.5), seq, bytes: 0 };
        versions.unshift({ record, packed: packState(Y.encodeStateAsUpdate(server)) });
      }
    }
    return { rows, versions };
  }

  function plainReplay(h: ReturnType<typeof history>, until: string): string {
    const version = h.versions.find((v) => v.record.createdAt <= until);
    const doc = new Y.Doc();
    if (version) Y.applyUpdate(doc, unpackState(version.packed));
    for (const row of h.rows) if (row.seq > (version?.record.seq ?? 0) && row.at <= until) Y.applyUpdate(doc, row.data);
    return JSON.stringify(readSnapshot(doc));
  }

  it.each([31, 32, 33, 34])("random moments, forward and back, from versions and from the first row (seed %i)", async (seed) => {
    const h = history(seed);
    expect(h.versions.length).toBeGreaterThan(2);
    const past = new PastBoards();
    pasts.push(past);
    const r = rng(seed + 100);
    let moment = 0;
    for (let k = 0; k < 60; k++) {
      // Mostly small steps (a scrubber), forward more than back, sometimes a jump anywhere.
      const roll = r.int(10);
      moment = roll < 5 ? Math.min(h.rows.length, moment + r.int(6)) : roll < 7 ? Math.max(0, moment - 1 - r.int(3)) : r.int(h.rows.length + 1);
      const until = minute(moment + 0.25);
      const base = h.versions.find((v) => v.record.createdAt <= until) ?? null;
      const got = await past.at("b", until, {
        base: base?.record ?? null,
        loadState: async () => base?.packed ?? null,
        loadRows: async (afterSeq, to, limit) => h.rows.filter((row) => row.seq > afterSeq && row.at <= to).slice(0, limit),
      });
      expect(JSON.stringify(got?.snapshot), `seed ${seed}, moment ${moment}`).toBe(plainReplay(h, until));
    }
  });
});
