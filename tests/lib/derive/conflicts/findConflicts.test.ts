import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { compareConflicts, findConflicts } from "../../../../lib/derive/conflicts/index";
import { computeSchedule } from "../../../../lib/derive/schedule";
import { CONFLICT_KINDS, type Conflict } from "../../../../lib/derive/types";
import { applyFix } from "../../../../lib/model/applyFix";
import { date, isDateString } from "../../../../lib/model/dates";
import { buildDemoBoard } from "../../../../lib/model/demoBoard";
import { readSnapshot, type BoardSnapshot } from "../../../../lib/model/snapshot";
import { alice, bob, syncDocs } from "../../helpers/docs";
import { setup } from "../../helpers/fixtures";
import { rng } from "../../helpers/prng";
import { runRandomCommand } from "../../helpers/randomCommands";
import { ConflictBoard, deriveAll, replicaOf, TODAY } from "./helpers/conflictBoard";
import { hostileScheduleArb, snapshotArb } from "./helpers/randomSnapshot";
import { scheduleFixture } from "./helpers/scheduleFixture";

/** The demo board with a few edits that leave a conflict of most kinds behind. */
function busyBoard(clientID = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  buildDemoBoard(doc, setup, date("2027-01-04"));
  return doc;
}

function edit(doc: Y.Doc, seed: number, steps: number, origin = alice): void {
  const r = rng(seed);
  for (let i = 0; i < steps; i++) runRandomCommand(doc, origin, r);
}

/** Every invariant a conflict list must keep, whatever the input. */
function expectWellFormed(conflicts: Conflict[]): void {
  expect([...conflicts].sort(compareConflicts)).toEqual(conflicts);
  expect(new Set(conflicts.map((c) => c.id)).size).toBe(conflicts.length);
  for (const c of conflicts) {
    expect(CONFLICT_KINDS).toContain(c.kind);
    expect(c.id.startsWith(`${c.kind}:`)).toBe(true);
    expect(c.message.length).toBeGreaterThan(0);
    expect(c.message).not.toMatch(/undefined|NaN|\[object/);
    if (c.fix?.kind === "move-item") expect(isDateString(c.fix.start)).toBe(true);
    if (c.interval) expect(c.interval.start <= c.interval.finish).toBe(true);
  }
  expect(JSON.parse(JSON.stringify(conflicts))).toEqual(conflicts);
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function shuffleSnapshot(s: BoardSnapshot, seed: number): BoardSnapshot {
  return {
    board: s.board,
    lanes: shuffled(s.lanes, seed + 1),
    phases: shuffled(s.phases, seed + 2),
    items: shuffled(s.items, seed + 3),
    dependencies: shuffled(s.dependencies, seed + 4),
    milestones: shuffled(s.milestones, seed + 5),
    problems: shuffled(s.problems, seed + 6),
  };
}

describe("findConflicts: the list every replica shows", () => {
  it("is sorted by severity (error, warning, info), then kind, then id", () => {
    const doc = busyBoard();
    edit(doc, 7, 150);
    const { conflicts } = deriveAll(readSnapshot(doc));
    expect(new Set(conflicts.map((c) => c.severity)).size).toBeGreaterThan(1);
    expectWellFormed(conflicts);
    const severities = conflicts.map((c) => ["error", "warning", "info"].indexOf(c.severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });

  it("does not depend on today: people in different time zones see the same conflicts", () => {
    const snapshot = readSnapshot(busyBoard());
    const schedule = computeSchedule(snapshot);
    expect(findConflicts(snapshot, schedule, { today: date("2027-01-01") })).toEqual(findConflicts(snapshot, schedule, { today: date("2031-06-30") }));
  });

  it("an empty board has no conflicts", () => {
    expect(new ConflictBoard().conflicts()).toEqual([]);
  });

  it.each([11, 12, 13, 14, 15])("stable ids: two replicas that applied the same concurrent edits in different orders derive identical conflicts (seed %i)", (seed) => {
    const a = busyBoard(1);
    const b = replicaOf(a, 2);
    const c = replicaOf(a, 3);
    edit(a, seed, 40, alice);
    edit(b, seed + 100, 40, bob);
    // c hears b first, then a; a and b sync with each other directly.
    syncDocs(c, b);
    syncDocs(c, a);
    syncDocs(a, b);
    const [ja, jb, jc] = [a, b, c].map((d) => JSON.stringify(deriveAll(readSnapshot(d)).conflicts));
    expect(jb).toBe(ja);
    expect(jc).toBe(ja);
  });

  it("stable ids: an edit elsewhere on the board leaves the ids of existing causes alone", () => {
    const doc = busyBoard();
    edit(doc, 21, 80);
    const before = deriveAll(readSnapshot(doc)).conflicts.filter((c) => !["lane-over-capacity", "person-over-booked"].includes(c.kind));
    doc.transact(() => undefined);
    const unrelated = new Y.Doc();
    Y.applyUpdate(unrelated, Y.encodeStateAsUpdate(doc));
    const after = deriveAll(readSnapshot(unrelated)).conflicts.map((c) => c.id);
    for (const c of before) expect(after).toContain(c.id);
  });

  it("determinism: shuffling every array of the snapshot gives byte-identical output", () => {
    const doc = busyBoard();
    edit(doc, 31, 200);
    const snapshot = readSnapshot(doc);
    const expected = JSON.stringify(deriveAll(snapshot).conflicts);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const mixed = shuffleSnapshot(snapshot, seed);
        const schedule = computeSchedule(mixed);
        // The rules must not lean on the order of the schedule's arrays either.
        const mixedSchedule = { ...schedule, items: shuffled(schedule.items, seed), cycles: shuffled(schedule.cycles, seed + 9) };
        expect(JSON.stringify(findConflicts(mixed, mixedSchedule, { today: TODAY }))).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });

  it("determinism on random snapshots: any order of the same records, the same conflicts", () => {
    fc.assert(
      fc.property(snapshotArb, fc.integer(), (snapshot, seed) => {
        const first = JSON.stringify(deriveAll(snapshot).conflicts);
        expect(JSON.stringify(deriveAll(shuffleSnapshot(snapshot, seed)).conflicts)).toBe(first);
      }),
      { numRuns: 200 },
    );
  });
});

describe("findConflicts never throws", () => {
  it("on random snapshots with their real schedule: dangling ids, cycles, junk durations, odd calendars", () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        expectWellFormed(deriveAll(snapshot).conflicts);
      }),
      { numRuns: 400 },
    );
  });

  it("on random snapshots with a hostile schedule (unknown ids, finishes before starts, odd cycles)", () => {
    fc.assert(
      fc.property(snapshotArb, hostileScheduleArb, (snapshot, hostile) => {
        const schedule = scheduleFixture(hostile.placed, hostile.cycles);
        expectWellFormed(findConflicts(snapshot, schedule, { today: TODAY }));
      }),
      { numRuns: 400 },
    );
  });

  it("on documents reached by random commands and junk writes, and applying any suggested fix never throws", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const doc = busyBoard();
        edit(doc, seed, 60);
        const { conflicts } = deriveAll(readSnapshot(doc));
        expectWellFormed(conflicts);
        for (const c of conflicts) if (c.fix) applyFix(doc, bob, c.fix);
        expectWellFormed(deriveAll(readSnapshot(doc)).conflicts);
      }),
      { numRuns: 40 },
    );
  });
});
