import * as Y from "yjs";
import { LiveSnapshot } from "../../lib/model/liveSnapshot";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { HistoryRow, VersionRecord } from "../storage/versionStore";
import { docFromState, unpackState } from "./versionState";

/** Recorded updates replayed at most for one moment: beyond, the answer says it is partial. */
export const MAX_REPLAY_ROWS = 100_000;

interface Replay {
  baseId: string | null;
  doc: Y.Doc;
  live: LiveSnapshot;
  /** The last recorded row applied, and the moment the replay has reached. */
  seq: number;
  at: string;
  usedAt: number;
}

export interface PastSources {
  /** The version the moment is replayed from (the latest at or before it), or null for the board's first row. */
  base: VersionRecord | null;
  loadState(): Promise<Uint8Array | null>;
  loadRows(afterSeq: number, until: string, limit: number): Promise<HistoryRow[]>;
}

/**
 * The board at past moments (docs/history.md): a version's document with the recorded updates
 * after it applied up to the moment. Building a large board's document is most of the cost
 * (most of a second at 10,000 items), so the last replay of each board is kept: a scrubber moving
 * forward from the same version only applies the rows in between and re-reads only the
 * records they touched (LiveSnapshot). Moving back, or past the next version, rebuilds.
 * Bounded: a few boards, each dropped after a few idle minutes.
 */
export class PastBoards {
  private readonly replays = new Map<string, Replay>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly capacity = 2,
    private readonly idleMs = 5 * 60_000,
  ) {
    this.timer = setInterval(() => this.expire(), 60_000);
    this.timer.unref();
  }

  async at(boardId: string, until: string, sources: PastSources): Promise<{ snapshot: BoardSnapshot; partial: boolean } | null> {
    const base = sources.base;
    const kept = this.replays.get(boardId);
    if (!kept || kept.baseId !== (base?.id ?? null) || kept.at > until) return this.build(boardId, until, sources);
    const replay = kept;
    const rows = await sources.loadRows(replay.seq, until, MAX_REPLAY_ROWS);
    // Another request may have moved this replay on, or replaced it, meanwhile.
    if (this.replays.get(boardId) !== replay) return this.at(boardId, until, sources);
    const fresh = rows.filter((r) => r.seq > replay.seq);
    if (fresh.length) {
      replay.doc.transact(() => {
        for (const row of fresh) Y.applyUpdate(replay.doc, row.data);
      });
      replay.seq = fresh.at(-1)!.seq;
    }
    const partial = rows.length === MAX_REPLAY_ROWS;
    if (!partial && until > replay.at) replay.at = until;
    replay.usedAt = Date.now();
    return { snapshot: replay.live.snapshot, partial };
  }

  /**
   * A cold moment: the version's state and the rows after it are read together, applied in one
   * transaction to a fresh document, and only then read, once, into the replay's LiveSnapshot
   * (watching the rows go in record by record would be wasted work). Synchronous from the
   * reads on, so no other request sees a half-built replay.
   */
  private async build(boardId: string, until: string, sources: PastSources): Promise<{ snapshot: BoardSnapshot; partial: boolean } | null> {
    const { base } = sources;
    const [packed, rows] = await Promise.all([base ? sources.loadState() : null, sources.loadRows(base?.seq ?? 0, until, MAX_REPLAY_ROWS)]);
    if (base && !packed) return null;
    this.drop(boardId);
    const doc = docFromState(packed ? unpackState(packed) : null, rows.map((r) => r.data));
    const partial = rows.length === MAX_REPLAY_ROWS;
    const replay: Replay = {
      baseId: base?.id ?? null,
      doc,
      live: new LiveSnapshot(doc),
      seq: rows.at(-1)?.seq ?? base?.seq ?? 0,
      at: partial ? (base?.createdAt ?? "") : until,
      usedAt: Date.now(),
    };
    this.keep(boardId, replay);
    return { snapshot: replay.live.snapshot, partial };
  }

  close(): void {
    clearInterval(this.timer);
    for (const id of [...this.replays.keys()]) this.drop(id);
  }

  private keep(boardId: string, replay: Replay): void {
    this.replays.set(boardId, replay);
    while (this.replays.size > this.capacity) {
      const oldest = [...this.replays].sort((a, b) => a[1].usedAt - b[1].usedAt)[0]!;
      this.drop(oldest[0]);
    }
  }

  private drop(boardId: string): void {
    const replay = this.replays.get(boardId);
    if (!replay) return;
    this.replays.delete(boardId);
    replay.live.destroy();
    replay.doc.destroy();
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, replay] of this.replays) if (now - replay.usedAt > this.idleMs) this.drop(id);
  }
}
