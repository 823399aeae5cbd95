import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { addDependency } from "../../../lib/model/dependencyCommands";
import { updateBoard } from "../../../lib/model/boardCommands";
import { deleteItem, updateItem } from "../../../lib/model/itemCommands";
import { updateLane } from "../../../lib/model/laneCommands";
import type { ItemId } from "../../../lib/model/ids";
import { readSnapshot } from "../../../lib/model/snapshot";
import { applyAdopt } from "../../../lib/scenarios/applyAdopt";
import { planAdopt } from "../../../lib/scenarios/adoptPlan";
import { REMOVED_IN_PLAN, scenarioChanges } from "../../../lib/scenarios/scenarioChanges";
import { scenarioFigures } from "../../../lib/scenarios/scenarioFigures";
import { alice, bob, unwrap } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";

/** A plan, its fork (the scenario, from the same state) and the state at the fork. */
function forked() {
  const { doc: plan, ids } = templateBoard(1);
  const [laneA, laneB] = Object.values(ids.lanes) as string[] as [string, string];
  const a = addItem(plan, { title: "Build API", laneId: laneA as never, start: "2027-02-01" as never, duration: 5 });
  const b = addItem(plan, { title: "Ship UI", laneId: laneB as never, start: "2027-03-01" as never, duration: 3 });
  const c = addItem(plan, { title: "Old thing", laneId: laneA as never, start: "2027-04-01" as never, duration: 2 });
  const state = Y.encodeStateAsUpdate(plan);
  const scenario = new Y.Doc();
  scenario.clientID = 2;
  Y.applyUpdate(scenario, state);
  const base = readSnapshot(scenario);
  return { plan, scenario, base, laneA, laneB, a, b, c, ids };
}

describe("scenarioChanges: what the scenario changed since the fork, marked where the plan did too", () => {
  it("lists added, removed and changed records with the fields the scenario changed, and the plan's overlap", () => {
    const w = forked();
    unwrap(updateItem(w.scenario, alice, w.a, { duration: 8, title: "Build API v2" }));
    unwrap(deleteItem(w.scenario, alice, w.c));
    const added = addItem(w.scenario, { title: "New spike", laneId: w.laneB as never, start: "2027-05-03" as never, duration: 2 });
    unwrap(addDependency(w.scenario, alice, { fromId: w.a, toId: w.b, lag: 0 }));
    unwrap(updateLane(w.scenario, alice, w.laneA as never, { name: "Platform team" }));
    unwrap(updateBoard(w.scenario, alice, { goal: "Ship sooner" }));
    // The plan meanwhile: the same item's duration (overlap) and another field (no overlap).
    unwrap(updateItem(w.plan, bob, w.a, { duration: 6, status: "in_progress" }));

    const changes = scenarioChanges(w.base, readSnapshot(w.scenario), readSnapshot(w.plan));
    const byId = new Map(changes.map((c) => [c.id, c]));
    expect(byId.get(`item:${w.a}`)).toMatchObject({ what: "changed", fields: ["duration", "title"], planAlsoChanged: ["duration"], laneId: w.laneA, title: "Build API v2" });
    expect(byId.get(`item:${w.c}`)).toMatchObject({ what: "removed", fields: [], planAlsoChanged: [], title: "Old thing" });
    expect(byId.get(`item:${added}`)).toMatchObject({ what: "added", laneId: w.laneB, title: "New spike" });
    const dep = changes.find((c) => c.kind === "dependency")!;
    // A dependency counts for its successor's lane.
    expect(dep).toMatchObject({ what: "added", laneId: w.laneB, title: "Build API v2 → Ship UI" });
    expect(byId.get(`lane:${w.laneA}`)).toMatchObject({ what: "changed", fields: ["name"], laneId: w.laneA });
    expect(byId.get("board:board")).toMatchObject({ what: "changed", fields: ["goal"], planAlsoChanged: [] });
    // Nothing else: the plan's own edits are not the scenario's changes.
    expect(changes).toHaveLength(6);
    expect(changes.map((c) => c.kind)).toEqual(["board", "lane", "item", "item", "item", "dependency"]);
  });

  it("marks a change to a record the plan removed since, and adopting it brings the record back whole", () => {
    const w = forked();
    unwrap(updateItem(w.scenario, alice, w.b, { duration: 9 }));
    unwrap(deleteItem(w.plan, bob, w.b));
    const changes = scenarioChanges(w.base, readSnapshot(w.scenario), readSnapshot(w.plan));
    expect(changes).toEqual([expect.objectContaining({ id: `item:${w.b}`, planAlsoChanged: [REMOVED_IN_PLAN] })]);
    const adopt = planAdopt({ base: w.base, scenario: readSnapshot(w.scenario), plan: readSnapshot(w.plan), changes, chosen: "all", mayEditLane: () => true });
    applyAdopt(w.plan, adopt.writes, alice);
    expect(readSnapshot(w.plan).items.find((i) => i.id === w.b)).toEqual(readSnapshot(w.scenario).items.find((i) => i.id === w.b));
  });
});

describe("what was adopted leaves the list", () => {
  it("a change the plan already has (adopted before, or the same edit made there) is not listed", () => {
    const w = forked();
    unwrap(updateItem(w.scenario, alice, w.a, { duration: 8, title: "Build API v2" }));
    unwrap(deleteItem(w.scenario, alice, w.c));
    const added = addItem(w.scenario, { title: "New spike", laneId: w.laneB as never, start: "2027-05-03" as never, duration: 2 });
    const s = readSnapshot(w.scenario);
    const changes = scenarioChanges(w.base, s, readSnapshot(w.plan));
    expect(changes).toHaveLength(3);
    // The plan makes one of the same edits; then the rest is adopted in two goes.
    unwrap(updateItem(w.plan, bob, w.a, { duration: 8 }));
    expect(scenarioChanges(w.base, s, readSnapshot(w.plan)).find((c) => c.id === `item:${w.a}`)!.fields).toEqual(["title"]);
    const first = planAdopt({ base: w.base, scenario: s, plan: readSnapshot(w.plan), changes, chosen: new Set([`item:${added}`]), mayEditLane: () => true });
    applyAdopt(w.plan, first.writes, alice);
    expect(scenarioChanges(w.base, s, readSnapshot(w.plan)).map((c) => c.id).sort()).toEqual([`item:${w.a}`, `item:${w.c}`].sort());
    const rest = scenarioChanges(w.base, s, readSnapshot(w.plan));
    applyAdopt(w.plan, planAdopt({ base: w.base, scenario: s, plan: readSnapshot(w.plan), changes: rest, chosen: "all", mayEditLane: () => true }).writes, alice);
    expect(scenarioChanges(w.base, s, readSnapshot(w.plan))).toEqual([]);
  });
});

describe("planAdopt + applyAdopt: only what the scenario changed, one transaction, lanes respected", () => {
  it("keeps the plan's edits since the fork, writes the ticked changes only, as one undoable transaction", () => {
    const w = forked();
    unwrap(updateItem(w.scenario, alice, w.a, { duration: 8 }));
    unwrap(updateItem(w.scenario, alice, w.b, { title: "Ship UI later" }));
    unwrap(updateItem(w.plan, bob, w.a, { status: "at_risk" }));
    const changes = scenarioChanges(w.base, readSnapshot(w.scenario), readSnapshot(w.plan));
    const adopt = planAdopt({
      base: w.base,
      scenario: readSnapshot(w.scenario),
      plan: readSnapshot(w.plan),
      changes,
      chosen: new Set([`item:${w.a}`]),
      mayEditLane: () => true,
    });
    expect(adopt.taken).toEqual([`item:${w.a}`]);
    expect(adopt.writes).toEqual([{ op: "put", collection: "items", id: w.a, fields: { duration: 8 } }]);
    const undo = new Y.UndoManager(["items", "dependencies", "lanes", "phases", "milestones", "board"].map((n) => w.plan.getMap(n)), {
      trackedOrigins: new Set([alice]),
    });
    let transactions = 0;
    w.plan.on("afterTransaction", () => transactions++);
    expect(applyAdopt(w.plan, adopt.writes, alice)).toBe(1);
    expect(transactions).toBe(1);
    const item = readSnapshot(w.plan).items.find((i) => i.id === w.a)!;
    expect(item).toMatchObject({ duration: 8, status: "at_risk" });
    expect(readSnapshot(w.plan).items.find((i) => i.id === w.b)!.title).toBe("Ship UI");
    undo.undo();
    expect(readSnapshot(w.plan).items.find((i) => i.id === w.a)!).toMatchObject({ duration: 5, status: "at_risk" });
  });

  it("leaves out changes to lanes the adopter may not edit (where the item is in the scenario or in the plan) and dependencies without their items", () => {
    const w = forked();
    unwrap(updateItem(w.scenario, alice, w.a, { duration: 8 }));
    unwrap(updateItem(w.scenario, alice, w.c, { laneId: w.laneB as never }));
    const added = addItem(w.scenario, { title: "New", laneId: w.laneB as never, start: "2027-05-03" as never, duration: 2 });
    unwrap(addDependency(w.scenario, alice, { fromId: added, toId: w.a, lag: 0 }));
    const changes = scenarioChanges(w.base, readSnapshot(w.scenario), readSnapshot(w.plan));
    const adopt = planAdopt({
      base: w.base,
      scenario: readSnapshot(w.scenario),
      plan: readSnapshot(w.plan),
      changes,
      chosen: "all",
      mayEditLane: (lane) => lane !== w.laneB,
    });
    expect(adopt.taken).toEqual([`item:${w.a}`]);
    expect(adopt.leftOut).toEqual(
      expect.arrayContaining([
        { id: `item:${w.c}`, reason: "needs-lane-owners", laneIds: [w.laneB] },
        { id: `item:${added}`, reason: "needs-lane-owners", laneIds: [w.laneB] },
        { id: changes.find((c) => c.kind === "dependency")!.id, reason: "needs-items", laneIds: [] },
      ]),
    );
  });

  it("removing an item removes the plan's dependencies on it, as deleting an item does", () => {
    const w = forked();
    unwrap(addDependency(w.plan, bob, { fromId: w.c, toId: w.b, lag: 0 }));
    unwrap(deleteItem(w.scenario, alice, w.c));
    const changes = scenarioChanges(w.base, readSnapshot(w.scenario), readSnapshot(w.plan));
    const adopt = planAdopt({ base: w.base, scenario: readSnapshot(w.scenario), plan: readSnapshot(w.plan), changes, chosen: "all", mayEditLane: () => true });
    applyAdopt(w.plan, adopt.writes, alice);
    const after = readSnapshot(w.plan);
    expect(after.items.some((i) => i.id === w.c)).toBe(false);
    expect(after.dependencies).toEqual([]);
    expect(after.problems).toEqual([]);
  });
});

describe("scenarioFigures", () => {
  it("gives the finish, releases, critical path, conflict count and lane loads from lib/derive", () => {
    const w = forked();
    const before = scenarioFigures(readSnapshot(w.plan), "2027-01-04" as never);
    unwrap(updateItem(w.plan, setup, w.c as ItemId, { start: "2027-11-01" as never, duration: 10 }));
    const after = scenarioFigures(readSnapshot(w.plan), "2027-01-04" as never);
    expect(before.boardFinish).toBe("2027-04-02");
    expect(after.boardFinish).toBe("2027-11-12");
    expect(after.criticalPath).toEqual(["Old thing"]);
    expect(after.laneLoad.map((l) => l.laneId)).toEqual(readSnapshot(w.plan).lanes.map((l) => l.id));
    expect(after.laneLoad.find((l) => l.laneId === w.laneA)!.load).toBeGreaterThan(0);
    expect(after.releases.length).toBe(readSnapshot(w.plan).milestones.filter((m) => m.kind === "release").length);
    expect(typeof after.conflictCount).toBe("number");
  });
});
