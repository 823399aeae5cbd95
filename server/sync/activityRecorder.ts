import { randomBytes } from "node:crypto";
import type * as Y from "yjs";
import type { BoardId, UserId } from "../../lib/model/ids";
import { onBehalfOf } from "../../lib/model/origin";
import { HISTORY_MAX_FIELDS, PROPOSED_BY_FIELD, type FieldChange } from "../../lib/protocol/history";
import type { Logger } from "../log";
import { BURST_GAP_MS, type ActivityRecord, type ActivityStore } from "../storage/activityStore";
import { ChangeWatcher, type ChangeNote } from "./changeWatcher";
import { proposalAttribution } from "./origins";
import { userOf, type Peer } from "./peer";

/** How often waiting changes are looked at; a new burst is written at the first look. */
const TICK_MS = 1_000;
/** A burst that goes on is written again this long after its last row (under BURST_GAP_MS, so readers join the rows). */
const CONTINUE_AFTER_MS = (BURST_GAP_MS * 3) / 4;
/**
 * Bounds on what waits in memory. A row holds at most HISTORY_MAX_FIELDS fields of two values
 * of about HISTORY_VALUE_CHARS each (≈15 KB at worst, a few hundred bytes for a real edit).
 * Past MAX_WAITING rows (one hostile update touching thousands of objects) everything waiting
 * is written at once; past MAX_BURSTS remembered bursts the oldest is forgotten, and its next
 * change starts a new entry instead of continuing the old one.
 */
const MAX_WAITING = 2_000;
const MAX_BURSTS = 2_000;

interface Waiting {
  record: ActivityRecord;
  /** The burst's fields so far: the value before its first change, after its last. */
  fields: Map<string, FieldChange>;
  /** The latest change (ms since the epoch): the row's `at`. */
  atMs: number;
  /** When to write it (ms since the epoch). */
  due: number;
}

/** A burst written at least once, remembered while it may go on. */
interface Burst {
  id: string;
  /** When its last row was written (its latest change). */
  at: number;
  fields: Map<string, FieldChange>;
}

export interface ActivityRecorderOptions {
  boardId: BoardId;
  store: Pick<ActivityStore, "appendActivity">;
  log: Logger;
  /** The connection a transaction origin is, if it is one of the room's (else the server or storage wrote). */
  peerOf(origin: unknown): Peer | undefined;
  /** The clock (tests); `at` of every record. */
  now?: () => Date;
}

/**
 * Watches a room's document and writes who added, moved, edited or deleted which object (items,
 * milestones, lanes, phases, dependencies, the board's settings) and each changed field's value
 * before and after, for each object's history and "what changed since your last visit". Only
 * edits that arrive from a signed-in user's connection count, and server writes made on a
 * person's behalf (serverOriginFor); loads from storage and other server-made writes do not,
 * and guests cannot write at all.
 *
 * Changes wait in memory and are written in batches a moment later, after the edit was already
 * committed and sent on: recording never delays sync, and a failed write is logged, never thrown
 * into the room. The same person, object and kind waiting is one row with the latest time, the
 * first "before" and the last "after" of each field. The first change of a burst is written
 * within a second, so a summary soon shows it; while the burst goes on (a drag, a description
 * typed key by key), a row with its latest time follows at most every 45 s instead of every
 * second, holding the whole burst so far under the burst's id: history shows a burst's last
 * row. Rows of one burst are thus always under BURST_GAP_MS apart and bursts at least that far
 * apart, and the summary folds rows into edits by that gap (summarizeChanges): the history stays
 * append-only and works across restarts.
 */
export class ActivityRecorder {
  private readonly watcher: ChangeWatcher;
  private readonly waiting = new Map<string, Waiting>();
  /** Recent bursts, to tell a burst going on from a new one and to carry its first "before" values. */
  private readonly bursts = new Map<string, Burst>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    doc: Y.Doc,
    private readonly options: ActivityRecorderOptions,
  ) {
    this.watcher = new ChangeWatcher(doc, options.boardId, this.onNotes);
  }

  /** Writes everything waiting now; settles once it is stored (or the failure is logged). */
  flush(): Promise<void> {
    return this.write(() => true);
  }

  /** Stops watching and writes what is left (the board unloads or the server stops). */
  close(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.watcher.stop();
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    return this.flush();
  }

  /** The board was deleted: nothing more is written for it. */
  discard(): void {
    this.waiting.clear();
    void this.close();
  }

  private readonly onNotes = (notes: ChangeNote[], transaction: Y.Transaction): void => {
    try {
      const peer = this.options.peerOf(transaction.origin);
      const proposal = peer ? null : proposalAttribution(transaction.origin);
      // A server write made for a person (serverOriginFor, proposalOrigin) is theirs, as if they had made it.
      const user = peer ? userOf(peer) : (onBehalfOf(transaction.origin) as UserId | null);
      const at = this.now();
      for (const change of notes) {
        if (user) this.note(user, proposal ? withProposer(change, proposal.author) : withoutProposer(change), at);
        if (change.kind === "deleted") this.watcher.forget(change.objectKind, change.objectId);
      }
      if (this.waiting.size > MAX_WAITING) void this.flush();
    } catch (error) {
      // Runs inside the room's applyUpdate: a throw here would close the sender's connection.
      this.options.log.error({ board: this.options.boardId, err: String(error) }, "activity recorder failed on an update");
    }
  };

  private note(userId: UserId, change: ChangeNote, at: Date): void {
    // An accepted proposal is its own entry, never folded into the accepter's own edits.
    const via = change.fields.find((f) => f.field === PROPOSED_BY_FIELD)?.after;
    const key = `${userId}\n${change.objectKind}\n${change.objectId}\n${change.kind}${via ? `\n${String(via)}` : ""}`;
    const atMs = at.getTime();
    let waiting = this.waiting.get(key);
    if (!waiting) {
      const burst = this.bursts.get(key);
      const goesOn = burst !== undefined && atMs - burst.at < BURST_GAP_MS;
      const { objectKind, objectId, kind, title } = change;
      waiting = {
        record: { boardId: this.options.boardId, userId, objectKind, objectId, kind, title, at: "", burst: goesOn ? burst.id : newBurstId() },
        // A copy: the remembered burst keeps what was written.
        fields: goesOn ? new Map([...burst.fields].map(([f, c]) => [f, { ...c }])) : new Map(),
        atMs,
        due: goesOn ? burst.at + CONTINUE_AFTER_MS : 0,
      };
      this.waiting.set(key, waiting);
    } else {
      waiting.atMs = atMs;
      waiting.record.title = change.title;
    }
    for (const field of change.fields) {
      const seen = waiting.fields.get(field.field);
      if (seen) seen.after = field.after;
      // Past the bound it is junk a client wrote (a record has far fewer fields): dropped.
      else if (waiting.fields.size < HISTORY_MAX_FIELDS) waiting.fields.set(field.field, { ...field });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.stopped || !this.waiting.size) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = this.now().getTime();
      void this.write((w) => w.due <= now);
      this.schedule();
    }, TICK_MS);
    this.timer.unref();
  }

  /** Writes the waiting records `due` picks, in one batch, behind earlier batches. */
  private write(due: (w: Waiting) => boolean): Promise<void> {
    const batch: ActivityRecord[] = [];
    for (const [key, w] of this.waiting) {
      if (!due(w)) continue;
      this.waiting.delete(key);
      this.remember(key, { id: w.record.burst!, at: w.atMs, fields: w.fields });
      const { record } = w;
      // Titles as they are now: an object added as "New item" and renamed a moment later is
      // remembered by its name.
      const title = record.kind === "deleted" ? record.title : this.watcher.titleOf(record.objectKind ?? "item", record.objectId, record.title);
      batch.push({ ...record, title, at: new Date(w.atMs).toISOString(), fields: [...w.fields.values()] });
    }
    const now = this.now().getTime();
    for (const [key, burst] of this.bursts) if (now - burst.at >= BURST_GAP_MS) this.bursts.delete(key);
    if (batch.length) {
      const { store, log, boardId } = this.options;
      this.writing = this.writing.then(() =>
        store.appendActivity(batch).catch((error: unknown) => {
          log.error({ board: boardId, records: batch.length, err: String(error) }, "could not record board activity");
        }),
      );
    }
    return this.writing;
  }

  private remember(key: string, burst: Burst): void {
    // Re-inserted, so the map's order is oldest write first and the bound drops the oldest.
    this.bursts.delete(key);
    this.bursts.set(key, burst);
    if (this.bursts.size > MAX_BURSTS) this.bursts.delete(this.bursts.keys().next().value!);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** The change with the proposer's mark (PROPOSED_BY_FIELD), first so no bound drops it. */
function withProposer(change: ChangeNote, author: UserId): ChangeNote {
  return { ...change, fields: [{ field: PROPOSED_BY_FIELD, before: null, after: author }, ...change.fields] };
}

/** A client that writes a field of that name into the document does not get to name a proposer. */
function withoutProposer(change: ChangeNote): ChangeNote {
  return change.fields.some((f) => f.field === PROPOSED_BY_FIELD) ? { ...change, fields: change.fields.filter((f) => f.field !== PROPOSED_BY_FIELD) } : change;
}

/**
 * Burst ids: 72 random bits per process, then a count. Unique across restarts and instances
 * without a random draw per burst (a draw per id was the recorder's largest cost per edit).
 */
const BURST_PREFIX = randomBytes(9).toString("base64url");
let burstCount = 0;
const newBurstId = (): string => `${BURST_PREFIX}${(++burstCount).toString(36)}`;
