import * as Y from "yjs";
import { syncStep2FromUpdate, updateMessage } from "./messages";

/** Below this a board's whole state is encoded for a client that has nothing: it costs about as little. */
export const SNAPSHOT_BASE_MIN_BYTES = 256 * 1024;

/**
 * A board's stored snapshot (its first stored update), kept while the room is loaded, to answer
 * clients that have nothing after the document has changed (StoredAnswer covers them before).
 * Encoding a 10,000-item board whole takes the event loop 100–230 ms per such client; what the
 * document holds beyond its snapshot encodes in about a tenth of that, and the snapshot itself
 * goes out as stored. Sent in the StoredAnswer order: the difference first (held by the client
 * until the rest arrives), then sync step 2 with the snapshot, so the client is complete when
 * it reports itself synced.
 */
export class SnapshotBase {
  constructor(
    readonly state: Uint8Array,
    /** The snapshot's state vector, when storage kept it; read off the snapshot on first need otherwise. */
    private stateVector: Uint8Array | null,
  ) {}

  /** Whether answering from the snapshot is worth it over encoding the document whole. */
  get large(): boolean {
    return this.state.byteLength >= SNAPSHOT_BASE_MIN_BYTES;
  }

  /** Frames giving a client that has nothing all of `doc` (which holds everything the snapshot does). */
  framesFor(doc: Y.Doc): Uint8Array[] {
    this.stateVector ??= Y.encodeStateVectorFromUpdate(this.state);
    return [updateMessage(Y.encodeStateAsUpdate(doc, this.stateVector)), syncStep2FromUpdate(this.state)];
  }
}
