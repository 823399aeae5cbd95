import * as Y from "yjs";

/**
 * The state vector of a document made of these updates, without building it. A client's clock
 * counts only as far as its structs run without a gap from 0 (as Yjs counts them: content after
 * a gap waits and is not part of the state). The first update is read the way Yjs reads one;
 * each later one extends a client only where it continues what is counted so far. Where that is
 * not the case (content out of order) the vector can only come out short, never long, so a
 * client may send a little twice but never holds back what the server lacks. `firstStateVector`,
 * when given, is the first update's own (as stored with a snapshot).
 */
export function stateVectorOfUpdates(updates: readonly Uint8Array[], firstStateVector?: Uint8Array): Uint8Array {
  const [first, ...rest] = updates;
  if (!first) return Y.encodeStateVector(new Y.Doc());
  // Decoding the first update (a snapshot, typically) is most of the work: use its vector when
  // storage kept one with it.
  const firstVector = firstStateVector ?? Y.encodeStateVectorFromUpdate(first);
  if (rest.length === 0) return firstVector;
  const clocks = Y.decodeStateVector(firstVector);
  for (const update of rest) {
    let client = -1;
    let counting = false;
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct.id.client !== client) {
        client = struct.id.client;
        counting = struct.id.clock <= (clocks.get(client) ?? 0);
      }
      if (struct instanceof Y.Skip) counting = false;
      if (!counting) continue;
      const end = struct.id.clock + struct.length;
      if (end > (clocks.get(client) ?? 0)) clocks.set(client, end);
    }
  }
  return Y.encodeStateVector(clocks);
}
