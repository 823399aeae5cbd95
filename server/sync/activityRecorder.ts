import * as Y from "yjs";
import { collection } from "../../lib/model/docLayout";
import type { BoardId, UserId } from "../../lib/model/ids";
import type { ActivityKind } from "../../lib/protocol/comments";
import type { Logger } from "../log";
import { BURST_GAP_MS, type ActivityRecord, type ActivityStore } from "../storage/activityStore";
import { cleanText, MAX_ITEM_TITLE } from "../../lib/model/plainText";
import { userOf, type Peer } from "./peer";

/** Fields whose change puts an item somewhere else on the timeline or the phase board; any other field is an edit. */
const MOVE_FIELDS: ReadonlySet<string> = new Set(["start", "duration", "laneId", "phaseId", "order"]);
const UNTITLED = "Untitled";
/** How often waiting changes are looked at; a new burst is written at the first look. */
const TICK_MS = 1_000;
/** A burst that goes on is written again this long after its last row (under BURST_GAP_MS, so readers join the rows). */
const CONTINUE_AFTER_MS = (BURST_GAP_MS * 3) / 4;

interface Waiting {
  record: ActivityRecord;
  /** When to write it (ms since the epoch). */
  due: number;
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
 * Watches a room's items and writes who added, moved, edited or deleted which item, for "what
 * changed since your last visit". Only edits that arrive from a signed-in user's connection
 * count; loads from storage and server-made writes do not, and guests cannot write at all.
 *
 * Changes wait in memory and are written in batches a moment later, after the edit was already
 * committed and sent on: recording never delays sync, and a failed write is logged, never thrown
 * into the room. The same person, item and kind waiting is one row with the latest time. The
 * first change of a burst is written within a second, so a summary soon shows it; while the
 * burst goes on (a description typed key by key), a row with its latest time follows at most
 * every 45 s instead of every second. Rows of one burst are thus always under BURST_GAP_MS
 * apart and bursts at least that far apart, and readers fold rows into edits by that gap
 * (summarizeChanges): the history stays append-only and works across restarts.
 */
export class ActivityRecorder {
  private readonly items: Y.Map<unknown>;
  /** Each item's latest title: a deleted item's Y.Map no longer holds one. */
  private readonly titles = new Map<string, string>();
  private readonly waiting = new Map<string, Waiting>();
  /** When each recent burst last got a row, to tell a burst going on from a new one. */
  private readonly lastWritten = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    doc: Y.Doc,
    private readonly options: ActivityRecorderOptions,
  ) {
    this.items = collection(doc, "items") as Y.Map<unknown>;
    for (const id of this.items.keys()) this.refreshTitle(id);
    this.items.observeDeep(this.onChange);
  }

  /** Writes everything waiting now; settles once it is stored (or the failure is logged). */
  flush(): Promise<void> {
    return this.write(() => true);
  }

  /** Stops watching and writes what is left (the board unloads or the server stops). */
  close(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.items.unobserveDeep(this.onChange);
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

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
    try {
      const peer = this.options.peerOf(transaction.origin);
      const user = peer ? userOf(peer) : null;
      const at = this.now();
      for (const event of events) {
        for (const [itemId, kind] of this.classify(event)) {
          if (user) this.note(user, itemId, kind, at);
          if (kind === "deleted") this.titles.delete(itemId);
        }
      }
    } catch (error) {
      // Runs inside the room's applyUpdate: a throw here would close the sender's connection.
      this.options.log.error({ board: this.options.boardId, err: String(error) }, "activity recorder failed on an update");
    }
  };

  /** What one Yjs event did to which items; keeps the title cache current on the way. */
  private classify(event: Y.YEvent<Y.AbstractType<unknown>>): [string, ActivityKind][] {
    const out: [string, ActivityKind][] = [];
    if (event.target === this.items) {
      for (const [itemId, change] of event.changes.keys) {
        if (change.action === "delete") {
          if (this.titles.has(itemId)) out.push([itemId, "deleted"]);
        } else if (this.refreshTitle(itemId)) {
          // "update" is a whole item replaced under the same id: its content changed.
          out.push([itemId, change.action === "add" ? "added" : "edited"]);
        }
      }
      return out;
    }
    const itemId = event.path[0];
    if (typeof itemId !== "string" || !this.refreshTitle(itemId)) return out;
    if (event.path.length === 1 && event instanceof Y.YMapEvent) {
      const keys = [...event.keysChanged];
      if (keys.some((k) => MOVE_FIELDS.has(k))) out.push([itemId, "moved"]);
      if (keys.some((k) => !MOVE_FIELDS.has(k))) out.push([itemId, "edited"]);
    } else {
      // Deeper down is the rich-text description.
      out.push([itemId, "edited"]);
    }
    return out;
  }

  /** Caches the item's current title; false when the id holds no item (junk a client wrote). */
  private refreshTitle(itemId: string): boolean {
    const map = this.items.get(itemId);
    if (!(map instanceof Y.Map)) return false;
    const title: unknown = map.get("title");
    // Bounded and cleaned: this copy leaves the document for the "changes since" summaries.
    const clean = typeof title === "string" ? cleanText(title, MAX_ITEM_TITLE).trim() : "";
    this.titles.set(itemId, clean || UNTITLED);
    return true;
  }

  private note(userId: UserId, itemId: string, kind: ActivityKind, at: Date): void {
    const key = `${userId}\n${itemId}\n${kind}`;
    const title = this.titles.get(itemId) ?? UNTITLED;
    const record: ActivityRecord = { boardId: this.options.boardId, userId, itemId, kind, title, at: at.toISOString() };
    const waiting = this.waiting.get(key);
    if (waiting) {
      waiting.record = record;
    } else {
      const last = this.lastWritten.get(key);
      const goesOn = last !== undefined && at.getTime() - last < BURST_GAP_MS;
      this.waiting.set(key, { record, due: goesOn ? last + CONTINUE_AFTER_MS : 0 });
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
      this.lastWritten.set(key, Date.parse(w.record.at));
      // Titles as they are now: an item added as "New item" and renamed a moment later is
      // remembered by its name.
      batch.push(w.record.kind === "deleted" ? w.record : { ...w.record, title: this.titles.get(w.record.itemId) ?? w.record.title });
    }
    const now = this.now().getTime();
    for (const [key, last] of this.lastWritten) if (now - last >= BURST_GAP_MS) this.lastWritten.delete(key);
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

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
