import type { BoardId, UserId } from "../../lib/model/ids";

/** Why a version exists: a person saved it, or the server took it (docs/history.md). */
export type VersionReason = "named" | "quiet" | "daily" | "restore" | "import" | "workshop" | "scenario";

/** A saved state of a board, without the state itself (what lists show). */
export interface VersionRecord {
  id: string;
  boardId: BoardId;
  /** Named versions have a name and are kept; automatic ones have none and thin out with age. */
  name: string | null;
  note: string | null;
  reason: VersionReason;
  /** Who saved it, or who made the edit that triggered an automatic one; null for the server's own. */
  authorId: UserId | null;
  createdAt: string;
  /**
   * The last update-log row committed when it was taken: replaying rows after it from the
   * recorded history gives any later moment (loadHistory).
   */
  seq: number;
  /** Stored size of the state, compressed. */
  bytes: number;
}

/** One recorded document update, in the order it was committed. */
export interface HistoryRow {
  seq: number;
  at: string;
  data: Uint8Array;
}

/**
 * Versions of boards, the board's baseline, and the recorded updates between versions. Both
 * backends implement it; the services compress states before they come here, so the store
 * keeps bytes as given.
 */
export interface VersionStore {
  /** Stores a version; resolves once committed. Skipped (null) when the board is gone. */
  saveVersion(record: Omit<VersionRecord, "bytes">, state: Uint8Array): Promise<VersionRecord | null>;
  /** Newest first. */
  listVersions(boardId: BoardId): Promise<VersionRecord[]>;
  getVersion(boardId: BoardId, versionId: string): Promise<VersionRecord | null>;
  loadVersionState(boardId: BoardId, versionId: string): Promise<Uint8Array | null>;
  /** Names (which keeps the version), renames or re-notes; null when there is no such version. */
  updateVersion(boardId: BoardId, versionId: string, patch: { name?: string; note?: string | null }): Promise<VersionRecord | null>;
  /** Deletes the given versions of the board (never the baseline: callers check). */
  deleteVersions(boardId: BoardId, versionIds: string[]): Promise<void>;
  /** The board's baseline version id, or null. */
  getBaseline(boardId: BoardId): Promise<string | null>;
  /** Sets or clears the baseline; false when the version is not the board's. */
  setBaseline(boardId: BoardId, versionId: string | null): Promise<boolean>;
  /**
   * Recorded updates with seq > afterSeq committed at or before `until`, oldest first, at most
   * `limit`: from the kept history and the live log alike.
   */
  loadHistory(boardId: BoardId, afterSeq: number, until: string, limit: number): Promise<HistoryRow[]>;
  /** Forgets recorded history committed before `before` (versions stand in for it then). */
  pruneHistory(boardId: BoardId, before: string): Promise<void>;
}
