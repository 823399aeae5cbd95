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

/** A scratch document holding a version (or a past moment, or, without a state, the rows alone); the caller destroys it. */
export function docFromState(state: Uint8Array | null, more: readonly Uint8Array[] = []): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, state);
    for (const update of more) Y.applyUpdate(doc, update);
  });
  return doc;
}
