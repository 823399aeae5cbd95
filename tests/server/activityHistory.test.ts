import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { updateBoard } from "../../lib/model/boardCommands";
import { addDependency, setDependencyLag } from "../../lib/model/dependencyCommands";
import { collection, itemDescription } from "../../lib/model/docLayout";
import type { BoardId, ItemId, LaneId, MilestoneId, PhaseId } from "../../lib/model/ids";
import { createItem, deleteItem, moveItem, updateItem } from "../../lib/model/itemCommands";
import { addLane, reorderLane, updateLane } from "../../lib/model/laneCommands";
import { addMilestone, deleteMilestone, updateMilestone } from "../../lib/model/milestoneCommands";
import { createOrigin, type CommandOrigin } from "../../lib/model/origin";
import { addPhase, updatePhase } from "../../lib/model/phaseCommands";
import type { Result } from "../../lib/model/result";
import { HISTORY_MAX_FIELDS, HISTORY_VALUE_CHARS } from "../../lib/protocol/history";
import type { Principal } from "../../lib/protocol/roles";
import type { Logger } from "../../server/log";
import { summarizeItemChanges } from "../../server/services/summarizeChanges";
import type { ActivityRecord } from "../../server/storage/activityStore";
import { ActivityRecorder } from "../../server/sync/activityRecorder";
import { historyValue } from "../../server/sync/historyValues";
import type { Peer } from "../../server/sync/peer";

/**
 * What the recorder keeps for each object's history: which object, which fields, the value
 * before and after, folded per burst; on a plain Y.Doc with a fake clock.
 * (tests/server/activityRecorder.test.ts covers when it writes.)
 */
const T0 = Date.parse("2030-03-05T14:00:00.000Z");
const board = "bHistory" as BoardId;

function fakePeer(principal: Principal): Peer {
  const identity = { id: "", name: principal.name, color: "", readOnly: false, canComment: true };
  return { id: principal.name, access: { principal, role: "editor", identity }, send() {}, close() {} };
}

let doc: Y.Doc;
let rows: ActivityRecord[];
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
const seconds = (s: number) => vi.advanceTimersByTimeAsync(s * 1000);
/** "who kind objectKind title: field before→after, …" per row. */
const brief = () =>
  rows.map((r) => {
    const fields = (r.fields ?? []).map((f) => `${f.field} ${JSON.stringify(f.before)}→${JSON.stringify(f.after)}`).join(", ");
    return `${r.userId} ${r.kind} ${r.objectKind} ${r.title}: ${fields}`;
  });

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  doc = new Y.Doc();
  rows = [];
  log = { error: vi.fn() };
  recorder = new ActivityRecorder(doc, {
    boardId: board,
    store: { appendActivity: async (records) => void rows.push(...records) },
    log: log as unknown as Logger,
    peerOf: (origin) => peers.get(origin as CommandOrigin),
  });
});
afterEach(async () => {
  await recorder.close();
  vi.useRealTimers();
});

describe("object history: values before and after", () => {
  it("records an item's move and edit with each changed field's value before and after", async () => {
    const id = value(createItem(doc, server, { title: "Pilot", start: "2030-03-04", duration: 3 })) as ItemId;
    value(updateItem(doc, ana, id, { start: "2030-03-11", duration: 5, status: "at_risk", owners: ["Chen", "Dev"] }));
    await seconds(1);
    expect(brief().sort()).toEqual([
      'uAna edited item Pilot: owners []→["Chen","Dev"], status "planned"→"at_risk"',
      'uAna moved item Pilot: start "2030-03-04"→"2030-03-11", duration 3→5',
    ]);
    expect(log.error).not.toHaveBeenCalled();
  });

  it("a field written back unchanged is no change: nothing is recorded for it", async () => {
    const id = value(addMilestone(doc, server, { title: "Go-live", date: "2030-06-01", kind: "go_live" })) as MilestoneId;
    value(updateMilestone(doc, ana, id, { title: "Go-live", date: "2030-06-08", kind: "go_live" }));
    value(updateMilestone(doc, ben, id, { title: "Go-live" }));
    await seconds(1);
    expect(brief()).toEqual(['uAna moved milestone Go-live: date "2030-06-01"→"2030-06-08"']);
  });

  it("a drag is one row: the first value before and the last after, also when the burst is written again", async () => {
    const id = value(createItem(doc, server, { title: "Pilot", start: "2030-03-04", duration: 3 })) as ItemId;
    for (const day of ["2030-03-05", "2030-03-06", "2030-03-07"]) value(moveItem(doc, ben, id, { start: day }));
    await seconds(1);
    expect(brief()).toEqual(['uBen moved item Pilot: start "2030-03-04"→"2030-03-07"']);
    // The burst goes on: its next row (45 s after the first) holds the whole burst, same burst id.
    await seconds(20);
    value(moveItem(doc, ben, id, { start: "2030-03-12" }));
    value(updateItem(doc, ben, id, { duration: 4 }));
    await seconds(30);
    expect(brief()[1]).toBe('uBen moved item Pilot: start "2030-03-04"→"2030-03-12", duration 3→4');
    expect(rows[1]!.burst).toBe(rows[0]!.burst);
    // The summary still counts one gesture.
    expect(summarizeItemChanges(rows).map((l) => l.count)).toEqual([1]);
    // After a pause, a new burst: a new id, and "before" is where the last one ended.
    await seconds(120);
    value(moveItem(doc, ben, id, { start: "2030-03-13" }));
    await seconds(1);
    expect(brief()[2]).toBe('uBen moved item Pilot: start "2030-03-12"→"2030-03-13"');
    expect(rows[2]!.burst).not.toBe(rows[0]!.burst);
  });

  it("records milestones, lanes, phases, dependencies and the board's settings", async () => {
    const m = value(addMilestone(doc, ana, { title: "Go-live", date: "2030-06-01", kind: "go_live" })) as MilestoneId;
    const lane = value(addLane(doc, server, { name: "Dev" })) as LaneId;
    const other = value(addLane(doc, server, { name: "Ops" })) as LaneId;
    const phase = value(addPhase(doc, server, { name: "Pilot" })) as PhaseId;
    const a = value(createItem(doc, server, { title: "Build", start: "2030-03-04", duration: 3 })) as ItemId;
    const b = value(createItem(doc, server, { title: "Launch", start: "2030-03-14", duration: 1 }));
    const dep = value(addDependency(doc, server, { fromId: a, toId: b as ItemId, lag: 0 }));
    await seconds(1);
    rows = [];
    value(updateMilestone(doc, ana, m, { date: "2030-06-15" }));
    value(updateLane(doc, ben, lane, { name: "Development", capacity: 3 }));
    value(reorderLane(doc, ben, other, lane));
    value(updatePhase(doc, ana, phase, { name: "Pilot (NL)", milestoneId: m }));
    value(setDependencyLag(doc, ana, dep, 2));
    value(updateBoard(doc, ben, { title: "Citizen portal", timeScale: "months" }));
    await seconds(1);
    // Fields in the order they were written.
    expect(brief().sort()).toEqual([
      "uAna edited dependency Build → Launch: lag 0→2",
      `uAna edited phase Pilot (NL): name "Pilot"→"Pilot (NL)", milestoneId null→"${m}"`,
      'uAna moved milestone Go-live: date "2030-06-01"→"2030-06-15"',
      'uBen edited board Citizen portal: title null→"Citizen portal", timeScale null→"months"',
      'uBen edited lane Development: name "Dev"→"Development", capacity 0→3',
      "uBen moved lane Ops: order 1→-1",
    ]);
    expect(rows.find((r) => r.objectKind === "board")!.objectId).toBe(board);
  });

  it("an added object records what it was created with; a deleted one its name", async () => {
    const m = value(addMilestone(doc, ana, { title: "Launch event", date: "2030-09-01", kind: "launch_event" })) as MilestoneId;
    await seconds(1);
    value(deleteMilestone(doc, ben, m));
    await seconds(1);
    expect(brief()).toEqual([
      'uAna added milestone Launch event: date null→"2030-09-01", kind null→"launch_event", title null→"Launch event"',
      "uBen deleted milestone Launch event: ",
    ]);
  });

  it("a description records that it changed, never its text", async () => {
    const id = value(createItem(doc, server, { title: "Docs", start: "2030-03-04", duration: 3 })) as ItemId;
    doc.transact(() => itemDescription(doc, id)!.insert(0, [new Y.XmlText("secret plans")]), ana);
    await seconds(1);
    expect(brief()).toEqual(["uAna edited item Docs: description null→null"]);
    expect(JSON.stringify(rows)).not.toContain("secret plans");
  });

  it("records nothing for guests, the server or storage loads, whatever the object", async () => {
    const m = value(addMilestone(doc, server, { title: "Go-live", date: "2030-06-01", kind: "go_live" })) as MilestoneId;
    value(updateMilestone(doc, guest, m, { date: "2030-07-01" }));
    value(updateBoard(doc, guest, { title: "Guest board" }));
    value(updateBoard(doc, server, { title: "Server board" }));
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    value(updateMilestone(other, ana, m, { date: "2030-08-01" }));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), Symbol("load"));
    await seconds(2);
    expect(rows).toEqual([]);
  });
});

describe("object history: every row is bounded", () => {
  it("a huge value is cut to about HISTORY_VALUE_CHARS characters of JSON", async () => {
    const id = value(createItem(doc, server, { title: "Short", start: "2030-03-04", duration: 3 })) as ItemId;
    // Straight into the map, as a hostile client's update would land (the room checks sizes too).
    const huge = "x".repeat(1_000_000);
    const owners = Array.from({ length: 5_000 }, (_, i) => `Owner number ${i}`);
    doc.transact(() => {
      const item = collection(doc, "items").get(id)!;
      item.set("title", huge);
      item.set("owners", owners);
    }, ana);
    await seconds(1);
    const row = rows[0]!;
    expect(row.title.length).toBeLessThanOrEqual(500);
    for (const f of row.fields!) {
      expect(JSON.stringify(f.after).length).toBeLessThanOrEqual(HISTORY_VALUE_CHARS + 10);
    }
    const after = row.fields!.find((f) => f.field === "owners")!.after as string[];
    expect(after.at(-1)).toBe("…");
    expect(after[0]).toBe("Owner number 0");
    expect(JSON.stringify(row).length).toBeLessThan(2_000);
  });

  it("thousands of made-up fields on one record: at most HISTORY_MAX_FIELDS are kept", async () => {
    const id = value(createItem(doc, server, { title: "Target", start: "2030-03-04", duration: 3 })) as ItemId;
    doc.transact(() => {
      const item = collection(doc, "items").get(id)!;
      for (let i = 0; i < 5_000; i++) item.set(`junk${i}`, "y".repeat(1_000));
    }, ana);
    await seconds(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fields).toHaveLength(HISTORY_MAX_FIELDS);
    expect(JSON.stringify(rows[0]).length).toBeLessThan(HISTORY_MAX_FIELDS * 2 * (HISTORY_VALUE_CHARS + 40));
  });

  it("values are plain JSON: nested too deep, not finite, shared types and prototypes are not kept", () => {
    expect(historyValue(Number.NaN)).toBeNull();
    expect(historyValue(new Y.Map())).toBeNull();
    expect(historyValue([[[[1]]]])).toEqual([[["…"]]]);
    expect(historyValue(JSON.parse('{"__proto__": {"polluted": true}, "url": "https://x.dev"}'))).toEqual({ url: "https://x.dev" });
    expect(historyValue("a\u202Eb\u0000c")).toBe("abc");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("one update that touches thousands of objects is written at once rather than held", async () => {
    const ids = Array.from({ length: 2_100 }, (_, i) => value(createItem(doc, server, { title: `I${i}`, start: "2030-03-04", duration: 3 })) as ItemId);
    doc.transact(() => {
      for (const id of ids) collection(doc, "items").get(id)!.set("status", "done");
    }, ana);
    // No tick has run (it comes after a second): the bound wrote them.
    await seconds(0);
    expect(rows).toHaveLength(2_100);
    value(deleteItem(doc, ana, ids[0]!));
    await seconds(1);
    expect(rows.at(-1)!.title).toBe("I0");
  });
});
