import * as Y from "yjs";
import { stateVectorOfUpdates } from "./storedStateVector";
import { checkEncodedUpdate } from "./updateGuard";
import { findMisplaced, removeMisplaced } from "./misplaced";

/** A stored update the layout check refused while the document was built (see Room). */
export type RefusedOnLoad = (update: Uint8Array, index: number, reason: string) => void;

/** Origin of updates replayed from storage: they are already stored, so they are not re-written. */
export const LOAD_ORIGIN = Symbol("load");

/**
 * A board's Y.Doc, built from its stored updates only when something first needs it. Applying
 * a large board's log is most of its load time (about 400 ms for 10,000 items with 100,000
 * edits of history), and people who only open and read a board never need the document: the
 * handshake runs on the state vector read off the stored updates, and clients that have
 * nothing get the stored updates themselves (StoredAnswer).
 */
export class DeferredDoc {
  /** The document as built so far: stored updates may still wait in `unapplied`. */
  readonly raw = new Y.Doc();
  private unapplied: readonly Uint8Array[] | null = null;
  /** Which of `unapplied` were checked when they were written (the rest are checked on build). */
  private checked: readonly boolean[] = [];
  /** The state vector of `unapplied` (the document is empty meanwhile). */
  private storedStateVector: Uint8Array | null = null;

  /**
   * @param onBuilt runs once the stored updates are in, before anything else touches the document.
   * @param onRefused is told of each stored update left out because it breaks the board's layout.
   */
  constructor(
    private readonly onBuilt: () => void,
    private readonly onRefused: RefusedOnLoad = () => undefined,
  ) {}

  /**
   * Takes the stored board: kept aside while the document is empty, applied at once otherwise.
   * `firstStateVector`: the state vector of `updates[0]` if storage kept it (a snapshot's).
   */
  load(updates: readonly Uint8Array[], firstStateVector?: Uint8Array, checked: readonly boolean[] = []): void {
    this.checked = checked;
    if (this.raw.store.clients.size > 0) return this.apply(updates);
    this.unapplied = updates;
    this.storedStateVector = stateVectorOfUpdates(updates, firstStateVector);
  }

  /** The document, built on first use. */
  get doc(): Y.Doc {
    if (this.unapplied) {
      const updates = this.unapplied;
      this.unapplied = null;
      this.storedStateVector = null;
      this.apply(updates);
    }
    return this.raw;
  }

  get built(): boolean {
    return this.unapplied === null;
  }

  /** The document's state vector, without building it. */
  stateVector(): Uint8Array {
    return this.storedStateVector ?? Y.encodeStateVector(this.raw);
  }

  /**
   * Applies the stored updates in one transaction. Those not checked when they were written are
   * checked first, against what is in so far. One that breaks the board's layout (written
   * before the server checked updates) is reported (the room quarantines a copy) and still
   * applied, so the updates after it that build on it load too; once the board is built, what
   * sits outside the layout is deleted, level by level, as the server's own stored edit. An
   * update that throws while applied is reported and left behind.
   */
  private apply(updates: readonly Uint8Array[]): void {
    let misplaced = false;
    this.raw.transact(() => {
      updates.forEach((update, index) => {
        if (this.checked[index] !== true) {
          const verdict = checkEncodedUpdate(this.raw, update);
          if (verdict.kind === "refused") {
            this.onRefused(update, index, verdict.reason);
            misplaced = true;
          }
        }
        try {
          Y.applyUpdate(this.raw, update, LOAD_ORIGIN);
        } catch (error) {
          this.onRefused(update, index, `could not be applied: ${String(error).slice(0, 200)}`);
        }
      });
    }, LOAD_ORIGIN);
    this.checked = [];
    this.onBuilt();
    if (misplaced) removeMisplaced(this.raw, findMisplaced(this.raw));
  }
}
