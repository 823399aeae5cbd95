import * as Y from "yjs";
import { boardMap, COLLECTIONS, collection, type CollectionName } from "../../lib/model/docLayout";
import { cleanText, MAX_ITEM_TITLE } from "../../lib/model/plainText";
import type { ActivityKind } from "../../lib/protocol/comments";
import { OBJECT_KINDS, TEXT_ONLY_FIELDS, type FieldChange, type ObjectKind } from "../../lib/protocol/history";
import { historyValue, sameValue } from "./historyValues";

/** One object's change in one transaction, with each changed field's value before and after it. */
export interface ChangeNote {
  objectKind: ObjectKind;
  objectId: string;
  kind: ActivityKind;
  /** The object's name now (a deleted object's as it was last seen). */
  title: string;
  fields: FieldChange[];
}

const KIND_OF: Record<CollectionName, ObjectKind> = {
  items: "item",
  milestones: "milestone",
  lanes: "lane",
  phases: "phase",
  dependencies: "dependency",
};

/**
 * Fields whose change puts the object somewhere else (on the timeline, the phase board, in the
 * lane or phase order): such a change is a move; any other field's is an edit. "Ana moved the
 * go-live" is a milestone's date.
 */
const MOVE_FIELDS: Record<ObjectKind, ReadonlySet<string>> = {
  item: new Set(["start", "duration", "laneId", "phaseId", "order"]),
  milestone: new Set(["date"]),
  lane: new Set(["order"]),
  phase: new Set(["order"]),
  dependency: new Set(),
  board: new Set(),
};

const UNTITLED = "Untitled";
/** Where a record keeps its name. */
const NAME_FIELD: Record<ObjectKind, string> = { item: "title", milestone: "title", lane: "name", phase: "name", dependency: "", board: "title" };

type DeepEvents = Y.YEvent<Y.AbstractType<unknown>>[];

/**
 * Turns a board's Yjs events into per-object change notes: which object, added, moved, edited
 * or deleted, and each changed field's value before (the event's oldValue) and after (the
 * document now). It keeps every object's latest name, since a deleted record's Y.Map no longer
 * holds one. Values are bounded as history keeps them (historyValue); a rich-text description
 * is noted as changed, without its text, and its keystrokes are never diffed.
 */
export class ChangeWatcher {
  private readonly maps: [ObjectKind, Y.Map<unknown>, (events: DeepEvents, tr: Y.Transaction) => void][] = [];
  private readonly board: Y.Map<unknown>;
  /** Each object's latest name, by kind and id (a map per kind: no key to build per edit). */
  private readonly titles = new Map<ObjectKind, Map<string, string>>(OBJECT_KINDS.map((k) => [k, new Map()]));

  constructor(
    doc: Y.Doc,
    /** The board's id: the id of the object "board" (its settings). */
    private readonly boardId: string,
    private readonly onNotes: (notes: ChangeNote[], transaction: Y.Transaction) => void,
  ) {
    this.board = boardMap(doc);
    // Items before dependencies: a dependency is named by its two items.
    const order: CollectionName[] = ["items", ...COLLECTIONS.filter((c) => c !== "items")];
    for (const name of order) {
      const kind = KIND_OF[name];
      const map = collection(doc, name) as Y.Map<unknown>;
      for (const id of map.keys()) this.refreshTitle(kind, map, id);
      const observer = (events: DeepEvents, tr: Y.Transaction) => this.onNotes(this.classify(kind, map, events), tr);
      map.observeDeep(observer);
      this.maps.push([kind, map, observer]);
    }
    this.board.observe(this.onBoard);
  }

  stop(): void {
    for (const [, map, observer] of this.maps) map.unobserveDeep(observer);
    this.board.unobserve(this.onBoard);
  }

  /** The object's name now, or as it was last seen; `fallback` once it is forgotten. */
  titleOf(kind: ObjectKind, id: string, fallback = UNTITLED): string {
    return this.titles.get(kind)!.get(id) ?? fallback;
  }

  /** Forgets a deleted object's name once its deletion is written. */
  forget(kind: ObjectKind, id: string): void {
    this.titles.get(kind)!.delete(id);
  }

  private readonly onBoard = (event: Y.YMapEvent<unknown>, tr: Y.Transaction): void => {
    const fields = this.fieldChanges(event, this.board);
    if (!fields.length) return;
    const title = this.board.get("title");
    const name = typeof title === "string" ? cleanText(title, MAX_ITEM_TITLE).trim() : "";
    this.onNotes([{ objectKind: "board", objectId: this.boardId, kind: "edited", title: name || UNTITLED, fields }], tr);
  };

  private classify(kind: ObjectKind, map: Y.Map<unknown>, events: DeepEvents): ChangeNote[] {
    const out: ChangeNote[] = [];
    for (const event of events) {
      if (event.target === map) {
        for (const [id, change] of event.changes.keys) {
          if (change.action === "delete") {
            if (this.titles.get(kind)!.has(id)) out.push(this.note(kind, id, "deleted", []));
          } else if (this.refreshTitle(kind, map, id)) {
            // "update" is a whole record replaced under the same id: its content changed.
            const record = map.get(id) as Y.Map<unknown>;
            out.push(this.note(kind, id, change.action === "add" ? "added" : "edited", this.initialFields(record)));
          }
        }
        continue;
      }
      const id = event.path[0];
      if (typeof id !== "string" || !this.refreshTitle(kind, map, id)) continue;
      if (event.path.length === 1 && event instanceof Y.YMapEvent) {
        const fields = this.fieldChanges(event, event.target as Y.Map<unknown>);
        const moves = fields.filter((f) => MOVE_FIELDS[kind].has(f.field));
        const edits = fields.filter((f) => !MOVE_FIELDS[kind].has(f.field));
        if (moves.length) out.push(this.note(kind, id, "moved", moves));
        if (edits.length) out.push(this.note(kind, id, "edited", edits));
      } else if (kind === "item") {
        // Deeper down is the rich-text description: that it changed, not a diff of keystrokes.
        out.push(this.note(kind, id, "edited", [{ field: "description", before: null, after: null }]));
      }
    }
    return out;
  }

  private note(objectKind: ObjectKind, objectId: string, kind: ActivityKind, fields: FieldChange[]): ChangeNote {
    return { objectKind, objectId, kind, title: this.titleOf(objectKind, objectId), fields };
  }

  /** Each changed key of a map event: the old value from the event, the new one from the map. */
  private fieldChanges(event: Y.YMapEvent<unknown>, map: Y.Map<unknown>): FieldChange[] {
    const fields: FieldChange[] = [];
    for (const [field, change] of event.changes.keys) {
      if (TEXT_ONLY_FIELDS.has(field)) {
        fields.push({ field, before: null, after: null });
        continue;
      }
      const oldValue: unknown = change.action === "add" ? undefined : change.oldValue;
      const newValue: unknown = change.action === "delete" ? undefined : map.get(field);
      // A form that writes every field back changes only some: the others are no change.
      if (sameValue(oldValue, newValue)) continue;
      fields.push({ field, before: historyValue(oldValue), after: historyValue(newValue) });
    }
    return fields;
  }

  /** What an added record holds: every field as "after", rich text left out. */
  private initialFields(record: Y.Map<unknown>): FieldChange[] {
    const fields: FieldChange[] = [];
    for (const [field, value] of record.entries()) {
      // The id is the object's own, already in the row.
      if (field !== "id" && !TEXT_ONLY_FIELDS.has(field)) fields.push({ field, before: null, after: historyValue(value) });
    }
    return fields.sort((a, b) => a.field.localeCompare(b.field));
  }

  /** Caches the object's current name; false when the id holds no record (junk a client wrote). */
  private refreshTitle(kind: ObjectKind, map: Y.Map<unknown>, id: string): boolean {
    const record = map.get(id);
    if (!(record instanceof Y.Map)) return false;
    this.titles.get(kind)!.set(id, this.nameOf(kind, record));
    return true;
  }

  private nameOf(kind: ObjectKind, record: Y.Map<unknown>): string {
    if (kind === "dependency") {
      const ends = ["fromId", "toId"].map((f) => record.get(f));
      return cleanText(ends.map((id) => (typeof id === "string" ? this.titleOf("item", id) : UNTITLED)).join(" → "), MAX_ITEM_TITLE);
    }
    const name: unknown = record.get(NAME_FIELD[kind]);
    // Bounded and cleaned: this copy leaves the document for history pages and summaries.
    const clean = typeof name === "string" ? cleanText(name, MAX_ITEM_TITLE).trim() : "";
    return clean || UNTITLED;
  }
}
