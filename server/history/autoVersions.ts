import * as Y from "yjs";
import type { BoardId, UserId } from "../../lib/model/ids";
import type { Logger } from "../log";
import type { VersionReason, VersionRecord, VersionStore } from "../storage/versionStore";
import { newVersionId } from "./versionIds";
import { packStateAsync } from "./versionState";
import { KEEP_ALL_DAYS, versionsToThin } from "./thinning";

/** Editing that resumes after this long without an edit first saves the board as it was. */
export const QUIET_MS = 30 * 60_000;
const DAY_MS = 86_400_000;

export interface BoardVersionerDeps {
  boardId: BoardId;
  store: VersionStore;
  log: Pick<Logger, "error" | "debug">;
  /** The signed-in person a transaction's origin is (one of the room's connections), else null. */
  userOf(origin: unknown): UserId | null;
  /** The last update-log row the document is known to hold (the room's own commits and its load). */
  position(): number;
  /**
   * When the board was last edited before it was loaded (the board row's updated time), read in
   * the background; an edit that arrives before the answer starts the quiet from itself.
   */
  lastEditedAt: () => Promise<string | null>;
  now?: () => Date;
}

/**
 * Takes a board's versions: the automatic ones (docs/history.md), when a person's edit arrives
 * after 30 minutes of quiet or as the first of a UTC day, of the board as it was just BEFORE
 * that edit (Yjs's beforeTransaction: the state is encoded before the edit is applied), and the
 * ones the services ask for (named, before a restore or an import). Saving is off the edit's
 * path: the state is encoded at once (a consistent picture), compressed and stored a moment
 * later; a failure is logged, never thrown into the room. After each automatic version, old
 * automatic versions thin out and recorded history older than a week is pruned.
 */
export class BoardVersioner {
  private lastEdit: number | null;
  /** Settles once the board's last edit before the load is known (tests). */
  readonly known: Promise<void>;
  private saving: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly deps: BoardVersionerDeps,
  ) {
    this.lastEdit = null;
    this.known = deps.lastEditedAt().then(
      (at) => {
        if (this.lastEdit === null && at) this.lastEdit = Date.parse(at);
      },
      (error: unknown) => deps.log.error({ board: deps.boardId, err: String(error) }, "could not read when the board was last edited"),
    );
    doc.on("beforeTransaction", this.beforeTransaction);
  }

  /** Saves the board as it is now; resolves with the stored version (null if the board is gone). */
  take(reason: VersionReason, authorId: UserId | null, named?: { name: string; note: string | null }): Promise<VersionRecord | null> {
    const state = Y.encodeStateAsUpdate(this.doc);
    const record: Omit<VersionRecord, "bytes"> = {
      id: newVersionId(),
      boardId: this.deps.boardId,
      name: named?.name ?? null,
      note: named?.note ?? null,
      reason,
      authorId,
      createdAt: this.now().toISOString(),
      seq: this.deps.position(),
    };
    const saved = packStateAsync(state).then((packed) => this.deps.store.saveVersion(record, packed));
    this.saving = saved.catch(() => undefined);
    return saved;
  }

  /** Settles once every version taken so far is stored or has failed (tests, unload). */
  async settled(): Promise<void> {
    await this.saving;
  }

  stop(): void {
    this.stopped = true;
    this.doc.off("beforeTransaction", this.beforeTransaction);
  }

  private readonly beforeTransaction = (transaction: Y.Transaction): void => {
    if (this.stopped) return;
    try {
      const user = this.deps.userOf(transaction.origin);
      if (!user) return;
      const now = this.now().getTime();
      const last = this.lastEdit;
      this.lastEdit = now;
      const reason = last === null ? null : now - last >= QUIET_MS ? "quiet" : Math.floor(now / DAY_MS) !== Math.floor(last / DAY_MS) ? "daily" : null;
      if (!reason) return;
      void this.take(reason, user).then(
        () => this.thin(),
        (error: unknown) => this.deps.log.error({ board: this.deps.boardId, err: String(error) }, "automatic version failed"),
      );
    } catch (error) {
      // Runs inside the room's applyUpdate: a throw here would close the sender's connection.
      this.deps.log.error({ board: this.deps.boardId, err: String(error) }, "automatic version failed");
    }
  };

  private async thin(): Promise<void> {
    const { store, boardId } = this.deps;
    try {
      const now = this.now();
      const [versions, baseline] = await Promise.all([store.listVersions(boardId), store.getBaseline(boardId)]);
      await store.deleteVersions(boardId, versionsToThin(versions, now, baseline));
      await store.pruneHistory(boardId, new Date(now.getTime() - KEEP_ALL_DAYS * DAY_MS).toISOString());
    } catch (error) {
      this.deps.log.error({ board: boardId, err: String(error) }, "thinning versions failed");
    }
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}
