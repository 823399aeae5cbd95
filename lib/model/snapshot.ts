import * as Y from "yjs";
import type { z } from "zod";
import { clampToSupportedRange, isInSupportedRange } from "./dateRange";
import { isDateString, type DateString } from "./dates";
import { boardMap, collection, type CollectionName } from "./docLayout";
import {
  BOARD_DEFAULTS,
  DEPENDENCY_DEFAULTS,
  ITEM_DEFAULTS,
  LANE_DEFAULTS,
  MILESTONE_DEFAULTS,
  PHASE_DEFAULTS,
} from "./defaults";
import { readDependencyFast, readItemFast, type FastReader } from "./fastRecords";
import { isIdShaped } from "./ids";
import { internCollections } from "./intern";
import { attachLinks } from "./snapshotLinks";
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
  | {
      kind: "invalid-field";
      collection: CollectionName | "board";
      id: string;
      field: string;
      message: string;
      /**
       * Set when the field held a real date outside the supported range (dateRange.ts): that
       * date (the first such, for a list). The horizon is then clamped to the range and such
       * holidays are dropped; other fields take their default, as for junk.
       */
      outOfRange?: DateString;
    }
  | {
      kind: "unreadable-record";
      collection: CollectionName;
      id: string;
      message: string;
      /** Set when what made it unreadable is a date outside the supported range: that date. */
      outOfRange?: DateString;
    }
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

/**
 * Board fields whose out-of-range dates are clamped to the range rather than replaced by the
 * default: a horizon of 2027 to 9999 means "far ahead", which 2199-12-31 keeps, where the
 * default (2027-12-31) could even end it before it starts. Holidays outside the range are
 * dropped: none can fall on a supported day, and the rest of the list stays.
 */
const CLAMPED_FIELDS: Readonly<Record<string, (value: unknown) => unknown>> = {
  horizonStart: (v) => clampToSupportedRange(v as string),
  horizonEnd: (v) => clampToSupportedRange(v as string),
  holidays: (v) => (v as string[]).filter((h) => !isDateString(h) || isInSupportedRange(h)),
};

/** The date of an out-of-range issue from dateStringSchema, or undefined for any other issue. */
function outOfRangeDate(issue: z.core.$ZodIssue): DateString | undefined {
  const params = issue.code === "custom" ? (issue.params as { outOfRange?: unknown } | undefined) : undefined;
  const date = params?.outOfRange;
  return typeof date === "string" && isDateString(date) ? date : undefined;
}

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
  // Per field: the message to report (junk before range), and the out-of-range date when
  // that is all that is wrong with it.
  const fields = new Map<string, { message: string; outOfRange: DateString | undefined; onlyRange: boolean }>();
  for (const issue of first.error.issues) {
    const field = String(issue.path[0] ?? "");
    const date = outOfRangeDate(issue);
    const seen = fields.get(field);
    if (!seen) fields.set(field, { message: issue.message, outOfRange: date, onlyRange: date !== undefined });
    else if (date === undefined && seen.onlyRange) Object.assign(seen, { message: issue.message, onlyRange: false });
  }
  for (const [field, { message, outOfRange, onlyRange }] of fields) {
    const clamp = where.collection === "board" && onlyRange ? CLAMPED_FIELDS[field] : undefined;
    if (clamp) repaired[field] = clamp(raw[field]);
    else if (field in defaults) repaired[field] = defaults[field];
    else continue;
    problems.push({ kind: "invalid-field", ...where, field, message, ...(onlyRange && outOfRange !== undefined ? { outOfRange } : {}) });
  }
  const second = schema.safeParse(repaired);
  if (second.success) return second.data;
  if (where.collection !== "board") {
    const message = second.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    const outOfRange = second.error.issues.map(outOfRangeDate).find((d) => d !== undefined);
    problems.push({ kind: "unreadable-record", collection: where.collection, id: where.id, message, ...(outOfRange !== undefined ? { outOfRange } : {}) });
  }
  return undefined;
}

function fieldsOf(map: Y.Map<unknown>, keys: readonly string[], out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const key of keys) {
    const value = map.get(key);
    // Nested Y types are not record fields (the description fragment lives beside them).
    out[key] = value instanceof Y.AbstractType ? undefined : value;
  }
  return out;
}

/** The records of each collection, as the snapshot holds them. */
export interface CollectionRecords {
  lanes: Lane;
  phases: Phase;
  items: Item;
  dependencies: Dependency;
  milestones: Milestone;
}

const COLLECTION_SCHEMAS: {
  [C in CollectionName]: { schema: AnyObjectSchema; defaults: Record<string, unknown>; keys: string[]; fast?: FastReader<CollectionRecords[C]> };
} = {
  lanes: { schema: laneSchema, defaults: LANE_DEFAULTS, keys: [] },
  phases: { schema: phaseSchema, defaults: PHASE_DEFAULTS, keys: [] },
  items: { schema: itemSchema, defaults: ITEM_DEFAULTS, keys: [], fast: readItemFast },
  dependencies: { schema: dependencySchema, defaults: DEPENDENCY_DEFAULTS, keys: [], fast: readDependencyFast },
  milestones: { schema: milestoneSchema, defaults: MILESTONE_DEFAULTS, keys: [] },
};
for (const entry of Object.values(COLLECTION_SCHEMAS)) entry.keys = Object.keys(entry.schema.shape).filter((k) => k !== "id");

/**
 * Reads one entry of a collection (`value` is what the collection holds under `id`): the
 * record, or undefined when it cannot be read, with what was odd pushed onto `problems`.
 * readSnapshot reads every entry with it; LiveSnapshot re-reads only the entries that changed.
 */
export function readCollectionEntry<C extends CollectionName>(
  name: C,
  id: string,
  value: unknown,
  problems: SnapshotProblem[],
): CollectionRecords[C] | undefined {
  if (!isIdShaped(id) || !(value instanceof Y.Map)) {
    problems.push({ kind: "unreadable-record", collection: name, id, message: "not a record" });
    return undefined;
  }
  const { schema, defaults, keys, fast } = COLLECTION_SCHEMAS[name];
  const fields = fieldsOf(value as Y.Map<unknown>, keys, { id });
  // The plainly valid common case of the big collections, exactly as zod would read it (fastRecords.ts).
  const quick = fast?.(fields);
  if (quick) return quick as CollectionRecords[C];
  return readRecord(schema, defaults, fields, { collection: name, id }, problems) as CollectionRecords[C] | undefined;
}

function readCollection<C extends CollectionName>(doc: Y.Doc, name: C, problems: SnapshotProblem[]): CollectionRecords[C][] {
  const out: CollectionRecords[C][] = [];
  collection(doc, name).forEach((value, id) => {
    const record = readCollectionEntry(name, id, value, problems);
    if (record) out.push(record);
  });
  return out;
}

/** Reads the board's settings, replacing unreadable ones by defaults (flagged). */
export function readBoardSettings(doc: Y.Doc, problems: SnapshotProblem[]): BoardSettings {
  const boardKeys = Object.keys(boardSettingsSchema.shape);
  return (
    readRecord(boardSettingsSchema, BOARD_DEFAULTS, fieldsOf(boardMap(doc), boardKeys), { collection: "board", id: "board" }, problems) ??
    BOARD_DEFAULTS
  );
}

/** The order of items, dependencies and milestones in a snapshot. */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** The order of lanes and phases in a snapshot (ties, from concurrent reorders, by id). */
export const byOrderThenId = (a: { id: string; order: number }, b: { id: string; order: number }) =>
  a.order - b.order || byId(a, b);

/** Reads a board document into a snapshot. Never throws on document content. */
export function readSnapshot(doc: Y.Doc): BoardSnapshot {
  const problems: SnapshotProblem[] = [];
  const board = readBoardSettings(doc, problems);
  const lanes = readCollection(doc, "lanes", problems).sort(byOrderThenId);
  const phases = readCollection(doc, "phases", problems).sort(byOrderThenId);
  const items = readCollection(doc, "items", problems).sort(byId);
  const dependencies = readCollection(doc, "dependencies", problems).sort(byId);
  const milestones = readCollection(doc, "milestones", problems).sort(byId);

  const snapshot: BoardSnapshot = { board, lanes, phases, items, dependencies, milestones, problems };
  // References become the string objects of the ids they point at (values unchanged): see intern.ts.
  const itemPositions = internCollections(snapshot);
  // Items are sorted by id and distinct: record where each link's ends are (snapshotLinks.ts).
  attachLinks(snapshot, itemPositions);
  flagMissingReferences(snapshot, itemPositions);
  // Problems are found in Y.Map iteration order, which is the order keys first reached this
  // replica; sort them so every replica derives the same list (and the same conflict ids).
  problems.sort(compareProblems);
  return snapshot;
}

const PROBLEM_SOURCES: readonly string[] = ["board", "lanes", "phases", "items", "dependencies", "milestones"];
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of a snapshot's problems: the same on every replica, whatever order they were found in. */
export function compareProblems(a: SnapshotProblem, b: SnapshotProblem): number {
  return (
    PROBLEM_SOURCES.indexOf(a.collection) - PROBLEM_SOURCES.indexOf(b.collection) ||
    compareStrings(a.id, b.id) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings("field" in a ? a.field : "", "field" in b ? b.field : "") ||
    compareStrings(JSON.stringify(a), JSON.stringify(b))
  );
}

/** A reference a record holds to another record. */
export interface RecordReference {
  field: string;
  targetCollection: "lanes" | "phases" | "items" | "milestones";
  targetId: string;
}

/** The references a record holds (null ones left out), in a fixed order. */
export function referencesOf<C extends CollectionName>(name: C, record: CollectionRecords[C]): RecordReference[] {
  const out: RecordReference[] = [];
  const add = (field: string, targetCollection: RecordReference["targetCollection"], targetId: string | null) => {
    if (targetId !== null) out.push({ field, targetCollection, targetId });
  };
  if (name === "phases") add("milestoneId", "milestones", (record as Phase).milestoneId);
  else if (name === "items") {
    const item = record as Item;
    add("laneId", "lanes", item.laneId);
    add("phaseId", "phases", item.phaseId);
    add("deadlineMilestoneId", "milestones", item.deadlineMilestoneId);
  } else if (name === "dependencies") {
    const dep = record as Dependency;
    add("fromId", "items", dep.fromId);
    add("toId", "items", dep.toId);
  }
  return out;
}

/**
 * Flags every reference to a record that is not there. The same references as referencesOf,
 * checked in place: at 10,000 items, listing them first would allocate some 60,000 objects
 * for a board that usually has no such problem at all.
 */
function flagMissingReferences(s: BoardSnapshot, items: ReadonlyMap<string, number>): void {
  const lanes = new Set<string>(s.lanes.map((l) => l.id));
  const phases = new Set<string>(s.phases.map((p) => p.id));
  const milestones = new Set<string>(s.milestones.map((m) => m.id));
  const flag = (collection: CollectionName, id: string, field: string, targetCollection: RecordReference["targetCollection"], targetId: string) =>
    s.problems.push({ kind: "missing-reference", collection, id, field, targetCollection, targetId });
  for (const phase of s.phases) {
    if (phase.milestoneId !== null && !milestones.has(phase.milestoneId)) flag("phases", phase.id, "milestoneId", "milestones", phase.milestoneId);
  }
  for (const item of s.items) {
    if (item.laneId !== null && !lanes.has(item.laneId)) flag("items", item.id, "laneId", "lanes", item.laneId);
    if (item.phaseId !== null && !phases.has(item.phaseId)) flag("items", item.id, "phaseId", "phases", item.phaseId);
    const deadline = item.deadlineMilestoneId;
    if (deadline !== null && !milestones.has(deadline)) flag("items", item.id, "deadlineMilestoneId", "milestones", deadline);
  }
  for (const dep of s.dependencies) {
    if (!items.has(dep.fromId)) flag("dependencies", dep.id, "fromId", "items", dep.fromId);
    if (!items.has(dep.toId)) flag("dependencies", dep.id, "toId", "items", dep.toId);
  }
}
