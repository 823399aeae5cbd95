import * as Y from "yjs";
import { updateBoard } from "../../../lib/model/boardCommands";
import { addCalendarDays, date } from "../../../lib/model/dates";
import { addDependency, removeDependency, setDependencyLag } from "../../../lib/model/dependencyCommands";
import { moveCard } from "../../../lib/model/cardCommands";
import { collection, itemDescription, recordMap, type CollectionName } from "../../../lib/model/docLayout";
import type { DependencyId, ItemId, LaneId, MilestoneId, PhaseId } from "../../../lib/model/ids";
import { createItem, deleteItem, duplicateItem, moveItem, updateItem } from "../../../lib/model/itemCommands";
import { addLane, removeLane, reorderLane, updateLane } from "../../../lib/model/laneCommands";
import { addMilestone, deleteMilestone, updateMilestone } from "../../../lib/model/milestoneCommands";
import type { CommandOrigin } from "../../../lib/model/origin";
import { addPhase, removePhase, reorderPhase, updatePhase } from "../../../lib/model/phaseCommands";
import type { Result } from "../../../lib/model/result";
import { ITEM_STATUSES, MILESTONE_KINDS, PRIORITIES } from "../../../lib/model/schemas";
import type { Rng } from "./prng";

/** Ids present in a collection of this replica (junk keys included: commands must cope). */
function keys(doc: Y.Doc, name: CollectionName): string[] {
  return [...collection(doc, name).keys()].sort();
}

const day = (r: Rng) => addCalendarDays(date("2027-01-04"), r.int(300));

type Command = (doc: Y.Doc, o: CommandOrigin, r: Rng) => Result<unknown> | "skipped";

/** Picks an existing id of `name`, or gives up (the command is skipped) when there is none. */
function some<T extends string>(doc: Y.Doc, name: CollectionName, r: Rng): T | undefined {
  const ids = keys(doc, name);
  return ids.length ? (r.pick(ids) as T) : undefined;
}
const laneOrNull = (doc: Y.Doc, r: Rng) => (r.chance(0.15) ? null : (some<LaneId>(doc, "lanes", r) ?? null));

/** Every named command of lib/model, with random but plausible arguments, plus junk writes. */
export const COMMANDS: [name: string, weight: number, run: Command][] = [
  ["createItem", 8, (doc, o, r) =>
    createItem(doc, o, {
      title: `item ${r.int(1000)}`,
      laneId: laneOrNull(doc, r),
      phaseId: r.chance(0.5) ? (some<PhaseId>(doc, "phases", r) ?? null) : null,
      start: r.chance(0.8) ? day(r) : null,
      duration: 1 + r.int(15),
    })],
  ["updateItem", 6, (doc, o, r) => {
    const id = some<ItemId>(doc, "items", r);
    if (!id) return "skipped";
    return updateItem(doc, o, id, r.pick([
      { title: `renamed ${r.int(100)}` },
      { status: r.pick(ITEM_STATUSES), priority: r.pick(PRIORITIES) },
      { duration: 1 + r.int(20), effort: r.int(10) },
      { owners: [r.pick(["Ana", "Ben", "Chen"])], tags: ["t"] },
      { deadlineMilestoneId: r.chance(0.3) ? null : (some<MilestoneId>(doc, "milestones", r) ?? null) },
      { phaseId: some<PhaseId>(doc, "phases", r) ?? null },
    ]));
  }],
  ["moveItem", 6, (doc, o, r) => {
    const id = some<ItemId>(doc, "items", r);
    return id ? moveItem(doc, o, id, { start: day(r), laneId: r.chance(0.5) ? laneOrNull(doc, r) : undefined }) : "skipped";
  }],
  ["moveCard", 4, (doc, o, r) => {
    const id = some<ItemId>(doc, "items", r);
    if (!id) return "skipped";
    // Mostly above another card in that card's column, as a drag does; sometimes to a column's end.
    const other = some<ItemId>(doc, "items", r);
    if (other && r.chance(0.7)) {
      const phaseId = recordMap(doc, "items", other)?.get("phaseId");
      return moveCard(doc, o, id, { phaseId: typeof phaseId === "string" ? (phaseId as PhaseId) : null, beforeId: other });
    }
    return moveCard(doc, o, id, { phaseId: r.chance(0.2) ? null : (some<PhaseId>(doc, "phases", r) ?? null), beforeId: null });
  }],
  ["deleteItem", 3, (doc, o, r) => {
    const id = some<ItemId>(doc, "items", r);
    return id ? deleteItem(doc, o, id) : "skipped";
  }],
  ["duplicateItem", 1, (doc, o, r) => {
    const id = some<ItemId>(doc, "items", r);
    return id ? duplicateItem(doc, o, id) : "skipped";
  }],
  ["editDescription", 2, (doc, _o, r) => {
    const id = some<ItemId>(doc, "items", r);
    const fragment = id ? itemDescription(doc, id) : undefined;
    if (!fragment) return "skipped";
    doc.transact(() => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(`note ${r.int(100)}`)]);
      fragment.insert(r.int(fragment.length + 1), [p]);
    }, _o);
    return { ok: true, value: undefined };
  }],
  ["addDependency", 6, (doc, o, r) => {
    const [from, to] = [some<ItemId>(doc, "items", r), some<ItemId>(doc, "items", r)];
    return from && to ? addDependency(doc, o, { fromId: from, toId: to, lag: r.int(5) - 2 }) : "skipped";
  }],
  ["removeDependency", 2, (doc, o, r) => {
    const id = some<DependencyId>(doc, "dependencies", r);
    return id ? removeDependency(doc, o, id) : "skipped";
  }],
  ["setDependencyLag", 2, (doc, o, r) => {
    const id = some<DependencyId>(doc, "dependencies", r);
    return id ? setDependencyLag(doc, o, id, r.int(7) - 3) : "skipped";
  }],
  ["addLane", 2, (doc, o, r) => addLane(doc, o, { name: `lane ${r.int(100)}`, capacity: r.int(4) })],
  ["updateLane", 2, (doc, o, r) => {
    const id = some<LaneId>(doc, "lanes", r);
    return id ? updateLane(doc, o, id, r.pick([{ name: `team ${r.int(9)}` }, { color: "#112233" }, { capacity: r.int(5) }])) : "skipped";
  }],
  ["reorderLane", 5, (doc, o, r) => {
    const id = some<LaneId>(doc, "lanes", r);
    return id ? reorderLane(doc, o, id, laneOrNull(doc, r)) : "skipped";
  }],
  ["removeLane", 2, (doc, o, r) => {
    const id = some<LaneId>(doc, "lanes", r);
    return id ? removeLane(doc, o, id, laneOrNull(doc, r)) : "skipped";
  }],
  ["addPhase", 1, (doc, o, r) => addPhase(doc, o, { name: `phase ${r.int(100)}` })],
  ["updatePhase", 1, (doc, o, r) => {
    const id = some<PhaseId>(doc, "phases", r);
    return id ? updatePhase(doc, o, id, { milestoneId: some<MilestoneId>(doc, "milestones", r) ?? null }) : "skipped";
  }],
  ["reorderPhase", 3, (doc, o, r) => {
    const id = some<PhaseId>(doc, "phases", r);
    return id ? reorderPhase(doc, o, id, r.chance(0.2) ? null : (some<PhaseId>(doc, "phases", r) ?? null)) : "skipped";
  }],
  ["removePhase", 1, (doc, o, r) => {
    const id = some<PhaseId>(doc, "phases", r);
    return id ? removePhase(doc, o, id) : "skipped";
  }],
  ["addMilestone", 2, (doc, o, r) => addMilestone(doc, o, { title: `ms ${r.int(100)}`, date: day(r), kind: r.pick(MILESTONE_KINDS) })],
  ["updateMilestone", 2, (doc, o, r) => {
    const id = some<MilestoneId>(doc, "milestones", r);
    return id ? updateMilestone(doc, o, id, r.chance(0.5) ? { date: day(r) } : { title: `ms ${r.int(9)}` }) : "skipped";
  }],
  ["deleteMilestone", 1, (doc, o, r) => {
    const id = some<MilestoneId>(doc, "milestones", r);
    return id ? deleteMilestone(doc, o, id) : "skipped";
  }],
  ["updateBoard", 2, (doc, o, r) =>
    updateBoard(doc, o, r.pick([
      { title: `board ${r.int(100)}` },
      { workingDays: r.chance(0.1) ? [] : [1, 2, 3, 4, 5].filter(() => r.chance(0.8)), holidays: [day(r)] },
      { horizonStart: day(r) },
      { horizonEnd: day(r), timeScale: r.pick(["weeks", "months", "quarters"] as const) },
    ]))],
  ["junkWrite", 1, (doc, o, r) => {
    // What a buggy or hostile peer can write; the snapshot must flag it, commands must survive it.
    const name = r.pick(["lanes", "phases", "items", "dependencies", "milestones"] as const);
    const junk = r.pick<unknown>([42, "text", null, -3, "2027-02-30", ["x"], { a: 1 }]);
    doc.transact(() => {
      const id = some<string>(doc, name, r);
      const record = id ? collection(doc, name).get(id) : undefined;
      if (record instanceof Y.Map && r.chance(0.7)) record.set(r.pick(["title", "name", "order", "duration", "start", "laneId", "fromId", "date"]), junk);
      else collection(doc, name).set(r.pick(["junk1", "junk2", "bad key"]), junk as never);
    }, o);
    return { ok: true, value: undefined };
  }],
];

const TOTAL_WEIGHT = COMMANDS.reduce((sum, [, w]) => sum + w, 0);

/** Runs one weighted-random command; returns its name and whether it succeeded, failed or was skipped. */
export function runRandomCommand(doc: Y.Doc, origin: CommandOrigin, r: Rng): { name: string; outcome: "ok" | "refused" | "skipped" } {
  let pick = r.int(TOTAL_WEIGHT);
  for (const [name, weight, run] of COMMANDS) {
    if ((pick -= weight) >= 0) continue;
    const result = run(doc, origin, r);
    return { name, outcome: result === "skipped" ? "skipped" : result.ok ? "ok" : "refused" };
  }
  throw new Error("unreachable: weights exhausted");
}
