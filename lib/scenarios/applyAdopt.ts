import * as Y from "yjs";
import { boardMap, collection, COLLECTIONS, DESCRIPTION_FIELD, recordMap, type CollectionName } from "../model/docLayout";
import type { CommandOrigin } from "../model/origin";
import { transact } from "../model/transact";
import type { AdoptWrite } from "./adoptPlan";
import { samePlain } from "./scenarioChanges";

/**
 * Writes an adoption onto the plan's document as ONE transaction (one undo step for the
 * adopter, one update everyone receives): only fields that differ are set, so a concurrent
 * edit of another field of the same record survives and every replica converges as for any
 * edit. Returns how many fields and records were written.
 */
export function applyAdopt(doc: Y.Doc, writes: readonly AdoptWrite[], origin: CommandOrigin): number {
  return transact(doc, origin, () => {
    let changed = 0;
    for (const write of writes) {
      if (write.op === "delete") {
        if (!isCollection(write.collection)) continue;
        const records = collection(doc, write.collection);
        if (records.has(write.id)) {
          records.delete(write.id);
          changed++;
        }
        continue;
      }
      let target: Y.Map<unknown> | undefined;
      if (write.collection === "board") target = boardMap(doc);
      else if (isCollection(write.collection)) {
        target = recordMap(doc, write.collection, write.id);
        if (!target) {
          target = new Y.Map<unknown>();
          collection(doc, write.collection).set(write.id, target);
          if (write.collection === "items") target.set(DESCRIPTION_FIELD, new Y.XmlFragment());
          changed++;
        }
      }
      if (!target) continue;
      for (const [key, value] of Object.entries(write.fields)) {
        if (key === DESCRIPTION_FIELD || (key === "id" && write.collection !== "board")) continue;
        if (!target.has(key) || !samePlain(target.get(key), value)) {
          target.set(key, value);
          changed++;
        }
      }
      for (const key of write.unset ?? []) {
        if (key !== DESCRIPTION_FIELD && target.has(key)) {
          target.delete(key);
          changed++;
        }
      }
    }
    return changed;
  });
}

const isCollection = (name: string): name is CollectionName => (COLLECTIONS as readonly string[]).includes(name);
