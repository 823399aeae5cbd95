import * as Y from "yjs";
import { LiveSnapshot } from "../../lib/model/liveSnapshot";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { HistoryRow, VersionRecord } from "../storage/versionStore";
import { unpackState } from "./versionState";

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
 * (a second at 10,000 items), so the last replay of each board is kept: a scrubber moving
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
    const baseId = sources.base?.id ?? null;
    let replay = this.replays.get(boardId);
    if (!replay || replay.baseId !== baseId || replay.at > until) {
      this.drop(boardId);
      const doc = new Y.Doc();
      if (sources.base) {
        const packed = await sources.loadState();
        if (!packed) return null;
        Y.applyUpdate(doc, unpackState(packed));
      }
      replay = { baseId, doc, live: new LiveSnapshot(doc), seq: sources.base?.seq ?? 0, at: sources.base?.createdAt ?? "", usedAt: Date.now() };
      this.keep(boardId, replay);
    }
    const rows = await sources.loadRows(replay.seq, until, MAX_REPLAY_ROWS);
    // Another request may have moved this replay on meanwhile: apply only what it has not.
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
