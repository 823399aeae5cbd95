import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { moveCard } from "../../lib/model/cardCommands";
import { itemDescription } from "../../lib/model/docLayout";
import type { BoardId, ItemId } from "../../lib/model/ids";
import { createItem, deleteItem, moveItem, updateItem } from "../../lib/model/itemCommands";
import { createOrigin, serverOriginFor, type CommandOrigin } from "../../lib/model/origin";
import type { Result } from "../../lib/model/result";
import type { Principal } from "../../lib/protocol/roles";
import type { Logger } from "../../server/log";
import { summarizeItemChanges } from "../../server/services/summarizeChanges";
import type { ActivityRecord } from "../../server/storage/activityStore";
import { ActivityRecorder } from "../../server/sync/activityRecorder";
import type { Peer } from "../../server/sync/peer";
import { proposalOrigin } from "../../server/sync/origins";
import { PROPOSED_BY_FIELD } from "../../lib/protocol/history";
import type { UserId } from "../../lib/model/ids";

/**
 * The recorder alone, on a plain Y.Doc with a fake clock: how it batches and when it writes.
 * (tests/server/activity.test.ts drives the same recorder through real websockets.)
 */
const T0 = Date.parse("2030-03-05T14:00:00.000Z");
const board = "bRecorder" as BoardId;

function fakePeer(principal: Principal): Peer {
  const identity = { id: "", name: principal.name, color: "", readOnly: false, canComment: true };
  return { id: principal.name, access: { principal, role: "editor", identity }, send() {}, close() {} };
}

let doc: Y.Doc;
let rows: ActivityRecord[];
let failWrites: boolean;
let log: { error: ReturnType<typeof vi.fn> };
let recorder: ActivityRecorder;
const peers = new Map<CommandOrigin, Peer>();
const ana = createOrigin("remote", "ana");
const ben = createOrigin("remote", "ben");
const guest = createOrigin("remote", "guest");
const server = createOrigin("server", "waymark-server");
peers.set(ana, fakePeer({ kind: "user", userId: "uAna", name: "Ana", email: "" }));
peers.set(ben, fakePeer({ kind: "user", userId: "uBen", name: "Ben", email: "" }));
peers.set(guest, fakePeer({ kind: "guest", shareLinkId: "s1", name: "Guest" }));

const value = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const brief = () => rows.map((r) => `${r.userId} ${r.kind} ${r.title} @${(Date.parse(r.at) - T0) / 1000}`);
const seconds = (s: number) => vi.advanceTimersByTimeAsync(s * 1000);

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  doc = new Y.Doc();
  rows = [];
  failWrites = false;
  log = { error: vi.fn() };
  recorder = new ActivityRecorder(doc, {
    boardId: board,
    store: {
      async appendActivity(records) {
        if (failWrites) throw new Error("disk full");
        rows.push(...records);
      },
    },
    log: log as unknown as Logger,
    peerOf: (origin) => peers.get(origin as CommandOrigin),
  });
});
afterEach(async () => {
  await recorder.close();
  vi.useRealTimers();
});

describe("ActivityRecorder", () => {
  it("writes the first change of a burst within a second, under the title the item has by then", async () => {
    const id = value(createItem(doc, ana, { title: "New item", start: "2030-03-04", duration: 3 }));
    value(updateItem(doc, ana, id, { title: "Pilot onboarding" }));
    expect(rows).toEqual([]);
    await seconds(1);
    expect(brief()).toEqual(["uAna added Pilot onboarding @0", "uAna edited Pilot onboarding @0"]);
  });

  it("a server write made on a person's behalf is theirs; other server writes are nobody's", async () => {
    const id = value(createItem(doc, server, { title: "Payments API", start: "2030-03-04", duration: 3 }));
    value(updateItem(doc, serverOriginFor("request", "uCat"), id as ItemId, { title: "Payments API v2" }));
    value(updateItem(doc, createOrigin("server", "restore:uCat"), id as ItemId, { duration: 4 }));
    await seconds(1);
    expect(brief()).toEqual(["uCat edited Payments API v2 @0"]);
  });

  it("a burst that goes on gets a row at most every 45 s, all under 60 s apart; a new burst after a pause is written at once", async () => {
    const id = value(createItem(doc, server, { title: "Pilot", start: "2030-03-04", duration: 3 }));
    const days = ["2030-03-05", "2030-03-06", "2030-03-07", "2030-03-08"];
    value(moveItem(doc, ben, id as ItemId, { start: days[0]! }));
    await seconds(1);
    expect(rows).toHaveLength(1);
    for (const day of days.slice(1)) {
      await seconds(10);
      value(moveItem(doc, ben, id as ItemId, { start: day }));
    }
    await seconds(10); // t = 41 s: the burst's next row is not due before 45 s
    expect(rows).toHaveLength(1);
    await seconds(5);
    expect(brief()).toEqual(["uBen moved Pilot @0", "uBen moved Pilot @31"]);
    await seconds(120);
    value(moveItem(doc, ben, id as ItemId, { start: days[0]! }));
    await seconds(1);
    expect(brief().at(-1)).toBe("uBen moved Pilot @166");
    // Read back: two gestures, not three rows' worth.
    expect(summarizeItemChanges(rows).map((l) => l.count)).toEqual([2]);
  });

  it("classifies moves (start, duration, lane, phase), edits (other fields, the description) and deletes per person", async () => {
    const id = value(createItem(doc, server, { title: "Beta feedback", start: "2030-03-04", duration: 3 })) as ItemId;
    value(updateItem(doc, ana, id, { duration: 5 }));
    value(updateItem(doc, ben, id, { status: "in_progress", owners: ["Chen"] }));
    doc.transact(() => itemDescription(doc, id)!.insert(0, [new Y.XmlText("notes")]), ana);
    await seconds(1);
    expect(brief().sort()).toEqual(["uAna edited Beta feedback @0", "uAna moved Beta feedback @0", "uBen edited Beta feedback @0"]);
    rows = [];
    value(deleteItem(doc, ben, id));
    await seconds(1);
    expect(brief()).toEqual(["uBen deleted Beta feedback @1"]);
  });

  it("a card moved or reordered on the phase board is a move, not an edit", async () => {
    const a = value(createItem(doc, server, { title: "Booking", start: "2030-03-04", duration: 3 })) as ItemId;
    const b = value(createItem(doc, server, { title: "Payments", start: "2030-03-04", duration: 3 })) as ItemId;
    value(moveCard(doc, ben, b, { phaseId: null, beforeId: a }));
    await seconds(1);
    expect(brief()).toEqual(["uBen moved Payments @0"]);
  });

  it("records nothing for guests, the server or storage loads", async () => {
    const id = value(createItem(doc, server, { title: "Legacy", start: "2030-03-04", duration: 3 })) as ItemId;
    value(updateItem(doc, guest, id, { title: "Guest was here" }));
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    value(createItem(other, ana, { title: "From storage", start: "2030-03-04", duration: 3 }));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), Symbol("load"));
    await seconds(2);
    expect(rows).toEqual([]);
  });

  it("an accepted proposal is the accepter's change on the proposal of its author, its own entry; a client cannot name a proposer", async () => {
    const id = value(createItem(doc, server, { title: "Gateway", start: "2030-03-04", duration: 3 })) as ItemId;
    value(moveItem(doc, ana, id, { start: "2030-03-05" }));
    value(moveItem(doc, proposalOrigin("uAna" as UserId, "uBen" as UserId), id, { start: "2030-03-11" }));
    // A hostile client writes the mark itself: recorded as Ben's edit, with no proposer.
    doc.transact(() => (doc.getMap("items").get(id) as Y.Map<unknown>).set(PROPOSED_BY_FIELD, "uChen"), ben);
    await seconds(1);
    const proposed = rows.filter((r) => r.fields?.some((f) => f.field === PROPOSED_BY_FIELD));
    expect(proposed.map((r) => [r.userId, r.kind, r.fields])).toEqual([
      ["uAna", "moved", [{ field: PROPOSED_BY_FIELD, before: null, after: "uBen" }, { field: "start", before: "2030-03-05", after: "2030-03-11" }]],
    ]);
    // Ana's own drag stays hers alone, not folded into the accepted proposal.
    expect(rows.filter((r) => r.userId === "uAna" && r.kind === "moved")).toHaveLength(2);
  });

  it("a deleted item keeps the title it had, also when it was loaded rather than edited here", async () => {
    const source = new Y.Doc();
    const id = value(createItem(source, server, { title: "Legacy export", start: "2030-03-04", duration: 3 })) as ItemId;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), Symbol("load"));
    value(deleteItem(doc, ana, id));
    await seconds(1);
    expect(brief()).toEqual(["uAna deleted Legacy export @0"]);
  });

  it("a failed write is logged, never thrown, and recording carries on", async () => {
    failWrites = true;
    const id = value(createItem(doc, ana, { title: "One", start: "2030-03-04", duration: 3 })) as ItemId;
    await seconds(1);
    expect(log.error).toHaveBeenCalledOnce();
    failWrites = false;
    value(deleteItem(doc, ana, id));
    await recorder.flush();
    expect(brief()).toEqual(["uAna deleted One @1"]);
  });

  it("close writes what waits and stops watching; discard drops it", async () => {
    value(createItem(doc, ana, { title: "Late", start: "2030-03-04", duration: 3 }));
    await recorder.close();
    expect(brief()).toEqual(["uAna added Late @0"]);
    value(createItem(doc, ana, { title: "After close", start: "2030-03-04", duration: 3 }));
    await seconds(2);
    expect(rows).toHaveLength(1);

    rows = [];
    const other = new ActivityRecorder(doc, {
      boardId: board,
      store: { appendActivity: async (r) => void rows.push(...r) },
      log: log as unknown as Logger,
      peerOf: (o) => peers.get(o as CommandOrigin),
    });
    value(createItem(doc, ana, { title: "Board deleted", start: "2030-03-04", duration: 3 }));
    other.discard();
    await seconds(2);
    expect(rows).toEqual([]);
  });
});

