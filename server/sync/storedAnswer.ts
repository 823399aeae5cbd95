import * as Y from "yjs";
import { syncStep2FromUpdate, updateMessage } from "./messages";

/**
 * The answer to a client that has nothing (every page that opens a board), made from the
 * updates the board was loaded from, as storage holds them: valid only while the room's
 * document holds exactly those (the room drops it at the first change). It spares encoding
 * the whole board per client, which on a 10,000-item board is hundreds of milliseconds of the
 * event loop each time. Everything in it is committed, so it may go out at once.
 */
export class StoredAnswer {
  private messages: Uint8Array[] | null = null;

  constructor(private readonly updates: readonly Uint8Array[]) {}

  /**
   * The log after the first stored update goes first, merged into one update (a client keeps
   * what it cannot place yet until the rest arrives), then sync step 2 with the first: the
   * client is complete by the time that step makes it report itself synced.
   */
  frames(): Uint8Array[] {
    if (!this.messages) {
      const [first, ...rest] = this.updates;
      this.messages = first ? [...(rest.length ? [updateMessage(Y.mergeUpdates(rest))] : []), syncStep2FromUpdate(first)] : [];
    }
    return this.messages;
  }
}
