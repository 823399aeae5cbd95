import * as Y from "yjs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOARD_DEFAULTS, ITEM_DEFAULTS } from "../../../lib/model/defaults";
import { boardMap, collection, COLLECTIONS, recordMap } from "../../../lib/model/docLayout";
import { readSnapshot, type SnapshotProblem } from "../../../lib/model/snapshot";
import { dependencySchema, itemSchema, laneSchema, milestoneSchema, phaseSchema } from "../../../lib/model/schemas";
import { layoutBoard } from "../../../lib/derive/boardLayout";
import { newDoc } from "../helpers/docs";
import { addItem, templateBoard } from "../helpers/fixtures";

/** Writes straight into the doc, bypassing commands: what a buggy or hostile peer can do. */
function setField(doc: Y.Doc, name: (typeof COLLECTIONS)[number], id: string, field: string, value: unknown) {
  recordMap(doc, name, id)!.set(field, value);
}

const problemsOf = (doc: Y.Doc, id: string): SnapshotProblem[] => readSnapshot(doc).problems.filter((p) => p.id === id);

describe("readSnapshot keeps what it can read of junk fields and flags the rest", () => {
  it.each<[string, string, unknown, Record<string, unknown>]>([
    ["a title of the wrong type", "title", 42, { title: ITEM_DEFAULTS.title }],
    ["an unknown status", "status", "blocked", { status: "planned" }],
    ["an invalid start date", "start", "2027-02-30", { start: null }],
    ["owners that are not strings", "owners", [1, 2], { owners: [] }],
    ["a fractional duration", "duration", 2.5, { duration: 1 }],
    ["a nested Y type where a field belongs", "tags", new Y.Array<string>(), { tags: [] }],
  ])("an item with %s is kept with the default and flagged", (_what, field, value, expected) => {
    const { doc, ids } = templateBoard();
    const id = addItem(doc, { title: "Keep me", laneId: ids.lanes.Testing, tags: ["x"], start: "2027-01-11" });
    setField(doc, "items", id, field, value);
    const item = readSnapshot(doc).items.find((i) => i.id === id);
    expect(item).toMatchObject({ ...expected, laneId: ids.lanes.Testing });
    if (field !== "title") expect(item?.title).toBe("Keep me");
    expect(problemsOf(doc, id)).toEqual([{ kind: "invalid-field", collection: "items", id, field, message: expect.any(String) }]);
  });

  it("keeps a negative duration as written, unflagged here, for the derive layer to report", () => {
    const { doc } = templateBoard();
    const id = addItem(doc, { start: "2027-01-04" });
    setField(doc, "items", id, "duration", -3);
    const snap = readSnapshot(doc);
    expect(snap.items.find((i) => i.id === id)?.duration).toBe(-3);
    expect(layoutBoard(snap).spans.get(id)).toMatchObject({ start: "2027-01-04", finish: "2027-01-04" });
  });

  it("drops a record that is not a Y.Map and flags it", () => {
    const { doc } = templateBoard();
    const keep = addItem(doc);
    collection(doc, "items").set("iJunk", "not a map" as never);
    const snap = readSnapshot(doc);
    expect(snap.items.map((i) => i.id)).toEqual([keep]);
    expect(snap.problems).toEqual([{ kind: "unreadable-record", collection: "items", id: "iJunk", message: "not a record" }]);
  });

  it("drops a record stored under a key that is not an id and flags it", () => {
    const { doc } = templateBoard();
    const lane = new Y.Map<unknown>();
    collection(doc, "lanes").set("bad key!", lane);
    for (const [k, v] of Object.entries({ name: "Sneaky", color: "#000000", order: 0, capacity: 0 })) lane.set(k, v);
    const snap = readSnapshot(doc);
    expect(snap.lanes.map((l) => l.name)).not.toContain("Sneaky");
    expect(snap.problems).toEqual([{ kind: "unreadable-record", collection: "lanes", id: "bad key!", message: "not a record" }]);
  });

  it("drops a milestone without a date (there is no sensible default) and flags what pointed at it", () => {
    const { doc } = templateBoard();
    const ms = new Y.Map<unknown>();
    collection(doc, "milestones").set("mNoDate", ms);
    ms.set("title", "Launch");
    ms.set("kind", "release");
    ms.set("date", "2027-02-30");
    const item = addItem(doc);
    setField(doc, "items", item, "deadlineMilestoneId", "mNoDate");
    const snap = readSnapshot(doc);
    expect(snap.milestones).toEqual([]);
    expect(snap.problems).toContainEqual(expect.objectContaining({ kind: "unreadable-record", collection: "milestones", id: "mNoDate" }));
    expect(snap.problems).toContainEqual(
      expect.objectContaining({ kind: "missing-reference", id: item, field: "deadlineMilestoneId", targetId: "mNoDate" }),
    );
  });

  it("drops a dependency with an end that is not an id and flags it", () => {
    const { doc } = templateBoard();
    const dep = new Y.Map<unknown>();
    collection(doc, "dependencies").set("dJunk", dep);
    dep.set("fromId", 7);
    dep.set("lag", 0);
    dep.set("toId", addItem(doc));
    expect(readSnapshot(doc).dependencies).toEqual([]);
    expect(problemsOf(doc, "dJunk")).toEqual([expect.objectContaining({ kind: "unreadable-record", collection: "dependencies" })]);
  });

  it("repairs junk board settings field by field and flags them", () => {
    const { doc } = templateBoard();
    boardMap(doc).set("workingDays", "weekdays");
    boardMap(doc).set("holidays", ["2027-12-25", "Boxing day"]);
    const snap = readSnapshot(doc);
    expect(snap.board).toEqual({ ...BOARD_DEFAULTS, title: "Test roadmap" });
    expect(snap.problems.map((p) => p.kind === "invalid-field" && `${p.collection}.${p.field}`).sort()).toEqual([
      "board.holidays",
      "board.workingDays",
    ]);
  });

  it("reads an empty document as the default board without throwing", () => {
    const snap = readSnapshot(newDoc());
    expect(snap.board).toEqual(BOARD_DEFAULTS);
    expect([snap.lanes, snap.phases, snap.items, snap.dependencies, snap.milestones]).toEqual([[], [], [], [], []]);
  });

  it("flags references to records that do not exist, keeping the records", () => {
    const { doc } = templateBoard();
    const item = addItem(doc);
    setField(doc, "items", item, "laneId", "lGone");
    setField(doc, "items", item, "phaseId", "pGone");
    const snap = readSnapshot(doc);
    expect(snap.items.map((i) => i.id)).toEqual([item]);
    expect(snap.problems).toEqual([
      { kind: "missing-reference", collection: "items", id: item, field: "laneId", targetCollection: "lanes", targetId: "lGone" },
      { kind: "missing-reference", collection: "items", id: item, field: "phaseId", targetCollection: "phases", targetId: "pGone" },
    ]);
  });
});

describe("readSnapshot never throws and only returns records that pass their schema", () => {
  const junkValue = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom<unknown>("2027-02-30", -3, 1.5, Infinity, NaN, "#zzzzzz", "lGone", "", "planned"),
  );
  const field = fc.constantFrom("id", "title", "name", "order", "color", "capacity", "start", "duration", "status", "laneId",
    "phaseId", "fromId", "toId", "lag", "date", "kind", "milestoneId", "owners", "workingDays", "holidays", "horizonEnd");
  const write = fc.record({
    target: fc.constantFrom("board", ...COLLECTIONS),
    key: fc.oneof(fc.constantFrom("a1", "a2", "iX", "bad key", ""), fc.string({ maxLength: 70 })),
    asMap: fc.boolean(),
    fields: fc.array(fc.tuple(field, junkValue), { maxLength: 6 }),
  });
  const schemas = { lanes: laneSchema, phases: phaseSchema, items: itemSchema, dependencies: dependencySchema, milestones: milestoneSchema };

  it("for any junk written into any collection", () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 12 }), (writes) => {
        const { doc } = templateBoard();
        addItem(doc, { title: "anchor" });
        for (const w of writes) {
          if (w.target === "board") {
            for (const [k, v] of w.fields) boardMap(doc).set(k, v);
          } else if (!w.asMap) {
            collection(doc, w.target).set(w.key, w.fields[0]?.[1] as never);
          } else {
            const map = new Y.Map<unknown>();
            collection(doc, w.target).set(w.key, map);
            for (const [k, v] of w.fields) map.set(k, v);
          }
        }
        const snap = readSnapshot(doc);
        for (const name of COLLECTIONS) for (const record of snap[name]) expect(schemas[name].safeParse(record).success).toBe(true);
        expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
        layoutBoard(snap);
      }),
      { seed: 20270104, numRuns: 200 },
    );
  });
});
