import * as idb from "lib0/indexeddb";
import { IndexeddbPersistence, clearDocument } from "y-indexeddb";
import type * as Y from "yjs";
import { BOARD_MAP } from "../../lib/model/docLayout";

/** Every cache this app writes starts with this, so signing out can find and delete them all. */
const PREFIX = "waymark:board:";
/** Key (in y-indexeddb's own "custom" store) of how many local changes the server has not confirmed. */
const PENDING_KEY = "pendingEdits";

/**
 * The cache is per account and per board: on a shared browser, one person's copy of a board
 * (and their unsent edits) is never loaded into another person's session.
 */
export function offlineCacheName(accountId: string, boardId: string): string {
  return `${PREFIX}${encodeURIComponent(accountId)}:${boardId}`;
}

/**
 * A board's document kept in this browser's IndexedDB (y-indexeddb), so edits made without a
 * connection survive a reload or a closed tab and reach the server on the next connection.
 */
export class OfflineCache {
  private readonly persistence: IndexeddbPersistence;
  private closed = false;
  /** Resolves once the stored copy is in the doc: true when it held a board (not a first visit). */
  readonly loaded: Promise<boolean>;

  constructor(
    readonly name: string,
    doc: Y.Doc,
  ) {
    this.persistence = new IndexeddbPersistence(name, doc);
    this.loaded = this.persistence.whenSynced.then(() => {
      // Another tab deleting the copy (signing out) closes this connection; stop writing then,
      // or every later edit would throw from y-indexeddb's update handler.
      this.persistence.db?.addEventListener("versionchange", () => this.close());
      return doc.getMap(BOARD_MAP).size > 0;
    });
  }

  /** Local changes the server had not confirmed when this copy was last written. */
  async pendingEdits(): Promise<number> {
    const value: unknown = await this.persistence.get(PENDING_KEY).catch(() => 0);
    return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : 0;
  }

  setPendingEdits(count: number): void {
    if (!this.closed) void this.persistence.set(PENDING_KEY, count).catch(() => undefined);
  }

  /** Stops writing; the copy stays for the next visit. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.persistence.destroy();
  }

  /** Stops writing and deletes the copy: the board is gone, or this account may not keep it. */
  async discard(): Promise<void> {
    this.closed = true;
    await this.persistence.destroy();
    await clearDocument(this.name).catch(() => undefined);
  }
}

async function existingDatabases(): Promise<string[] | null> {
  if (typeof indexedDB.databases !== "function") return null;
  const list = await indexedDB.databases().catch(() => null);
  return list ? list.flatMap((d) => (d.name ? [d.name] : [])) : null;
}

/**
 * Deletes a copy this session must not use (the account became read-only on the board) and
 * says how many unconfirmed local edits it held: edits the server will never accept.
 */
export async function discardOfflineCache(name: string): Promise<number> {
  const names = await existingDatabases();
  if (names && !names.includes(name)) return 0;
  let pending = 0;
  if (names) {
    try {
      const db = await idb.openDB(name, (created) => idb.createStores(created, [["updates", { autoIncrement: true }], ["custom"]]));
      const [custom] = idb.transact(db, ["custom"], "readonly");
      const value: unknown = await idb.get(custom!, PENDING_KEY);
      if (typeof value === "number" && value > 0) pending = value;
      db.close();
    } catch {
      // An unreadable copy is deleted all the same.
    }
  }
  await clearDocument(name).catch(() => undefined);
  return pending;
}

/** Deletes every board copy in this browser (signing out: the next person must not find them). */
export async function discardAllOfflineCaches(): Promise<void> {
  const names = await existingDatabases();
  await Promise.all((names ?? []).filter((n) => n.startsWith(PREFIX)).map((n) => clearDocument(n).catch(() => undefined)));
}
