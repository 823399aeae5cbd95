import * as Y from "yjs";
import { expect } from "vitest";
import { createOrigin } from "../../../lib/model/origin";
import type { Result } from "../../../lib/model/result";
import { readSnapshot } from "../../../lib/model/snapshot";

/** One origin per simulated session, reused, as the origin module asks. */
export const alice = createOrigin("local", "alice");
export const bob = createOrigin("local", "bob");

/** A Y.Doc with a fixed client id, so concurrent-edit tests do not depend on random ids. */
export function newDoc(clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  return doc;
}

/** Records every transaction and every emitted update on a doc until stopped. */
export function watchDoc(doc: Y.Doc) {
  const transactions: Y.Transaction[] = [];
  let updates = 0;
  const onTransaction = (tr: Y.Transaction) => transactions.push(tr);
  const onUpdate = () => {
    updates++;
  };
  doc.on("afterTransaction", onTransaction);
  doc.on("update", onUpdate);
  return {
    transactions,
    updates: () => updates,
    stop: () => {
      doc.off("afterTransaction", onTransaction);
      doc.off("update", onUpdate);
    },
  };
}

/** Runs a command and asserts it wrote exactly one transaction, tagged with `origin`, that changed the doc. */
export function expectOneTransaction<T>(doc: Y.Doc, origin: unknown, run: () => T): T {
  const before = Y.encodeStateAsUpdate(doc);
  const watch = watchDoc(doc);
  const out = run();
  watch.stop();
  expect(watch.transactions).toHaveLength(1);
  expect(watch.transactions[0]!.origin).toBe(origin);
  expect(watch.updates()).toBe(1);
  expect(Y.encodeStateAsUpdate(doc)).not.toEqual(before);
  return out;
}

/**
 * Runs a command and asserts it wrote nothing: no transaction, no update, the same state vector
 * and the same full state (a delete does not move the state vector, so both are compared).
 */
export function expectNoChange<T>(doc: Y.Doc, run: () => T): T {
  const vector = Y.encodeStateVector(doc);
  const state = Y.encodeStateAsUpdate(doc);
  const watch = watchDoc(doc);
  const out = run();
  watch.stop();
  expect(watch.transactions).toHaveLength(0);
  expect(watch.updates()).toBe(0);
  expect(Y.encodeStateVector(doc)).toEqual(vector);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  return out;
}

/** Unwraps a successful Result, failing the test with the error otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got error: ${result.error}`);
  return result.value;
}

/** Asserts a failed Result whose message matches `pattern`. */
export function expectError(result: Result<unknown>, pattern: RegExp): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toMatch(pattern);
}

/** Sends each side what the other lacks, using state vectors (what a reconnecting client does). */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, "remote");
  Y.applyUpdate(a, toA, "remote");
}

export const snapshotJson = (doc: Y.Doc): string => JSON.stringify(readSnapshot(doc));
