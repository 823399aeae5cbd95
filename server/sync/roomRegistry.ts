import type { BoardId } from "../../lib/model/ids";
import type { Logger } from "../log";
import { Room, type RoomDeps } from "./room";

interface Entry {
  ready: Promise<Room>;
  room?: Room;
  unloadTimer?: NodeJS.Timeout;
  /** Set while the room is being flushed and freed; joins wait for it, then load afresh. */
  unloading?: Promise<void>;
}

export interface RoomRegistryOptions extends RoomDeps {
  log: Logger;
  /** How long a board with no connections stays in memory. */
  unloadDelayMs: number;
}

/**
 * Loads each board once, shares it between its connections, and unloads it when nobody has
 * been connected for `unloadDelayMs`. A join that races an unload waits for the unload to
 * finish and then loads the board again from storage, so no write is lost in between.
 */
export class RoomRegistry {
  private readonly entries = new Map<BoardId, Entry>();

  constructor(private readonly options: RoomRegistryOptions) {}

  get loadedCount(): number {
    return this.entries.size;
  }

  /** The loaded room for a board that exists in storage (the caller checked). */
  async open(boardId: BoardId): Promise<Room> {
    for (;;) {
      const entry = this.entries.get(boardId);
      if (!entry) break;
      if (entry.unloading) {
        await entry.unloading;
        continue;
      }
      const room = await entry.ready;
      if (room.isFailed) {
        await this.unload(boardId, entry);
        continue;
      }
      if (this.entries.get(boardId) === entry && !entry.unloading) return room;
    }
    const entry: Entry = { ready: Room.load(boardId, this.options) };
    this.entries.set(boardId, entry);
    try {
      entry.room = await entry.ready;
    } catch (error) {
      this.entries.delete(boardId);
      throw error;
    }
    this.releaseIfIdle(entry.room);
    return entry.room;
  }

  /** Every loaded, ready room. */
  loadedRooms(): Room[] {
    const out: Room[] = [];
    for (const entry of this.entries.values()) if (entry.room && !entry.unloading) out.push(entry.room);
    return out;
  }

  /** The room of a board if it is loaded and ready (for access changes). */
  loaded(boardId: BoardId): Room | undefined {
    const entry = this.entries.get(boardId);
    return entry && !entry.unloading ? entry.room : undefined;
  }

  /** Unloads a board now (deleted); its connections must already be closed. */
  async drop(boardId: BoardId): Promise<void> {
    const entry = this.entries.get(boardId);
    if (entry) await this.unload(boardId, entry);
  }

  /** Adds a peer: cancels a pending unload. */
  attach(room: Room): void {
    const entry = this.entries.get(room.boardId);
    if (entry?.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = undefined;
    }
  }

  /** Called after a peer leaves (or never joined): schedules an unload if the room is empty. */
  releaseIfIdle(room: Room): void {
    const entry = this.entries.get(room.boardId);
    if (!entry || entry.room !== room || entry.unloading || room.peerCount > 0) return;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = undefined;
      if (room.peerCount === 0) void this.unload(room.boardId, entry);
    }, this.options.unloadDelayMs);
    entry.unloadTimer.unref();
  }

  /** Flushes and frees every room (shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.entries].map(([id, entry]) => this.unload(id, entry)));
  }

  private unload(boardId: BoardId, entry: Entry): Promise<void> {
    if (entry.unloading) return entry.unloading;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloading = (async () => {
      try {
        const room = await entry.ready;
        await room.unload();
        this.options.log.debug({ board: boardId }, "board unloaded");
      } catch (error) {
        this.options.log.error({ board: boardId, err: String(error) }, "unload failed");
      } finally {
        if (this.entries.get(boardId) === entry) this.entries.delete(boardId);
      }
    })();
    return entry.unloading;
  }
}
