import type { BoardId } from "../../lib/model/ids";

/** A board's row: what the home page lists. The roadmap itself lives in the update log. */
export interface BoardRecord {
  id: BoardId;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** What appending one board's updates did to its log. */
export interface AppendResult {
  /** Sequence number of the last row written; compaction folds rows up to it. */
  lastSeq: number;
  /** Rows in the board's log after the append (since the last snapshot). */
  logLength: number;
}

/** A board as storage holds it: what a room is loaded from. */
export interface StoredBoard {
  /** The snapshot (if any) followed by every logged update after it, in order. */
  updates: Uint8Array[];
  /** Rows in the log after the snapshot. */
  logLength: number;
  /**
   * The state vector of `updates[0]`, present when that is a snapshot stored with its vector:
   * reading it off a large snapshot instead takes longer than the rest of the load together.
   */
  snapshotStateVector?: Uint8Array;
  /**
   * For each of `updates`: whether it was checked against the board's layout when it was
   * written. Unchecked ones (older rows, rows written around the sync server) are checked when
   * the room builds the document, and stored bytes are served as they are only when all are.
   */
  checked: boolean[];
  /** The highest log sequence number the updates cover (the snapshot's or the last row's); 0 for none. */
  lastSeq?: number;
}

export interface BoardUpdates {
  boardId: BoardId;
  updates: Uint8Array[];
  /** Board title as the document now says, kept in the row for listings. */
  title?: string;
  /** The updates passed the sync server's layout check (docs/document-rules.md); default false. */
  checked?: boolean;
}

/**
 * Durable storage of boards and their Yjs update logs. Two functions matter for sync (load and
 * append, as in Hocuspocus's database extension); the rest keep the log short and the board
 * list readable. Implementations: SQLite (default) and, later, PostgreSQL.
 */
export interface BoardStore {
  /** `initialState` is the server's own (a template): stored as checked. */
  createBoard(board: { id: BoardId; title: string }, initialState: Uint8Array): Promise<BoardRecord>;
  getBoard(id: BoardId): Promise<BoardRecord | null>;
  /** Every board, scenarios (boards with a plan) left out. */
  listBoards(): Promise<BoardRecord[]>;
  loadUpdates(id: BoardId): Promise<StoredBoard>;
  /**
   * Appends updates of several boards in ONE durable transaction (one per server tick). Resolves
   * only once the data is committed: callers broadcast after this, never before.
   */
  appendUpdates(batch: BoardUpdates[]): Promise<Map<BoardId, AppendResult>>;
  /**
   * Replaces log rows up to `upToSeq` by `state`, which must include all of them; `stateVector`
   * is exactly `state`'s (Y.encodeStateVector of the document `state` was encoded from) and is
   * kept with it. `state` is stored as checked: it must come from a document built by a room
   * (whose content passed the layout check) or from Waymark's own commands.
   */
  compact(id: BoardId, state: Uint8Array, upToSeq: number, stateVector: Uint8Array): Promise<void>;
  /**
   * Keeps aside a stored update the room would not load (see docs/document-rules.md), once per
   * distinct update. The log row itself goes with the next compaction, which folds only what
   * the room loaded.
   */
  quarantine(id: BoardId, update: Uint8Array, reason: string): Promise<void>;
  /** What was kept aside for a board, oldest first (operators and tests). */
  listQuarantined(id: BoardId): Promise<{ data: Uint8Array; reason: string; at: string }[]>;
  close(): Promise<void>;
}
