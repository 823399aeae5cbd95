import * as Y from "yjs";
import { boardMap, collection, COLLECTIONS, type CollectionName } from "./docLayout";
import { internRecord, type FindId, type NamePool } from "./intern";
import {
  byId,
  byOrderThenId,
  compareProblems,
  readBoardSettings,
  readCollectionEntry,
  readSnapshot,
  referencesOf,
  type BoardSnapshot,
  type CollectionRecords,
  type SnapshotProblem,
} from "./snapshot";

type PerCollection<T> = { [C in CollectionName]: T };
type Records = { [C in CollectionName]: Map<string, CollectionRecords[C]> };
const perCollection = <T>(make: () => T): PerCollection<T> =>
  Object.fromEntries(COLLECTIONS.map((name) => [name, make()])) as PerCollection<T>;

/** Above this many changes in one collection, re-sorting it beats patching it. */
const PATCH_LIMIT = 64;

/**
 * A BoardSnapshot kept up to date from Yjs events. Where readSnapshot reads every record on
 * every change (tens of milliseconds at 10,000 items), this re-reads only the records an event
 * touched, re-checks only the references that can have changed, and builds a new snapshot
 * object in which every unchanged record, and every unchanged collection array, keeps its
 * identity, so derivations can tell at a glance what they may reuse.
 *
 * Its snapshot always equals readSnapshot(doc), byte for byte once serialized.
 */
export class LiveSnapshot {
  private readonly records: Records = perCollection(() => new Map()) as Records;
  /** Problems found reading each record (only records that have some). */
  private readonly readProblems = perCollection(() => new Map<string, SnapshotProblem[]>());
  /** Missing references of each record (only records that have some). */
  private readonly refProblems = perCollection(() => new Map<string, SnapshotProblem[]>());
  /**
   * "collection:id" of a target → "collection:id" of the records that refer to it. Built on the
   * first change (a read-only snapshot never needs it), kept up to date from then on.
   */
  private referrers: Map<string, Set<string>> | null = null;
  private boardProblems: SnapshotProblem[] = [];
  private readonly pending = { board: false, ids: perCollection(() => new Set<string>()) };
  private dirty = false;
  private current!: BoardSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];
  /** Owner names seen, for interning (see intern.ts); ids are interned against `records`. */
  private readonly names: NamePool = new Map();
  private readonly findId: FindId = (name, id) => this.records[name].get(id)?.id;

  constructor(readonly doc: Y.Doc) {
    // The first read is readSnapshot's, whole: the same records, problems and order by
    // construction, and as fast as a full read gets (a past board on the server is built from
    // a version and read once, docs/history.md). What only later changes need, the index of
    // who refers to whom, waits for the first change (indexReferences).
    this.current = readSnapshot(doc);
    for (const name of COLLECTIONS) {
      const records = this.records[name] as Map<string, { id: string }>;
      for (const record of this.current[name]) records.set(record.id, record);
    }
    for (const problem of this.current.problems) {
      if (problem.collection === "board") this.boardProblems.push(problem);
      else {
        const lists = problem.kind === "missing-reference" ? this.refProblems : this.readProblems;
        const list = lists[problem.collection].get(problem.id);
        if (list) list.push(problem);
        else lists[problem.collection].set(problem.id, [problem]);
      }
    }
    this.listen();
  }

  /** The board as of the last transaction; a new object after each change, the same one otherwise. */
  get snapshot(): BoardSnapshot {
    if (this.dirty) this.flush();
    return this.current;
  }

  /** Calls `listener` after each transaction that changed what the snapshot holds. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops listening to the document. */
  destroy(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.listeners.clear();
  }

  private listen(): void {
    const board = boardMap(this.doc);
    const onBoard = () => {
      this.pending.board = this.dirty = true;
    };
    board.observeDeep(onBoard);
    this.stops.push(() => board.unobserveDeep(onBoard));
    for (const name of COLLECTIONS) {
      const map = collection(this.doc, name);
      const ids = this.pending.ids[name];
      const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        for (const event of events) {
          if (event.target === map) for (const id of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(id);
          // A field of a record changed. Deeper events (inside a description, or inside a
          // nested type someone stored in a field) cannot change the snapshot: it reads nested
          // types as missing fields.
          else if (event.path.length === 1) ids.add(String(event.path[0]));
          else continue;
          this.dirty = true;
        }
      };
      map.observeDeep(onChange);
      this.stops.push(() => map.unobserveDeep(onChange));
    }
    const afterTransaction = () => {
      if (this.dirty) for (const listener of [...this.listeners]) listener();
    };
    this.doc.on("afterTransaction", afterTransaction);
    this.stops.push(() => this.doc.off("afterTransaction", afterTransaction));
  }

  /** Applies the pending changes: re-reads what changed, keeps everything else as it was. */
  private flush(): void {
    this.dirty = false;
    const referrers = this.indexReferences();
    const before = this.current;
    let board = before.board;
    let problemsChanged = false;
    if (this.pending.board) {
      this.pending.board = false;
      const problems: SnapshotProblem[] = [];
      const read = readBoardSettings(this.doc, problems);
      if (JSON.stringify(read) !== JSON.stringify(board)) board = read;
      if (!sameProblems(problems, this.boardProblems)) {
        this.boardProblems = problems;
        problemsChanged = true;
      }
    }
    const changed = perCollection(() => new Set<string>());
    const toRecheck = new Set<string>();
    for (const name of COLLECTIONS) {
      const map = collection(this.doc, name);
      for (const id of this.pending.ids[name]) {
        const outcome = this.reread(name, id, map.has(id) ? map.get(id) : absent, referrers);
        problemsChanged ||= outcome.problemsChanged;
        if (!outcome.recordChanged) continue;
        changed[name].add(id);
        for (const referrer of outcome.referrers) toRecheck.add(referrer);
      }
      this.pending.ids[name].clear();
    }
    for (const key of toRecheck) {
      const at = key.indexOf(":");
      problemsChanged = this.recheck(key.slice(0, at) as CollectionName, key.slice(at + 1)) || problemsChanged;
    }
    this.current = {
      board,
      lanes: changed.lanes.size ? [...this.records.lanes.values()].sort(byOrderThenId) : before.lanes,
      phases: changed.phases.size ? [...this.records.phases.values()].sort(byOrderThenId) : before.phases,
      items: this.patch("items", before.items, changed.items),
      dependencies: this.patch("dependencies", before.dependencies, changed.dependencies),
      milestones: this.patch("milestones", before.milestones, changed.milestones),
      problems: problemsChanged ? this.allProblems() : before.problems,
    };
  }

  /**
   * Re-reads one entry and updates the record, its problems and the reference index. Returns
   * whether the record changed (a record equal to the one held keeps its identity) and which
   * records must re-check their references because of it.
   */
  private reread<C extends CollectionName>(name: C, id: string, value: unknown, index: Map<string, Set<string>>) {
    const problems: SnapshotProblem[] = [];
    const old = this.records[name].get(id);
    let record = value === absent ? undefined : readCollectionEntry(name, id, value, problems);
    const problemsChanged = replaceList(this.readProblems[name], id, problems);
    if (record) {
      // Same values, shared strings: the id the record had, references as the targets' ids.
      if (old) (record as { id: string }).id = old.id;
      internRecord(name, record, this.findId, this.names);
    }
    if (record && old && JSON.stringify(record) === JSON.stringify(old)) record = old;
    if (record === old) return { recordChanged: false, problemsChanged, referrers: [] as string[] };
    const self = `${name}:${id}`;
    // Records pointing at this one gain or lose their target when it appears or disappears.
    const referrers = (old === undefined) !== (record === undefined) ? [...(index.get(self) ?? [])] : [];
    referrers.push(self);
    if (old) for (const ref of referencesOf(name, old)) index.get(`${ref.targetCollection}:${ref.targetId}`)?.delete(self);
    if (record) {
      (this.records[name] as Map<string, CollectionRecords[C]>).set(id, record);
      addReferrer(index, name, record);
    } else this.records[name].delete(id);
    return { recordChanged: true, problemsChanged, referrers };
  }

  /**
   * The referrers index, built from the records on first need, and the owner names seen so
   * far (so a re-read record shares their strings, intern.ts).
   */
  private indexReferences(): Map<string, Set<string>> {
    if (this.referrers) return this.referrers;
    const index = new Map<string, Set<string>>();
    for (const name of COLLECTIONS) for (const record of this.records[name].values()) addReferrer(index, name, record);
    for (const item of this.records.items.values()) for (const owner of item.owners) if (!this.names.has(owner)) this.names.set(owner, owner);
    return (this.referrers = index);
  }

  /** Re-checks one record's references; returns whether its missing-reference problems changed. */
  private recheck(name: CollectionName, id: string): boolean {
    const record = this.records[name].get(id);
    const problems: SnapshotProblem[] = [];
    if (record) {
      for (const { field, targetCollection, targetId } of referencesOf(name, record)) {
        if (!this.records[targetCollection].has(targetId)) {
          problems.push({ kind: "missing-reference", collection: name, id, field, targetCollection, targetId });
        }
      }
    }
    return replaceList(this.refProblems[name], id, problems);
  }

  /** A collection sorted by id with a few records replaced, added or removed, in place of re-sorting. */
  private patch<C extends "items" | "dependencies" | "milestones">(name: C, before: CollectionRecords[C][], ids: Set<string>): CollectionRecords[C][] {
    if (ids.size === 0) return before;
    const records = this.records[name] as Map<string, CollectionRecords[C]>;
    if (ids.size > PATCH_LIMIT) return [...records.values()].sort(byId);
    const out = before.slice();
    for (const id of ids) {
      const record = records.get(id);
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (out[mid]!.id < id) lo = mid + 1;
        else hi = mid;
      }
      const found = lo < out.length && out[lo]!.id === id;
      if (record && found) out[lo] = record;
      else if (record) out.splice(lo, 0, record);
      else if (found) out.splice(lo, 1);
    }
    return out;
  }

  private allProblems(): SnapshotProblem[] {
    const all = [...this.boardProblems];
    for (const name of COLLECTIONS) {
      for (const list of this.readProblems[name].values()) all.push(...list);
      for (const list of this.refProblems[name].values()) all.push(...list);
    }
    return all.sort(compareProblems);
  }
}

/** Marks an entry that is not in its collection (deleted), as opposed to one holding junk. */
const absent = Symbol("absent");

/** Records `record` (of collection `name`) as a referrer of each record it points at. */
function addReferrer<C extends CollectionName>(index: Map<string, Set<string>>, name: C, record: CollectionRecords[C]): void {
  const self = `${name}:${record.id}`;
  for (const ref of referencesOf(name, record)) {
    const target = `${ref.targetCollection}:${ref.targetId}`;
    let set = index.get(target);
    if (!set) index.set(target, (set = new Set()));
    set.add(self);
  }
}

/** Stores a non-empty list (or removes the entry); returns whether it differs from before. */
function replaceList(map: Map<string, SnapshotProblem[]>, id: string, list: SnapshotProblem[]): boolean {
  const old = map.get(id);
  if (list.length) map.set(id, list);
  else map.delete(id);
  return old === undefined ? list.length > 0 : !sameProblems(old, list);
}

/**
 * Whether two lists hold the same problems, in any order: a record's problems come in the
 * order they are found when it is re-read, in the snapshot's order after the first read.
 */
function sameProblems(a: readonly SnapshotProblem[], b: readonly SnapshotProblem[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  return JSON.stringify([...a].sort(compareProblems)) === JSON.stringify([...b].sort(compareProblems));
}
