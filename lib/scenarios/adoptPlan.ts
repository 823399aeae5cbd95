import type { BoardSnapshot } from "../model/snapshot";
import type { CollectionName } from "../model/docLayout";
import type { ScenarioChange } from "../protocol/scenarios";
import { collectionOf, REMOVED_IN_PLAN } from "./scenarioChanges";

/**
 * One write of an adoption, plain JSON so the server can hand it to the adopter's client, which
 * writes all of them as its own change (one undo step, docs/teams.md "Scenarios").
 *   put:    set these fields on the record (and remove those in `unset`), creating it (an item
 *           with an empty description) when the plan does not have it;
 *   delete: remove the record if the plan still has it.
 */
export type AdoptWrite =
  | { op: "put"; collection: CollectionName | "board"; id: string; fields: Record<string, unknown>; unset?: string[] }
  | { op: "delete"; collection: CollectionName; id: string };

export type LeftOutReason = "needs-lane-owners" | "needs-items";

export interface AdoptPlan {
  writes: AdoptWrite[];
  /** Change ids adopted. */
  taken: string[];
  /** Chosen changes left out, and why: lanes the adopter may not edit, or a dependency whose items the plan would not have. */
  leftOut: { id: string; reason: LeftOutReason; laneIds: string[] }[];
}

export interface AdoptInput {
  base: BoardSnapshot;
  scenario: BoardSnapshot;
  plan: BoardSnapshot;
  /** From scenarioChanges(base, scenario, plan). */
  changes: readonly ScenarioChange[];
  /** The change ids to adopt, or all of them. */
  chosen: "all" | ReadonlySet<string>;
  /** May the adopter edit this lane directly (mayEditLane with the plan's owners and policy)? */
  mayEditLane: (laneId: string) => boolean;
}

type Rec = { id: string } & Record<string, unknown>;

/**
 * What adopting the chosen changes writes onto the plan, three-way: only the fields the
 * scenario changed since the fork (a record the plan removed meanwhile comes back whole), so
 * the plan's own edits since the fork are kept. A change that touches a lane the adopter may
 * not edit (the item's lane in the scenario or in the plan; a dependency's successor's) is
 * left out, as is a dependency whose items the plan would not have. Removing an item removes
 * the plan's dependencies that touch it, as deleting an item does (lib/model/itemCommands).
 */
export function planAdopt({ scenario, plan, changes, chosen, mayEditLane }: AdoptInput): AdoptPlan {
  const index = (s: BoardSnapshot, c: CollectionName) => new Map<string, Rec>((s[c] as readonly Rec[]).map((r) => [r.id, r]));
  const scn = { items: index(scenario, "items"), deps: index(scenario, "dependencies") };
  const pln = { items: index(plan, "items"), deps: index(plan, "dependencies") };
  const wanted = changes.filter((c) => chosen === "all" || chosen.has(c.id));

  const writes: AdoptWrite[] = [];
  const taken: string[] = [];
  const leftOut: AdoptPlan["leftOut"] = [];

  /** Lanes a change writes into: where the record is in the scenario and where it is in the plan. */
  function lanesOf(c: ScenarioChange): string[] {
    const lanes = new Set<string>();
    const add = (id: unknown) => typeof id === "string" && lanes.add(id);
    if (c.kind === "lane") add(c.recordId);
    if (c.kind === "item") {
      add(scn.items.get(c.recordId)?.laneId);
      add(pln.items.get(c.recordId)?.laneId);
      if (c.what === "removed")
        for (const dep of pln.deps.values())
          if (dep.fromId === c.recordId || dep.toId === c.recordId) add(pln.items.get(dep.toId as string)?.laneId);
    }
    if (c.kind === "dependency") {
      add(scn.items.get(scn.deps.get(c.recordId)?.toId as string)?.laneId);
      add(pln.items.get(pln.deps.get(c.recordId)?.toId as string)?.laneId);
    }
    return [...lanes].sort();
  }

  // Items first: which the plan will have decides which dependencies can be adopted.
  const itemsAfter = new Set(pln.items.keys());
  const allowed: ScenarioChange[] = [];
  for (const c of wanted) {
    const blocked = lanesOf(c).filter((lane) => !mayEditLane(lane));
    if (blocked.length > 0) {
      leftOut.push({ id: c.id, reason: "needs-lane-owners", laneIds: blocked });
      continue;
    }
    allowed.push(c);
    if (c.kind === "item") {
      if (c.what === "removed") itemsAfter.delete(c.recordId);
      else itemsAfter.add(c.recordId);
    }
  }

  for (const c of allowed) {
    if (c.kind === "board") {
      writes.push({ op: "put", collection: "board", id: "board", ...pick(scenario.board as unknown as Rec, c.fields) });
      taken.push(c.id);
      continue;
    }
    const collection = collectionOf(c.kind);
    const source = (scenario[collection] as readonly Rec[]).find((r) => r.id === c.recordId);
    if (c.what === "removed" || !source) {
      writes.push({ op: "delete", collection, id: c.recordId });
      if (c.kind === "item")
        for (const dep of pln.deps.values())
          if (dep.fromId === c.recordId || dep.toId === c.recordId) writes.push({ op: "delete", collection: "dependencies", id: dep.id });
      taken.push(c.id);
      continue;
    }
    if (c.kind === "dependency" && !(itemsAfter.has(source.fromId as string) && itemsAfter.has(source.toId as string))) {
      leftOut.push({ id: c.id, reason: "needs-items", laneIds: [] });
      continue;
    }
    const whole = c.what === "added" || c.planAlsoChanged.includes(REMOVED_IN_PLAN) || !(plan[collection] as readonly Rec[]).some((r) => r.id === c.recordId);
    const { id: _id, ...all } = source;
    writes.push({ op: "put", collection, id: c.recordId, ...(whole ? { fields: all } : pick(source, c.fields)) });
    taken.push(c.id);
  }
  return { writes, taken, leftOut };
}

/** The fields' values in the scenario; a field it does not have (an item's optional order) is removed. */
function pick(record: Rec, names: readonly string[]): { fields: Record<string, unknown>; unset?: string[] } {
  const fields: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const f of names) {
    if (record[f] === undefined) unset.push(f);
    else fields[f] = record[f];
  }
  return unset.length > 0 ? { fields, unset } : { fields };
}
