import fc from "fast-check";
import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import { date } from "../../../lib/model/dates";
import type { CollectionName } from "../../../lib/model/docLayout";
import { createOrigin, type CommandOrigin } from "../../../lib/model/origin";
import { readSnapshot, type BoardSnapshot } from "../../../lib/model/snapshot";
import { initBoardFromTemplate } from "../../../lib/model/template";
import { applyAdopt } from "../../../lib/scenarios/applyAdopt";
import { planAdopt } from "../../../lib/scenarios/adoptPlan";
import { collectionOf, REMOVED_IN_PLAN, scenarioChanges } from "../../../lib/scenarios/scenarioChanges";
import { expectConverged } from "../helpers/convergence";
import { setup } from "../helpers/fixtures";
import { SimNetwork } from "../helpers/network";
import { rng, seedIdGenerator, type Rng } from "../helpers/prng";
import { COMMANDS } from "../helpers/randomCommands";

/** The named commands only: junk a peer writes is the snapshot's business, not adoption's. */
const NAMED = COMMANDS.filter(([name]) => name !== "junkWrite");
const WEIGHT = NAMED.reduce((sum, [, w]) => sum + w, 0);

function edit(doc: Y.Doc, origin: CommandOrigin, r: Rng): void {
  let pick = r.int(WEIGHT);
  for (const [, weight, run] of NAMED) {
    if ((pick -= weight) >= 0) continue;
    run(doc, origin, r);
    return;
  }
}

function board(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  initBoardFromTemplate(doc, setup, { title: "Plan", horizonStart: date("2027-01-04"), horizonEnd: date("2027-12-31") });
  return doc;
}

function copyOf(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

type Rec = { id: string } & Record<string, unknown>;
const recordsOf = (s: BoardSnapshot, c: CollectionName) => new Map((s[c] as readonly Rec[]).map((r) => [r.id, r]));
const content = ({ problems: _p, ...rest }: BoardSnapshot) => rest;

let restoreIds: (() => void) | undefined;
afterEach(() => restoreIds?.());

const alice = createOrigin("local", "alice");
const bob = createOrigin("local", "bob");

describe("adopting a scenario (three-way, property tests)", () => {
  it("adopting everything onto a plan nobody edited since the fork gives the scenario", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 60 }), (seed, before, after) => {
        restoreIds = seedIdGenerator(seed);
        const r = rng(seed);
        const plan = board(1);
        for (let i = 0; i < before; i++) edit(plan, bob, r);
        const scenario = copyOf(plan, 2);
        const base = readSnapshot(scenario);
        for (let i = 0; i < after; i++) edit(scenario, alice, r);
        const [s, p] = [readSnapshot(scenario), readSnapshot(plan)];
        const changes = scenarioChanges(base, s, p);
        const adopt = planAdopt({ base, scenario: s, plan: p, changes, chosen: "all", mayEditLane: () => true });
        expect(adopt.leftOut).toEqual([]);
        applyAdopt(plan, adopt.writes, alice);
        expect(content(readSnapshot(plan))).toEqual(content(s));
        // Nothing left to adopt.
        expect(scenarioChanges(readSnapshot(plan), s, readSnapshot(plan))).toEqual([]);
        restoreIds();
      }),
      { seed: 20271219, numRuns: 60 },
    );
  });

  it("writes exactly the ticked changes' fields; the plan's own edits since the fork stay everywhere else", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (seed, ours, theirs) => {
        restoreIds = seedIdGenerator(seed);
        const r = rng(seed);
        const plan = board(1);
        for (let i = 0; i < 20; i++) edit(plan, bob, r);
        const scenario = copyOf(plan, 2);
        const base = readSnapshot(scenario);
        for (let i = 0; i < ours; i++) edit(scenario, alice, r);
        for (let i = 0; i < theirs; i++) edit(plan, bob, r);
        const [s, p] = [readSnapshot(scenario), readSnapshot(plan)];
        const changes = scenarioChanges(base, s, p);
        const chosen = new Set(changes.filter(() => r.chance(0.5)).map((c) => c.id));
        const adopt = planAdopt({ base, scenario: s, plan: p, changes, chosen, mayEditLane: () => true });
        applyAdopt(plan, adopt.writes, alice);
        const after = readSnapshot(plan);
        const taken = new Set(adopt.taken);
        const removedItems = new Set(changes.filter((c) => taken.has(c.id) && c.kind === "item" && c.what === "removed").map((c) => c.recordId));

        for (const c of changes) {
          if (c.kind === "board") {
            for (const f of c.fields) {
              const want = taken.has(c.id) ? s.board : p.board;
              expect((after.board as Record<string, unknown>)[f], `board.${f}`).toEqual((want as Record<string, unknown>)[f]);
            }
            continue;
          }
          const col = collectionOf(c.kind);
          const now = recordsOf(after, col).get(c.recordId);
          if (!taken.has(c.id)) continue;
          if (c.what === "removed") {
            expect(now, `${c.id} removed`).toBeUndefined();
            continue;
          }
          const wanted = recordsOf(s, col).get(c.recordId)!;
          if (c.what === "added" || c.planAlsoChanged.includes(REMOVED_IN_PLAN)) expect(now, c.id).toEqual(wanted);
          else {
            const had = recordsOf(p, col).get(c.recordId)!;
            for (const [f, v] of Object.entries(wanted)) expect(now![f], `${c.id}.${f}`).toEqual(c.fields.includes(f) ? v : had[f]);
          }
        }
        // Every record no taken change touched is as the plan had it (dependencies of removed items aside).
        const touched = new Set(adopt.taken);
        for (const col of ["lanes", "phases", "milestones", "items", "dependencies"] as const) {
          const kind = changes.find((c) => c.kind !== "board" && collectionOf(c.kind) === col)?.kind;
          for (const [id, had] of recordsOf(p, col)) {
            if (kind && touched.has(`${kind}:${id}`)) continue;
            if (col === "dependencies" && (removedItems.has(had.fromId as string) || removedItems.has(had.toId as string))) continue;
            expect(recordsOf(after, col).get(id), `${col} ${id} untouched`).toEqual(had);
          }
        }
        restoreIds();
      }),
      { seed: 20271220, numRuns: 60 },
    );
  });
});

describe("adopting part of a scenario while the plan is edited concurrently converges on every replica", () => {
  it("holds for random interleavings of edits, deliveries and disconnects", () => {
    const step = fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant("edit" as const), replica: fc.nat(3), seed: fc.nat() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant("scenario" as const), seed: fc.nat() }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant("deliver" as const), seed: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("toggle" as const), replica: fc.nat(3), loseInFlight: fc.boolean() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("adopt" as const), replica: fc.nat(3), seed: fc.nat() }) },
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(step, { minLength: 20, maxLength: 120, size: "max" }), (count, steps) => {
        restoreIds = seedIdGenerator(steps.length);
        const first = board(1);
        const r0 = rng(steps.length);
        for (let i = 0; i < 15; i++) edit(first, bob, r0);
        const replicas = [first, ...Array.from({ length: count - 1 }, (_, i) => copyOf(first, i + 2))];
        const scenario = copyOf(first, 100);
        const base = readSnapshot(scenario);
        const origins = replicas.map((_, i) => createOrigin("local", `user${i}`));
        const net = new SimNetwork(replicas);
        let adopted = 0;
        for (const s of steps) {
          if (s.kind === "edit") edit(replicas[s.replica % count]!, origins[s.replica % count]!, rng(s.seed));
          else if (s.kind === "scenario") edit(scenario, alice, rng(s.seed));
          else if (s.kind === "deliver") net.deliver(rng(s.seed), s.count);
          else if (s.kind === "toggle") {
            const k = s.replica % count;
            if (net.online[k]) net.disconnect(k, s.loseInFlight);
            else net.reconnect(k);
          } else {
            // One person adopts a random part of the scenario on their replica, as it is there now.
            const k = s.replica % count;
            const r = rng(s.seed);
            const [sc, p] = [readSnapshot(scenario), readSnapshot(replicas[k]!)];
            const changes = scenarioChanges(base, sc, p);
            const chosen = new Set(changes.filter(() => r.chance(0.6)).map((c) => c.id));
            const lanes = p.lanes.map((l) => l.id as string);
            const barred = lanes.length > 0 && r.chance(0.5) ? r.pick(lanes) : null;
            const plan = planAdopt({ base, scenario: sc, plan: p, changes, chosen, mayEditLane: (lane) => lane !== barred });
            if (applyAdopt(replicas[k]!, plan.writes, origins[k]!) > 0) adopted++;
          }
        }
        net.settle(rng(steps.length + 7));
        expectConverged(replicas, `${count} replicas, ${steps.length} steps, ${adopted} adoptions`);
        restoreIds();
      }),
      { seed: 20271221, numRuns: 40 },
    );
  });
});
