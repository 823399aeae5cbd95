import * as Y from "yjs";
import type { z } from "zod";
import { boardMap, collection, type CollectionName } from "./docLayout";
import {
  BOARD_DEFAULTS,
  DEPENDENCY_DEFAULTS,
  ITEM_DEFAULTS,
  LANE_DEFAULTS,
  MILESTONE_DEFAULTS,
  PHASE_DEFAULTS,
} from "./defaults";
import { isIdShaped } from "./ids";
import {
  boardSettingsSchema,
  dependencySchema,
  itemSchema,
  laneSchema,
  milestoneSchema,
  phaseSchema,
  type BoardSettings,
  type Dependency,
  type Item,
  type Lane,
  type Milestone,
  type Phase,
} from "./schemas";

/**
 * Something odd the snapshot found and kept. Concurrent edits reach states no single user
 * would create (an item in a lane someone deleted, a dependency on a deleted item); the
 * snapshot never throws on them and never drops what it can read: it flags them here so the
 * derive layer can report them as conflicts.
 */
export type SnapshotProblem =
  | { kind: "invalid-field"; collection: CollectionName | "board"; id: string; field: string; message: string }
  | { kind: "unreadable-record"; collection: CollectionName; id: string; message: string }
  | {
      kind: "missing-reference";
      collection: CollectionName;
      id: string;
      field: string;
      targetCollection: CollectionName;
      targetId: string;
    };

/** A board as plain, validated, deterministically ordered data. */
export interface BoardSnapshot {
  board: BoardSettings;
  lanes: Lane[];
  phases: Phase[];
  items: Item[];
  dependencies: Dependency[];
  milestones: Milestone[];
  problems: SnapshotProblem[];
}

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;

/** Reads one record field by field, replacing unreadable fields by defaults (flagged). */
function readRecord<S extends AnyObjectSchema>(
  schema: S,
  defaults: Record<string, unknown>,
  raw: Record<string, unknown>,
  where: { collection: CollectionName | "board"; id: string },
  problems: SnapshotProblem[],
): z.infer<S> | undefined {
  const first = schema.safeParse(raw);
  if (first.success) return first.data;
  const repaired = { ...raw };
  const flagged = new Set<string>();
  for (const issue of first.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (flagged.has(field) || !(field in defaults)) continue;
    flagged.add(field);
    repaired[field] = defaults[field];
    problems.push({ kind: "invalid-field", ...where, field, message: issue.message });
  }
  const second = schema.safeParse(repaired);
  if (second.success) return second.data;
  if (where.collection !== "board") {
    const message = second.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    problems.push({ kind: "unreadable-record", collection: where.collection, id: where.id, message });
  }
  return undefined;
}

function fieldsOf(map: Y.Map<unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = map.get(key);
    // Nested Y types are not record fields (the description fragment lives beside them).
    out[key] = value instanceof Y.AbstractType ? undefined : value;
  }
  return out;
}

function readCollection<S extends AnyObjectSchema>(
  doc: Y.Doc,
  name: CollectionName,
  schema: S,
  defaults: Record<string, unknown>,
  problems: SnapshotProblem[],
): z.infer<S>[] {
  const keys = Object.keys(schema.shape).filter((k) => k !== "id");
  const out: z.infer<S>[] = [];
  collection(doc, name).forEach((value, id) => {
    if (!isIdShaped(id) || !(value instanceof Y.Map)) {
      problems.push({ kind: "unreadable-record", collection: name, id, message: "not a record" });
      return;
    }
    const record = readRecord(schema, defaults, { ...fieldsOf(value, keys), id }, { collection: name, id }, problems);
    if (record) out.push(record);
  });
  return out;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byOrderThenId = (a: { id: string; order: number }, b: { id: string; order: number }) =>
  a.order - b.order || byId(a, b);

/** Reads a board document into a snapshot. Never throws on document content. */
export function readSnapshot(doc: Y.Doc): BoardSnapshot {
  const problems: SnapshotProblem[] = [];
  const boardKeys = Object.keys(boardSettingsSchema.shape);
  const board =
    readRecord(boardSettingsSchema, BOARD_DEFAULTS, fieldsOf(boardMap(doc), boardKeys), { collection: "board", id: "board" }, problems) ??
    BOARD_DEFAULTS;

  const lanes = readCollection(doc, "lanes", laneSchema, LANE_DEFAULTS, problems).sort(byOrderThenId);
  const phases = readCollection(doc, "phases", phaseSchema, PHASE_DEFAULTS, problems).sort(byOrderThenId);
  const items = readCollection(doc, "items", itemSchema, ITEM_DEFAULTS, problems).sort(byId);
  const dependencies = readCollection(doc, "dependencies", dependencySchema, DEPENDENCY_DEFAULTS, problems).sort(byId);
  const milestones = readCollection(doc, "milestones", milestoneSchema, MILESTONE_DEFAULTS, problems).sort(byId);

  const snapshot: BoardSnapshot = { board, lanes, phases, items, dependencies, milestones, problems };
  flagMissingReferences(snapshot);
  // Problems are found in Y.Map iteration order, which is the order keys first reached this
  // replica; sort them so every replica derives the same list (and the same conflict ids).
  problems.sort(byProblem);
  return snapshot;
}

const PROBLEM_SOURCES: readonly string[] = ["board", "lanes", "phases", "items", "dependencies", "milestones"];
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byProblem(a: SnapshotProblem, b: SnapshotProblem): number {
  return (
    PROBLEM_SOURCES.indexOf(a.collection) - PROBLEM_SOURCES.indexOf(b.collection) ||
    compareStrings(a.id, b.id) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings("field" in a ? a.field : "", "field" in b ? b.field : "") ||
    compareStrings(JSON.stringify(a), JSON.stringify(b))
  );
}

function flagMissingReferences(s: BoardSnapshot): void {
  const ids = {
    lanes: new Set<string>(s.lanes.map((l) => l.id)),
    phases: new Set<string>(s.phases.map((p) => p.id)),
    items: new Set<string>(s.items.map((i) => i.id)),
    milestones: new Set<string>(s.milestones.map((m) => m.id)),
  };
  const check = (
    collectionName: CollectionName,
    id: string,
    field: string,
    targetCollection: keyof typeof ids,
    targetId: string | null,
  ) => {
    if (targetId !== null && !ids[targetCollection].has(targetId)) {
      s.problems.push({ kind: "missing-reference", collection: collectionName, id, field, targetCollection, targetId });
    }
  };
  for (const phase of s.phases) check("phases", phase.id, "milestoneId", "milestones", phase.milestoneId);
  for (const item of s.items) {
    check("items", item.id, "laneId", "lanes", item.laneId);
    check("items", item.id, "phaseId", "phases", item.phaseId);
    check("items", item.id, "deadlineMilestoneId", "milestones", item.deadlineMilestoneId);
  }
  for (const dep of s.dependencies) {
    check("dependencies", dep.id, "fromId", "items", dep.fromId);
    check("dependencies", dep.id, "toId", "items", dep.toId);
  }
}
