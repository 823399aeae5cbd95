import * as Y from "yjs";
import { findConflicts } from "../../../../../lib/derive/conflicts/index";
import { computeSchedule } from "../../../../../lib/derive/schedule";
import type { Conflict, ConflictKind, Schedule } from "../../../../../lib/derive/types";
import { date } from "../../../../../lib/model/dates";
import { addDependency } from "../../../../../lib/model/dependencyCommands";
import { collection, newRecordMap, recordMap, type CollectionName } from "../../../../../lib/model/docLayout";
import type { DependencyId, ItemId, MilestoneId } from "../../../../../lib/model/ids";
import type { NewItem } from "../../../../../lib/model/itemCommands";
import { addMilestone } from "../../../../../lib/model/milestoneCommands";
import type { MilestoneKind } from "../../../../../lib/model/schemas";
import { readSnapshot, type BoardSnapshot } from "../../../../../lib/model/snapshot";
import { unwrap } from "../../../helpers/docs";
import { addItem, setup, templateBoard, type TemplateBoard } from "../../../helpers/fixtures";

type LaneName = keyof TemplateBoard["ids"]["lanes"];
type PhaseName = keyof TemplateBoard["ids"]["phases"];

export interface ItemInput extends Omit<Partial<NewItem>, "laneId" | "phaseId" | "deadlineMilestoneId"> {
  lane?: LaneName;
  phase?: PhaseName;
  /** Key of a milestone added with `milestone()`. */
  deadline?: string;
}

export interface Derived {
  snapshot: BoardSnapshot;
  schedule: Schedule;
  conflicts: Conflict[];
}

/** The same "today" everywhere: conflicts must not depend on it. */
export const TODAY = date("2027-03-01");

/** Everything derived from a snapshot, as the app derives it (real scheduler, real rules). */
export function deriveAll(snapshot: BoardSnapshot): Derived {
  const schedule = computeSchedule(snapshot);
  return { snapshot, schedule, conflicts: findConflicts(snapshot, schedule, { today: TODAY }) };
}

/**
 * A board on the service-roadmap template (2027-01-04 to 2027-12-31, Monday to Friday, lanes
 * with capacity 3, phases MVP … Enhancements), written with the real lib/model commands, so a
 * test states its rule in titles and dates. States no single command can create (cycles,
 * dangling ids, junk) are written with `raw*`, the way concurrent or foreign peers reach them.
 */
export class ConflictBoard {
  readonly doc: Y.Doc;
  readonly lanes: TemplateBoard["ids"]["lanes"];
  readonly phases: TemplateBoard["ids"]["phases"];
  private readonly keys = new Map<string, string>();

  constructor(clientID?: number) {
    const { doc, ids } = templateBoard(clientID);
    this.doc = doc;
    this.lanes = ids.lanes;
    this.phases = ids.phases;
  }

  /** Adds an item titled `title`; `id(title)` finds it again. */
  item(title: string, input: ItemInput = {}): ItemId {
    const { lane, phase, deadline, ...rest } = input;
    const id = addItem(this.doc, {
      title,
      ...rest,
      ...(lane ? { laneId: this.lanes[lane] } : {}),
      ...(phase ? { phaseId: this.phases[phase] } : {}),
      ...(deadline ? { deadlineMilestoneId: this.id(deadline) as MilestoneId } : {}),
    });
    this.keys.set(title, id);
    return id;
  }

  link(from: string, to: string, lag = 0): DependencyId {
    const id = unwrap(addDependency(this.doc, setup, { fromId: this.id(from) as ItemId, toId: this.id(to) as ItemId, lag }));
    this.keys.set(`${from}->${to}`, id);
    return id;
  }

  milestone(title: string, on: string, kind: MilestoneKind = "deadline"): MilestoneId {
    const id = unwrap(addMilestone(this.doc, setup, { title, date: on, kind }));
    this.keys.set(title, id);
    return id;
  }

  /** A link written straight into the doc (what two concurrent adds can reach: a cycle, a dangling end). */
  rawLink(from: string, to: string, lag = 0, id = `draw${this.keys.size}`): DependencyId {
    this.doc.transact(() => {
      collection(this.doc, "dependencies").set(id, newRecordMap({ fromId: this.keys.get(from) ?? from, toId: this.keys.get(to) ?? to, lag }));
    }, setup);
    this.keys.set(`${from}->${to}`, id);
    return id as DependencyId;
  }

  /** Writes one field of a record as a buggy or concurrent peer could. */
  raw(name: CollectionName, key: string, field: string, value: unknown): void {
    this.doc.transact(() => recordMap(this.doc, name, this.keys.get(key) ?? key)!.set(field, value), setup);
  }

  /** The id of an item or milestone by title, or a link by "from->to". */
  id(key: string): string {
    const id = this.keys.get(key);
    if (!id) throw new Error(`no record titled ${key}`);
    return id;
  }

  derive(): Derived {
    return deriveAll(readSnapshot(this.doc));
  }

  conflicts(kind?: ConflictKind): Conflict[] {
    const all = this.derive().conflicts;
    return kind ? all.filter((c) => c.kind === kind) : all;
  }
}

/** Copies a doc's state into a fresh replica with its own client id. */
export function replicaOf(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
