import type { BoardSnapshot } from "../model/snapshot";
import type { CollectionName } from "../model/docLayout";
import { mergeById } from "../history/mergeById";
import { byIdOrder } from "../history/side";
import type { ScenarioChange } from "../protocol/scenarios";

/**
 * The scenario's changes since the fork, three-way (docs/teams.md "Scenarios"): `base` is the
 * plan's version the scenario was forked from, `scenario` the scenario now, `plan` the plan now.
 * A change is a record the scenario added, removed, or whose stored fields it changed since
 * `base` (field by field, as adopting writes them: an item moved by a dependency alone did not
 * change) to a value the plan does not already have (so what was adopted leaves the list); each
 * is marked with the fields the plan changed too since the fork. Pure and
 * deterministic: kinds in a fixed order, records by id, fields sorted.
 *
 * compareSnapshots (lib/history) answers a different question, what the schedule shows
 * differently; adopting needs the stored fields each side wrote, so this walks the records
 * with the same merge by id.
 */
export function scenarioChanges(base: BoardSnapshot, scenario: BoardSnapshot, plan: BoardSnapshot): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  const boardFields = stillToAdopt(fieldsChanged(base.board, scenario.board), scenario.board, plan.board);
  if (boardFields.length > 0) {
    out.push({
      id: "board:board",
      kind: "board",
      recordId: "board",
      laneId: null,
      what: "changed",
      fields: boardFields,
      planAlsoChanged: intersect(boardFields, fieldsChanged(base.board, plan.board)),
      title: scenario.board.title || "Board settings",
    });
  }
  const lanes = { base: laneOfItem(base), scenario: laneOfItem(scenario) };
  const titles = { base: titleOfItem(base), scenario: titleOfItem(scenario) };
  for (const { kind, collection } of RECORD_KINDS) {
    const planById = new Map<string, Rec>((plan[collection] as readonly Rec[]).map((r) => [r.id, r]));
    mergeById(byIdOrder(base[collection] as readonly Rec[]), byIdOrder(scenario[collection] as readonly Rec[]), (was, now) => {
      const record = (now ?? was)!;
      const side = now ? "scenario" : "base";
      const inPlan = planById.get(record.id);
      let what: ScenarioChange["what"];
      let fields: string[] = [];
      let planAlsoChanged: string[] = [];
      if (!was) {
        // Already in the plan as the scenario has it (adopted before): nothing left to adopt.
        if (inPlan && fieldsChanged(now!, inPlan).length === 0) return;
        what = "added";
      } else if (!now) {
        if (!inPlan) return;
        what = "removed";
        // The plan changed what the scenario removes: adopting removes the plan's edits too.
        planAlsoChanged = inPlan ? fieldsChanged(was, inPlan) : [];
      } else {
        fields = inPlan ? stillToAdopt(fieldsChanged(was, now), now, inPlan) : fieldsChanged(was, now);
        if (fields.length === 0) return;
        what = "changed";
        // The plan removed it since the fork: adopting brings it back as the scenario has it.
        planAlsoChanged = inPlan ? intersect(fields, fieldsChanged(was, inPlan)) : [REMOVED_IN_PLAN];
      }
      out.push({
        id: `${kind}:${record.id}`,
        kind,
        recordId: record.id,
        laneId: laneOfRecord(kind, record, lanes[side]),
        what,
        fields,
        planAlsoChanged,
        title: titleOfRecord(kind, record, titles[side]),
      });
    });
  }
  return out;
}

/** In `planAlsoChanged`: the plan removed the record the scenario changed. */
export const REMOVED_IN_PLAN = "removed";

type Rec = { id: string } & Record<string, unknown>;
type RecordKind = Exclude<ScenarioChange["kind"], "board">;

export const RECORD_KINDS: readonly { kind: RecordKind; collection: CollectionName }[] = [
  { kind: "lane", collection: "lanes" },
  { kind: "phase", collection: "phases" },
  { kind: "milestone", collection: "milestones" },
  { kind: "item", collection: "items" },
  { kind: "dependency", collection: "dependencies" },
];

export const collectionOf = (kind: RecordKind): CollectionName => RECORD_KINDS.find((k) => k.kind === kind)!.collection;

/** The stored fields whose values differ (a field present on one side only counts), sorted. */
export function fieldsChanged(a: object, b: object): string[] {
  // Called for every record of three 10,000-item boards: no sets, no copies of the keys.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let out: string[] | undefined;
  for (const k in x) if (k !== "id" && !samePlain(x[k], y[k])) (out ??= []).push(k);
  for (const k in y) if (k !== "id" && !(k in x)) (out ??= []).push(k);
  return out ? out.sort() : [];
}

/** Equal plain values: primitives, and arrays or objects of them (owners, tags, links, holidays). */
export function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

const intersect = (a: readonly string[], b: readonly string[]) => a.filter((k) => b.includes(k));

/** The changed fields whose value the plan does not already have (adopted before, or the same edit made there too). */
function stillToAdopt(fields: readonly string[], scenario: object, plan: object): string[] {
  const [x, y] = [scenario as Record<string, unknown>, plan as Record<string, unknown>];
  return fields.filter((f) => !samePlain(x[f], y[f]));
}

function laneOfItem(s: BoardSnapshot): Map<string, string | null> {
  return new Map(s.items.map((i) => [i.id as string, i.laneId]));
}
function titleOfItem(s: BoardSnapshot): Map<string, string> {
  return new Map(s.items.map((i) => [i.id as string, i.title]));
}

/**
 * The lane a change belongs to, as lane ownership counts it (docs/teams.md "On the socket"):
 * an item's lane, a lane's own record, a dependency its successor's (`toId`) lane.
 */
function laneOfRecord(kind: RecordKind, r: Rec, itemLanes: Map<string, string | null>): string | null {
  if (kind === "item") return (r.laneId as string | null) ?? null;
  if (kind === "lane") return r.id;
  if (kind === "dependency") return itemLanes.get(r.toId as string) ?? null;
  return null;
}

function titleOfRecord(kind: RecordKind, r: Rec, itemTitles: Map<string, string>): string {
  if (kind === "item" || kind === "milestone") return (r.title as string) || "Untitled";
  if (kind === "lane" || kind === "phase") return (r.name as string) || "Unnamed";
  const from = itemTitles.get(r.fromId as string) ?? "?";
  const to = itemTitles.get(r.toId as string) ?? "?";
  return `${from} → ${to}`;
}
