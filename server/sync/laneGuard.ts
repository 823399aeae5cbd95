import * as Y from "yjs";
import { cleanText } from "../../lib/model/plainText";
import { LANE_REFUSED_PREFIX } from "../../lib/protocol/teams";
import type { DecodedUpdate } from "./updateGuard";

/**
 * Which lanes an editor's update reaches, for boards whose lanes have owners and whose policy
 * is "propose" (docs/teams.md "On the socket"). Runs after the layout check (updateGuard.ts)
 * has passed the update, so every struct is known to land in the board's layout and everything
 * it builds on is in the document or in the update.
 *
 * An item counts with the lane it is in now and any lane the update moves it to; a dependency
 * with its successor's lanes; a lane's own record as that lane. Deletions count too: the
 * document's structs in each deleted range are looked up. Milestones, phases and the board's
 * settings belong to no lane.
 */

type Struct = Y.Item | Y.GC | Y.Skip;

/** A struct's record: the root map it is in, its id there, and its key when it is one of the record's own fields. */
interface Place {
  root: string;
  id: string;
  field: string | null;
  /** The struct sits in the root map itself, so a type it holds is the record's own map. */
  direct: boolean;
}

interface RecordOfType {
  root: string;
  id: string;
  /** The type is the record's own map (not something nested in it, like a description). */
  isRecord: boolean;
}

const OWNED_ROOTS = new Set(["items", "dependencies", "lanes"]);
/** Levels walked up from a type to its record: the layout allows 32 levels of rich text. */
const MAX_WALK = 64;
const recordsOfTypes = new WeakMap<Y.AbstractType<unknown>, RecordOfType | null>();

function recordOfType(type: Y.AbstractType<unknown>): RecordOfType | null {
  if (recordsOfTypes.has(type)) return recordsOfTypes.get(type)!;
  let top = type;
  let steps = 0;
  while (top._item && top._item.parent instanceof Y.AbstractType && top._item.parent._item !== null) {
    top = top._item.parent;
    if (++steps > MAX_WALK) return null;
  }
  let found: RecordOfType | null = null;
  const item = top._item;
  if (item && item.parent instanceof Y.AbstractType && item.parentSub !== null) {
    try {
      found = { root: Y.findRootTypeKey(item.parent), id: item.parentSub, isRecord: top === type };
    } catch {
      found = null;
    }
  }
  recordsOfTypes.set(type, found);
  return found;
}

/** Where a struct of the document is: in a type whose record we find, under its key. */
function placeOfDocItem(item: Y.Item): Place | null {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return null;
  if (parent._item === null) {
    if (item.parentSub === null) return null;
    try {
      return { root: Y.findRootTypeKey(parent), id: item.parentSub, field: null, direct: true };
    } catch {
      return null;
    }
  }
  return placeInType(parent, item.parentSub);
}

function placeInType(type: Y.AbstractType<unknown>, key: string | null): Place | null {
  const record = recordOfType(type);
  if (!record) return null;
  return { root: record.root, id: record.id, field: record.isRecord ? key : null, direct: false };
}

function findStruct(list: Struct[], clock: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = list[mid]!;
    if (clock < s.id.clock) high = mid - 1;
    else if (clock >= s.id.clock + s.length) low = mid + 1;
    else return mid;
  }
  return low;
}

/** The last value a plain map entry holds. */
function plainValue(item: Y.Item): unknown {
  return item.content instanceof Y.ContentAny ? item.content.arr[item.content.arr.length - 1] : undefined;
}

/**
 * Null when every lane the update reaches may be edited by this connection, else the reason it
 * is refused (naming the first lane it may not edit).
 */
export function laneRefusal(doc: Y.Doc, decoded: DecodedUpdate, mayEdit: (laneId: string) => boolean): string | null {
  const store = doc.store;
  const byClient = new Map<number, Struct[]>();
  for (const s of decoded.structs) {
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    list.push(s);
  }
  const inDoc = (id: Y.ID) => id.clock < Y.getState(store, id.client);
  const lookUp = (id: Y.ID): Struct | undefined => {
    if (inDoc(id)) return Y.getItem(store, id) as Y.Item | Y.GC;
    const list = byClient.get(id.client);
    if (!list) return undefined;
    const at = findStruct(list, id.clock);
    const s = list[at];
    return s && id.clock >= s.id.clock && id.clock < s.id.clock + s.length ? s : undefined;
  };

  const places = new Map<Y.Item, Place | null>();
  /** The place of an update item, or the update item it waits on. */
  const locate = (item: Y.Item): Place | null | Y.Item => {
    const parent: unknown = item.parent;
    if (typeof parent === "string") return item.parentSub === null ? null : { root: parent, id: item.parentSub, field: null, direct: true };
    if (parent instanceof Y.ID) {
      const p = lookUp(parent);
      if (!(p instanceof Y.Item)) return null;
      if (inDoc(p.id)) return p.content instanceof Y.ContentType ? placeInType(p.content.type, item.parentSub) : null;
      if (!places.has(p)) return p;
      const outer = places.get(p)!;
      if (!outer) return null;
      // A field of a record map created in this same update. The record's item may name its
      // parent (a new key) or only its origin (a record replaced whole): either way its place says.
      return { root: outer.root, id: outer.id, field: outer.direct ? item.parentSub : null, direct: false };
    }
    const left = item.origin ? lookUp(item.origin) : undefined;
    const right = item.rightOrigin ? lookUp(item.rightOrigin) : undefined;
    const neighbour = left instanceof Y.Item ? left : right instanceof Y.Item ? right : undefined;
    if (!neighbour) return null;
    if (inDoc(neighbour.id)) return placeOfDocItem(neighbour);
    return places.has(neighbour) ? places.get(neighbour)! : neighbour;
  };

  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || places.has(s)) continue;
    const stack: Y.Item[] = [s];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const found = locate(top);
      if (found instanceof Y.Item) {
        // The layout check refused cycles already; a second visit means one slipped through.
        if (stack.includes(found)) return "structs that depend on each other in a circle";
        stack.push(found);
        continue;
      }
      places.set(top, found);
      stack.pop();
    }
  }

  // What the update writes to the fields that decide a record's lane, read before any record is judged.
  const laneWrites = new Map<string, unknown[]>();
  const toIdWrites = new Map<string, unknown[]>();
  for (const [item, place] of places) {
    if (!place) continue;
    const writes = place.root === "items" && place.field === "laneId" ? laneWrites : place.root === "dependencies" && place.field === "toId" ? toIdWrites : null;
    if (!writes) continue;
    const list = writes.get(place.id) ?? [];
    list.push(plainValue(item));
    writes.set(place.id, list);
  }

  const items = doc.getMap<unknown>("items");
  const fieldOf = (root: Y.Map<unknown>, id: string, field: string): unknown => {
    const record = root.get(id);
    return record instanceof Y.Map ? record.get(field) : undefined;
  };
  const lanesOfItem = (id: string): unknown[] => [fieldOf(items, id, "laneId"), ...(laneWrites.get(id) ?? [])];
  const refused = (laneId: unknown): string | null => {
    if (typeof laneId !== "string" || mayEdit(laneId)) return null;
    const name = fieldOf(doc.getMap("lanes"), laneId, "name");
    const shown = typeof name === "string" && name ? cleanText(name, 80) : laneId;
    return `${LANE_REFUSED_PREFIX}: "${shown}" is owned by another team; propose the change instead`;
  };
  // Each record is judged once, when first reached: a refusal stops the walk (a hostile update
  // deleting the whole board costs no more than reaching its first owned record).
  const judged = new Set<string>();
  const judge = (place: Place | null): string | null => {
    if (!place || !OWNED_ROOTS.has(place.root)) return null;
    const key = `${place.root}\u0000${place.id}`;
    if (judged.has(key)) return null;
    judged.add(key);
    const { root, id } = place;
    const lanes =
      root === "lanes"
        ? [id]
        : root === "items"
          ? lanesOfItem(id)
          : [fieldOf(doc.getMap("dependencies"), id, "toId"), ...(toIdWrites.get(id) ?? [])].flatMap((to) => (typeof to === "string" ? lanesOfItem(to) : []));
    for (const lane of lanes) {
      const reason = refused(lane);
      if (reason) return reason;
    }
    return null;
  };
  for (const place of places.values()) {
    const reason = judge(place);
    if (reason) return reason;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    if (!structs) continue;
    for (const { clock, len } of ranges) {
      for (let i = findStruct(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const s = structs[i]!;
        if (!(s instanceof Y.Item) || s.deleted) continue;
        const reason = judge(placeOfDocItem(s));
        if (reason) return reason;
      }
    }
  }
  return null;
}
