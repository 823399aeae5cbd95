import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { stateVectorOfUpdates } from "../../server/sync/storedStateVector";

/** A few people editing one map and one text, each edit one update, as a board's log holds them. */
function editLog(seed: number[]): { updates: Uint8Array[]; doc: Y.Doc } {
  const people = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const updates: Uint8Array[] = [];
  const doc = new Y.Doc();
  for (const [i, step] of seed.entries()) {
    const person = people[step % people.length]!;
    const before = Y.encodeStateVector(person);
    for (const other of people) if (other !== person) Y.applyUpdate(person, Y.encodeStateAsUpdate(other));
    if (step % 2) person.getMap("items").set(`k${step % 7}`, i);
    else person.getText("t").insert(0, `e${i}`);
    const update = Y.encodeStateAsUpdate(person, before);
    updates.push(update);
    Y.applyUpdate(doc, update);
  }
  return { updates, doc };
}

const asPairs = (sv: Uint8Array) => [...Y.decodeStateVector(sv)].sort((a, b) => a[0] - b[0]);

describe("the state vector of stored updates, read without building the document", () => {
  it("equals the document's for a log in order: a snapshot and the edits after it", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 1, maxLength: 30 }), fc.nat(), (steps, cut) => {
        const { updates, doc } = editLog(steps);
        const at = cut % updates.length;
        const snapshot = Y.mergeUpdates(updates.slice(0, at + 1));
        expect(asPairs(stateVectorOfUpdates([snapshot, ...updates.slice(at + 1)]))).toEqual(asPairs(Y.encodeStateVector(doc)));
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it("is never ahead of the document when updates come out of order (content after a gap does not count)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 2, maxLength: 30 }), fc.nat(), (steps, shuffleSeed) => {
        const { updates } = editLog(steps);
        const shuffled = [...updates].sort((a, b) => ((a.length * 31 + shuffleSeed) % 17) - ((b.length * 31 + shuffleSeed) % 17));
        const doc = new Y.Doc();
        for (const u of shuffled) Y.applyUpdate(doc, u);
        const actual = Y.decodeStateVector(Y.encodeStateVector(doc));
        for (const [client, clock] of Y.decodeStateVector(stateVectorOfUpdates(shuffled))) {
          expect(clock).toBeLessThanOrEqual(actual.get(client) ?? 0);
        }
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it("takes the first update's vector as given (a snapshot's, stored with it) instead of reading it off", () => {
    const { updates } = editLog([1, 2, 3, 4, 5, 6]);
    const snapshot = Y.mergeUpdates(updates.slice(0, 3));
    // A vector that differs from what the snapshot holds shows which one was used.
    const given = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(snapshot));
    const [client] = [...given.keys()];
    given.set(client!, given.get(client!)! + 1000);
    const alone = stateVectorOfUpdates([snapshot], Y.encodeStateVector(given));
    expect(Y.decodeStateVector(alone).get(client!)).toBe(given.get(client!));
    const withTail = stateVectorOfUpdates([snapshot, ...updates.slice(3)], Y.encodeStateVector(given));
    expect(Y.decodeStateVector(withTail).get(client!)).toBeGreaterThanOrEqual(given.get(client!)!);
  });

  it("a document's own vector is exactly what Yjs reads off its encoded state, pending content included (what compaction stores)", () => {
    let withPending = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 2, maxLength: 30 }), fc.nat(), (steps, skip) => {
        const { updates } = editLog(steps);
        // Leave one update out: whatever came after it from the same person waits as pending
        // content, which encodeStateAsUpdate includes and neither vector counts.
        const doc = new Y.Doc();
        updates.forEach((u, i) => i !== skip % updates.length && Y.applyUpdate(doc, u));
        if (doc.store.pendingStructs) withPending++;
        const state = Y.encodeStateAsUpdate(doc);
        expect(asPairs(Y.encodeStateVector(doc))).toEqual(asPairs(Y.encodeStateVectorFromUpdate(state)));
      }),
      { seed: 13, numRuns: 60 },
    );
    expect(withPending).toBeGreaterThan(0);
  });

  it("of nothing is empty", () => {
    expect(Y.decodeStateVector(stateVectorOfUpdates([])).size).toBe(0);
  });
});
