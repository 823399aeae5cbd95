import * as Y from "yjs";
import type { ItemId } from "../../../lib/model/ids";
import { createItem, updateItem } from "../../../lib/model/itemCommands";
import { createOrigin, type CommandOrigin } from "../../../lib/model/origin";
import type { BenchClient } from "./benchClient";
import { wallNow, type SeenStamps, type SentEdit } from "./types";

/**
 * Edits carry their send time in the title they write: `Task of <key> #<sequence>@<wall clock
 * ms>`. The stamp is part of the roadmap change itself (Waymark refuses content outside the
 * board's layout, such as a map of stamps beside it), so it arrives exactly when the edit does.
 */
const STAMPED_TITLE = /^Task of (\S+) #(\d+)@(\d+(?:\.\d+)?)$/;

export interface Window {
  from: number;
  to: number;
}

/** What a worker's clients saw during the measured window. */
export class ArrivalLog {
  readonly sent: SentEdit[] = [];
  readonly seen: SeenStamps = {};

  constructor(readonly window: Window) {}

  inWindow(t: number): boolean {
    return t >= this.window.from && t < this.window.to;
  }

  saw(receiver: string, sender: string, seq: number, at: number): void {
    if (at < this.window.from) return;
    ((this.seen[receiver] ??= {})[sender] ??= []).push(seq, at);
  }
}

/**
 * One person's behaviour: owns one roadmap item and edits it (a named command, as a person's
 * gesture would: a rename through `updateItem`) at a steady rate, moves a cursor, and notes
 * when the other people's edits reach it.
 */
export class Participant {
  private readonly origin: CommandOrigin;
  private readonly items: Y.Map<Y.Map<unknown>>;
  private itemId: ItemId | null = null;
  private seq = 0;
  /** The pending timer of each schedule (edits, cursor). */
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly key: string,
    readonly client: BenchClient,
  ) {
    this.origin = createOrigin("local", key);
    this.items = client.doc.getMap<Y.Map<unknown>>("items");
  }

  /** Creates the item this person will edit (before the run, so edits are all alike). */
  createOwnItem(): void {
    const created = createItem(this.client.doc, this.origin, { title: `Task of ${this.key}` });
    if (!created.ok) throw new Error(created.error);
    this.itemId = created.value;
  }

  /** Starts noting arrivals of others' edits sent within the log's window. */
  listen(log: ArrivalLog): void {
    this.items.observeDeep((events, transaction) => {
      if (transaction.local) return;
      const now = wallNow();
      for (const event of events) {
        if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has("title")) continue;
        const stamp = STAMPED_TITLE.exec(String((event.target as Y.Map<unknown>).get("title")));
        if (stamp) log.saw(this.key, stamp[1]!, Number(stamp[2]), now);
      }
    });
  }

  /**
   * Edits `perSecond` times a second and moves the cursor `cursorHz` times a second until
   * `log.window.to`, each on a fixed schedule from a random phase (so a thousand people do not
   * all type on the same millisecond), catching up rather than drifting when a timer is late.
   */
  run(log: ArrivalLog, perSecond: number, cursorHz: number): void {
    if (perSecond > 0) this.every("edit", 1000 / perSecond, log.window.to, () => this.edit(log));
    if (cursorHz > 0) this.every("cursor", 1000 / cursorHz, log.window.to, () => this.moveCursor());
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private edit(log: ArrivalLog): void {
    if (!this.itemId) throw new Error("createOwnItem first");
    const seq = ++this.seq;
    const t = wallNow();
    const doc = this.client.doc;
    const updated = updateItem(doc, this.origin, this.itemId!, { title: `Task of ${this.key} #${seq}@${t}` });
    if (!updated.ok) throw new Error(updated.error);
    if (log.inWindow(t)) log.sent.push({ sender: this.key, seq, t });
  }

  private moveCursor(): void {
    this.client.awareness.setLocalStateField("cursor", { x: Math.round(Math.random() * 1600), y: Math.round(Math.random() * 900) });
  }

  private every(name: string, intervalMs: number, until: number, act: () => void): void {
    let next = wallNow() + Math.random() * intervalMs;
    const schedule = () => this.timers.set(name, setTimeout(tick, Math.max(0, next - wallNow())));
    const tick = () => {
      if (wallNow() >= until) return void this.timers.delete(name);
      act();
      next += intervalMs;
      // A late timer fires the missed beat at once rather than dropping it: the rate is the rate.
      schedule();
    };
    schedule();
  }
}
