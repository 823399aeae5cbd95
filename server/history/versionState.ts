import { promisify } from "node:util";
import { deflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";
import * as Y from "yjs";

/**
 * A version keeps the board's whole document state (Y.encodeStateAsUpdate), compressed, rather
 * than a Yjs snapshot over a document that never garbage-collects: such a document keeps every
 * deleted struct forever, so every client would load and apply all of a board's past on every
 * connect, while a full state costs only storage, paid per version and bounded by thinning
 * (docs/history.md). Level 1: most of deflate's gain on Yjs updates at a fraction of its time.
 */
const LEVEL = 1;

/** Refuses to inflate a stored state past this (a corrupt or hostile row must not eat the memory). */
export const MAX_VERSION_STATE_BYTES = 256 * 1024 * 1024;

export function packState(state: Uint8Array): Uint8Array {
  return deflateRawSync(state, { level: LEVEL });
}

const deflateAsync = promisify(deflateRaw);

/** packState on libuv's thread pool: a large board's compression does not hold up everyone's edits. */
export async function packStateAsync(state: Uint8Array): Promise<Uint8Array> {
  return deflateAsync(state, { level: LEVEL });
}

export function unpackState(packed: Uint8Array): Uint8Array {
  return inflateRawSync(packed, { maxOutputLength: MAX_VERSION_STATE_BYTES });
}

/**
 * A scratch document holding a version (or a past moment, or, without a state, the rows alone);
 * the caller destroys it. Such a document is only read, never encoded or sent, so it skips
 * Yjs's garbage collection: a version's state holds tens of thousands of deleted entries that
 * a collecting document would walk again after the load (some 20 ms at 10,000 items). Deleted
 * content reads as absent either way, so what it reads is the same
 * (tests/server/history/pastBoards.test.ts holds a past moment to a collecting replay).
 */
export function docFromState(state: Uint8Array | null, more: readonly Uint8Array[] = []): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, state);
    for (const update of more) Y.applyUpdate(doc, update);
  });
  return doc;
}
