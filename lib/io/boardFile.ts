import * as Y from "yjs";
import { z } from "zod";
import { boardMap, collection, DESCRIPTION_FIELD, itemDescription, newRecordMap, type CollectionName } from "../model/docLayout";
import { newDependencyId, newItemId, newLaneId, newMilestoneId, newPhaseId } from "../model/ids";
import type { CommandOrigin } from "../model/origin";
import { boardSettingsSchema, dependencySchema, itemSchema, laneSchema, milestoneSchema, phaseSchema, type BoardSettings, type Dependency, type Item, type Lane, type Milestone, type Phase } from "../model/schemas";
import { readSnapshot } from "../model/snapshot";
import { transact } from "../model/transact";
import { fragmentToRich, richNodeSchema, richTextProblem, richToYNodes, type RichNode } from "./richText";

/**
 * The Waymark JSON file (docs/import-export.md): everything on a board, lossless, so that an
 * export imported again gives a board whose derived schedule and conflicts are identical. Its
 * records are the document's own (lib/model/schemas.ts), descriptions as JSON (richText.ts).
 */
export const BOARD_FILE_FORMAT = "waymark-board";
export const BOARD_FILE_VERSION = 1;

/** Bounds of one file: far past any real roadmap, short of what would hurt the server or a browser. */
export const BOARD_FILE_LIMITS = { lanes: 500, phases: 500, items: 20_000, dependencies: 50_000, milestones: 2_000 } as const;

export interface BoardFile {
  format: typeof BOARD_FILE_FORMAT;
  version: typeof BOARD_FILE_VERSION;
  exportedAt?: string;
  board: BoardSettings;
  lanes: Lane[];
  phases: Phase[];
  items: Item[];
  dependencies: Dependency[];
  milestones: Milestone[];
  /** Item id → its description, for items that have one. */
  descriptions?: Record<string, RichNode[]>;
}

const fileSchema = z.object({
  format: z.literal(BOARD_FILE_FORMAT, { error: `not a Waymark board file (its "format" must be "${BOARD_FILE_FORMAT}")` }),
  version: z.literal(BOARD_FILE_VERSION, { error: `a Waymark file of another version (this Waymark reads version ${BOARD_FILE_VERSION})` }),
  exportedAt: z.string().max(40).optional(),
  board: boardSettingsSchema,
  lanes: z.array(laneSchema).max(BOARD_FILE_LIMITS.lanes),
  phases: z.array(phaseSchema).max(BOARD_FILE_LIMITS.phases),
  items: z.array(itemSchema).max(BOARD_FILE_LIMITS.items),
  dependencies: z.array(dependencySchema).max(BOARD_FILE_LIMITS.dependencies),
  milestones: z.array(milestoneSchema).max(BOARD_FILE_LIMITS.milestones),
  descriptions: z.record(z.string().max(64), z.array(richNodeSchema).max(5_000)).optional(),
});

/** The board as a file. Records are read as every replica reads them (readSnapshot). */
export function exportBoardFile(doc: Y.Doc, exportedAt?: string): BoardFile {
  const snapshot = readSnapshot(doc);
  const descriptions: Record<string, RichNode[]> = {};
  for (const item of snapshot.items) {
    const fragment = itemDescription(doc, item.id);
    if (fragment && fragment.length > 0) descriptions[item.id] = fragmentToRich(fragment);
  }
  return {
    format: BOARD_FILE_FORMAT,
    version: BOARD_FILE_VERSION,
    ...(exportedAt ? { exportedAt } : {}),
    board: snapshot.board,
    lanes: snapshot.lanes,
    phases: snapshot.phases,
    items: snapshot.items,
    dependencies: snapshot.dependencies,
    milestones: snapshot.milestones,
    descriptions,
  };
}

/** Reads a parsed JSON value as a board file: the file, or every problem found, in words. */
export function parseBoardFile(raw: unknown): { ok: true; file: BoardFile } | { ok: false; errors: string[] } {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, 50).map((issue) => {
      const where = issue.path.length ? `${describePath(issue.path)}: ` : "";
      return `${where}${issue.message}`;
    });
    return { ok: false, errors };
  }
  const file = parsed.data as BoardFile;
  const errors = referenceProblems(file);
  return errors.length ? { ok: false, errors: errors.slice(0, 50) } : { ok: true, file };
}

function describePath(path: readonly PropertyKey[]): string {
  const [head, index, ...rest] = path;
  if (typeof head === "string" && typeof index === "number") return `${head.replace(/s$/, "")} ${index + 1}${rest.length ? ` (${rest.join(".")})` : ""}`;
  return path.map(String).join(".");
}

/** Duplicate ids, references to records the file does not hold, and dependency cycles. */
function referenceProblems(file: BoardFile): string[] {
  const errors: string[] = [];
  const ids = (name: string, list: { id: string }[]) => {
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.has(r.id)) errors.push(`${name} ${r.id} appears twice`);
      seen.add(r.id);
    }
    return seen;
  };
  const lanes = ids("lane", file.lanes);
  const phases = ids("phase", file.phases);
  const items = ids("item", file.items);
  const milestones = ids("milestone", file.milestones);
  ids("dependency", file.dependencies);
  const title = new Map(file.items.map((i) => [i.id as string, i.title || i.id]));
  for (const item of file.items) {
    if (item.laneId !== null && !lanes.has(item.laneId)) errors.push(`item "${title.get(item.id)}": its lane ${item.laneId} is not in the file`);
    if (item.phaseId !== null && !phases.has(item.phaseId)) errors.push(`item "${title.get(item.id)}": its phase ${item.phaseId} is not in the file`);
    if (item.deadlineMilestoneId !== null && !milestones.has(item.deadlineMilestoneId))
      errors.push(`item "${title.get(item.id)}": its deadline milestone ${item.deadlineMilestoneId} is not in the file`);
  }
  for (const phase of file.phases)
    if (phase.milestoneId !== null && !milestones.has(phase.milestoneId)) errors.push(`phase "${phase.name}": its release milestone ${phase.milestoneId} is not in the file`);
  for (const dep of file.dependencies) {
    if (!items.has(dep.fromId) || !items.has(dep.toId)) errors.push(`dependency ${dep.id}: links an item that is not in the file`);
    else if (dep.fromId === dep.toId) errors.push(`dependency ${dep.id}: "${title.get(dep.fromId)}" depends on itself`);
  }
  for (const [id, nodes] of Object.entries(file.descriptions ?? {})) {
    if (!items.has(id)) errors.push(`description of ${id}: no such item in the file`);
    const problem = richTextProblem(nodes);
    if (problem) errors.push(`description of "${title.get(id) ?? id}": ${problem}`);
  }
  const cycle = findCycle(file.dependencies.filter((d) => items.has(d.fromId) && items.has(d.toId)));
  if (cycle) errors.push(`the dependencies go round in a circle: ${cycle.map((id) => `"${title.get(id)}"`).join(" → ")}`);
  return errors;
}

/** One cycle of the dependency graph as item ids (first repeated at the end), or null. Iterative: files may chain 20,000 items. */
export function findCycle(dependencies: readonly { fromId: string; toId: string }[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const d of dependencies) next.set(d.fromId, [...(next.get(d.fromId) ?? []), d.toId]);
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  for (const root of next.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [];
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    state.set(root, 1);
    path.push(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = next.get(top.id) ?? [];
      if (top.i >= targets.length) {
        state.set(top.id, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const to = targets[top.i++]!;
      const seen = state.get(to);
      if (seen === 1) return [...path.slice(path.indexOf(to)), to];
      if (seen === undefined) {
        state.set(to, 1);
        path.push(to);
        stack.push({ id: to, i: 0 });
      }
    }
  }
  return null;
}

export interface WriteOptions {
  /**
   * "new": the document is a new, empty board: settings and ids are taken as they are.
   * "into": an existing board: every record gets a new id (references follow), lanes and phases
   * whose names match the board's are reused, milestones with the same title and date too, and
   * the board's own settings stay.
   */
  mode: "new" | "into";
}

export interface WriteSummary {
  lanes: number;
  phases: number;
  items: number;
  dependencies: number;
  milestones: number;
}

/** Writes a parsed file into `doc` as one transaction (one undo step for its author). */
export function writeBoardFile(doc: Y.Doc, origin: CommandOrigin, file: BoardFile, options: WriteOptions): WriteSummary {
  const into = options.mode === "into";
  const current = into ? readSnapshot(doc) : null;
  const key = (s: string) => s.trim().toLowerCase();
  const existingLane = new Map(current?.lanes.map((l) => [key(l.name), l.id as string]) ?? []);
  const existingPhase = new Map(current?.phases.map((p) => [key(p.name), p.id as string]) ?? []);
  const existingMilestone = new Map(current?.milestones.map((m) => [`${key(m.title)}|${m.date}`, m.id as string]) ?? []);
  const laneIds = new Map<string, string>();
  const phaseIds = new Map<string, string>();
  const milestoneIds = new Map<string, string>();
  const itemIds = new Map<string, string>();
  const summary: WriteSummary = { lanes: 0, phases: 0, items: 0, dependencies: 0, milestones: 0 };
  const maxOrder = (list: readonly { order: number }[] | undefined) => Math.max(0, ...(list ?? []).map((r) => r.order));
  const laneBase = into ? maxOrder(current?.lanes) + 1 : 0;
  const phaseBase = into ? maxOrder(current?.phases) + 1 : 0;

  transact(doc, origin, () => {
    const put = (name: CollectionName, id: string, fields: Record<string, unknown>) => collection(doc, name).set(id, newRecordMap(fields));
    if (!into) {
      const board = boardMap(doc);
      for (const [field, value] of Object.entries(file.board)) board.set(field, value);
    }
    for (const m of file.milestones) {
      const reuse = into ? existingMilestone.get(`${key(m.title)}|${m.date}`) : undefined;
      const id = reuse ?? (into ? newMilestoneId() : m.id);
      milestoneIds.set(m.id, id);
      if (reuse) continue;
      const { id: _drop, ...fields } = m;
      put("milestones", id, fields);
      summary.milestones++;
    }
    for (const lane of file.lanes) {
      const reuse = into ? existingLane.get(key(lane.name)) : undefined;
      const id = reuse ?? (into ? newLaneId() : lane.id);
      laneIds.set(lane.id, id);
      if (reuse) continue;
      const { id: _drop, ...fields } = lane;
      put("lanes", id, { ...fields, order: laneBase + fields.order });
      summary.lanes++;
    }
    for (const phase of file.phases) {
      const reuse = into ? existingPhase.get(key(phase.name)) : undefined;
      const id = reuse ?? (into ? newPhaseId() : phase.id);
      phaseIds.set(phase.id, id);
      if (reuse) continue;
      const { id: _drop, ...fields } = phase;
      put("phases", id, { ...fields, order: phaseBase + fields.order, milestoneId: phase.milestoneId === null ? null : milestoneIds.get(phase.milestoneId)! });
      summary.phases++;
    }
    for (const item of file.items) {
      const id = into ? newItemId() : item.id;
      itemIds.set(item.id, id);
      const { id: _drop, ...fields } = item;
      const map = newRecordMap({
        ...fields,
        laneId: item.laneId === null ? null : laneIds.get(item.laneId)!,
        phaseId: item.phaseId === null ? null : phaseIds.get(item.phaseId)!,
        deadlineMilestoneId: item.deadlineMilestoneId === null ? null : milestoneIds.get(item.deadlineMilestoneId)!,
      });
      const fragment = new Y.XmlFragment();
      const description = file.descriptions?.[item.id];
      if (description?.length) fragment.insert(0, richToYNodes(description));
      map.set(DESCRIPTION_FIELD, fragment);
      collection(doc, "items").set(id, map);
      summary.items++;
    }
    for (const dep of file.dependencies) {
      const id = into ? newDependencyId() : dep.id;
      put("dependencies", id, { fromId: itemIds.get(dep.fromId)!, toId: itemIds.get(dep.toId)!, lag: dep.lag });
      summary.dependencies++;
    }
  });
  return summary;
}
