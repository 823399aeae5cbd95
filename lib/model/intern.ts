import type { CollectionName } from "./docLayout";
import type { Dependency, Item, Phase } from "./schemas";

/**
 * Shares string objects inside a snapshot: each reference (an item's lane, phase and deadline,
 * a phase's milestone, a dependency's ends) becomes the very string object of the id it points
 * at, and equal owner names one string object. Values are unchanged (JSON is byte-identical);
 * only identity is. It matters for speed: a derivation resolves 30,000 link ends and tens of
 * thousands of lane, phase and owner names, and V8 finds a string it has already seen as a key
 * by pointer, whereas an equal string read separately from the document costs a string-table
 * probe and a character comparison on every lookup.
 */
export type TargetCollection = "lanes" | "phases" | "items" | "milestones";

/** The id string object of an existing record, or undefined when there is none. */
export type FindId = (collection: TargetCollection, id: string) => string | undefined;

/** A pool of owner names: the first string object seen for each spelling. */
export type NamePool = Map<string, string>;

// Enum values as the literals of this module: V8 compares two literals by pointer.
const ENUMS: Readonly<Record<string, string | undefined>> = Object.assign(Object.create(null) as object, {
  planned: "planned",
  in_progress: "in_progress",
  done: "done",
  at_risk: "at_risk",
  must: "must",
  should: "should",
  could: "could",
  wont: "wont",
});

/** Rewrites a freshly read record's references (and owner names) in place; see above. */
export function internRecord(name: CollectionName, record: { id: string }, find: FindId, names: NamePool): void {
  if (name === "items") {
    const item = record as Item;
    if (item.laneId !== null) item.laneId = (find("lanes", item.laneId) as Item["laneId"]) ?? item.laneId;
    if (item.phaseId !== null) item.phaseId = (find("phases", item.phaseId) as Item["phaseId"]) ?? item.phaseId;
    if (item.deadlineMilestoneId !== null) {
      item.deadlineMilestoneId = (find("milestones", item.deadlineMilestoneId) as Item["deadlineMilestoneId"]) ?? item.deadlineMilestoneId;
    }
    const owners = item.owners;
    for (let k = 0; k < owners.length; k++) {
      const owner = owners[k]!;
      const known = names.get(owner);
      if (known === undefined) names.set(owner, owner);
      else owners[k] = known;
    }
    item.status = (ENUMS[item.status] as Item["status"] | undefined) ?? item.status;
    item.priority = (ENUMS[item.priority] as Item["priority"] | undefined) ?? item.priority;
  } else if (name === "dependencies") {
    const dep = record as Dependency;
    dep.fromId = (find("items", dep.fromId) as Dependency["fromId"]) ?? dep.fromId;
    dep.toId = (find("items", dep.toId) as Dependency["toId"]) ?? dep.toId;
  } else if (name === "phases") {
    const phase = record as Phase;
    if (phase.milestoneId !== null) phase.milestoneId = (find("milestones", phase.milestoneId) as Phase["milestoneId"]) ?? phase.milestoneId;
  }
}

/**
 * Interns every record of a snapshot's collections (see internRecord). Returns the position of
 * each item id in `s.items`, which it looked up anyway.
 */
export function internCollections(s: {
  lanes: { id: string }[];
  phases: { id: string }[];
  items: { id: string }[];
  dependencies: { id: string }[];
  milestones: { id: string }[];
}): Map<string, number> {
  const items = positions(s.items);
  const ids = { lanes: positions(s.lanes), phases: positions(s.phases), milestones: positions(s.milestones) };
  const find: FindId = (collection, id) => {
    const at = (collection === "items" ? items : ids[collection]).get(id);
    return at === undefined ? undefined : s[collection][at]!.id;
  };
  const names: NamePool = new Map();
  for (const phase of s.phases) internRecord("phases", phase, find, names);
  for (const item of s.items) internRecord("items", item, find, names);
  for (const dep of s.dependencies) internRecord("dependencies", dep, find, names);
  return items;
}

/** Position of each record by id (the last of equal ids). */
function positions(records: readonly { id: string }[]): Map<string, number> {
  const map = new Map<string, number>();
  records.forEach((record, at) => map.set(record.id, at));
  return map;
}
