import * as Y from "yjs";
import type { DecodedUpdate } from "./updateGuard";

/**
 * True when applying `decoded` would change nothing: every struct is already in the document and
 * every deletion is already applied. A viewer who reconnects answers the server's sync step 1
 * with a step 2 holding what its replica knows, deletions included; that is not an attempt to
 * edit and is dropped quietly, while anything new from a read-only connection is still refused
 * (docs/roles.md).
 *
 * Cost: one lookup per struct, and per deletion range a binary search plus one step per stored
 * struct the range covers, so bounded by the document's size per message (and frames are capped).
 */
export function bringsNothingNew(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const store = doc.store;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    const known = Y.getState(store, client);
    for (const { clock, len } of ranges) {
      if (len <= 0) continue;
      if (!structs || clock + len > known) return false;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const stored = structs[i]!;
        if (stored.id.clock >= clock + len) break;
        if (!stored.deleted) return false;
      }
    }
  }
  return true;
}
