import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import type { BoardId, UserId } from "../../../lib/model/ids";
import { BoardVersioner, QUIET_MS } from "../../../server/history/autoVersions";
import { unpackState } from "../../../server/history/versionState";
import type { VersionRecord, VersionStore } from "../../../server/storage/versionStore";

const ANA = "u-ana" as UserId;
const person = { user: ANA };
const server = Symbol("server");

/** A board's document and versioner on a clock the test moves; versions kept in memory. */
function setup(lastEditedAt: string | null) {
  let now = Date.parse("2030-03-04T09:00:00Z");
  const saved: { record: Omit<VersionRecord, "bytes">; state: Uint8Array }[] = [];
  const store = {
    async saveVersion(record: Omit<VersionRecord, "bytes">, state: Uint8Array) {
      saved.push({ record, state });
      return { ...record, bytes: state.byteLength };
    },
    listVersions: async () => [],
    getBaseline: async () => null,
    deleteVersions: async () => undefined,
    pruneHistory: async () => undefined,
  } as unknown as VersionStore;
  const doc = new Y.Doc();
  const versioner = new BoardVersioner(doc, {
    boardId: "b-1" as BoardId,
    store,
    log: { error: () => undefined, debug: () => undefined },
    userOf: (origin) => (origin === person ? ANA : null),
    position: () => 42,
    lastEditedAt: async () => lastEditedAt,
    now: () => new Date(now),
  });
  const edit = (title: string, origin: unknown = person) => doc.transact(() => doc.getMap("board").set("title", title), origin);
  const titleIn = (state: Uint8Array) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, unpackState(state));
    return copy.getMap("board").get("title");
  };
  return { doc, versioner, saved, edit, titleIn, advance: (ms: number) => (now += ms) };
}

describe("automatic versions", () => {
  it("editing that resumes after 30 minutes of quiet first saves the board as it was before the edit", async () => {
    const t = setup(null);
    t.edit("First");
    t.advance(QUIET_MS - 1);
    t.edit("Second");
    expect(t.saved).toHaveLength(0);
    t.advance(QUIET_MS);
    t.edit("After the break");
    await t.versioner.settled();
    expect(t.saved).toHaveLength(1);
    expect(t.saved[0]!.record).toMatchObject({ reason: "quiet", authorId: ANA, name: null, seq: 42 });
    expect(t.titleIn(t.saved[0]!.state)).toBe("Second");
  });

  it("the first edit of a day saves the board as the day found it", async () => {
    const t = setup(null);
    t.advance(15 * 3_600_000 - 120_000); // 23:58
    t.edit("Late in the day");
    t.advance(60_000);
    t.edit("Last minute");
    t.advance(2 * 60_000); // 00:01 the next day: 2 minutes of quiet only
    t.edit("Next day");
    await t.versioner.settled();
    expect(t.saved.map((v) => v.record.reason)).toEqual(["daily"]);
    expect(t.titleIn(t.saved[0]!.state)).toBe("Last minute");
  });

  it("counts the quiet from the board's last edit before it was loaded", async () => {
    const t = setup("2030-03-04T07:00:00Z");
    await t.versioner.known;
    t.edit("Back after two hours");
    await t.versioner.settled();
    expect(t.saved.map((v) => v.record.reason)).toEqual(["quiet"]);
  });

  it("only people's edits count: the server's own writes and loads neither trigger nor reset the quiet", async () => {
    const t = setup(null);
    t.edit("First");
    t.advance(QUIET_MS + 1);
    t.edit("Server write", server);
    expect(t.saved).toHaveLength(0);
    t.edit("Person again");
    await t.versioner.settled();
    expect(t.saved).toHaveLength(1);
  });

  it("after stop, nothing more is taken", async () => {
    const t = setup(null);
    t.edit("First");
    t.versioner.stop();
    t.advance(QUIET_MS + 1);
    t.edit("Later");
    await t.versioner.settled();
    expect(t.saved).toHaveLength(0);
  });
});
