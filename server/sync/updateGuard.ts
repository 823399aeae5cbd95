import * as Y from "yjs";
import { MAX_RICH_CHILDREN, place, rootSlot, type Slot } from "../../lib/model/docRules";

/**
 * What the server makes of a client's update before it touches the room's document
 * (docs/document-rules.md):
 * - `ok`: every struct lands where the board's layout allows it and everything it builds on is
 *   in the document or in the update itself: applying it integrates all of it.
 * - `missing`: it builds on content the server does not have (yet). Yjs would keep such structs
 *   "pending" inside the document, where they are served to every fresh client and written into
 *   the snapshot although they were never stored; the room keeps these updates aside instead.
 * - `refused`: it puts something where the layout does not allow it.
 */
export type Verdict =
  | { kind: "ok" }
  /** `needs`: a struct it waits for (there may be more): worth a retry once the document has it. */
  | { kind: "missing"; detail: string; needs: { client: number; clock: number } }
  | { kind: "refused"; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Where an update's item lands: a slot and map key, or nowhere (next to collected garbage, Yjs drops it). */
type Location = { slot: Slot | null; key: string | null; container?: object } | "dropped";

const OK: Verdict = { kind: "ok" };

/**
 * The slot each shared type of a document's content is in, so checking an update against a
 * large board costs a walk up from the types it touches, once. Types never move, so entries
 * never go stale; a WeakMap lets them go with the document.
 */
const typeSlots = new WeakMap<Y.AbstractType<unknown>, Slot | null>();

/** How many levels up from a type to its root the walk goes before it calls the type misplaced. */
const MAX_WALK = 64;

/** The slot a document's shared type is in; null when it sits where the layout has no place (older content). */
export function slotOfType(type: Y.AbstractType<unknown>): Slot | null {
  const chain: Y.AbstractType<unknown>[] = [];
  let top: Y.AbstractType<unknown> = type;
  // Iterative on purpose: content from before these checks may nest thousands of levels deep.
  while (!typeSlots.has(top) && top._item !== null) {
    if (chain.length >= MAX_WALK) return null;
    chain.push(top);
    const parent = top._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    top = parent;
  }
  let slot: Slot | null = typeSlots.has(top) ? typeSlots.get(top)! : rootSlotOf(top);
  typeSlots.set(top, slot);
  for (let i = chain.length - 1; i >= 0; i--) {
    const item = chain[i]!._item!;
    if (slot !== null) {
      const placed = place(slot, item.parentSub, item.content);
      slot = placed.ok ? placed.child : null;
    }
    typeSlots.set(chain[i]!, slot);
  }
  return slot;
}

function rootSlotOf(type: Y.AbstractType<unknown>): Slot | null {
  try {
    return rootSlot(Y.findRootTypeKey(type));
  } catch {
    return null;
  }
}

/** Finds the struct holding `clock` in a clock-ordered list, by bisection. */
function findStruct(list: Struct[], clock: number): Struct | undefined {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = list[mid]!;
    if (clock < s.id.clock) high = mid - 1;
    else if (clock >= s.id.clock + s.length) low = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * Checks a decoded client update against the document it would be applied to. Never recurses
 * on the update's shape (chains of a million structs or nesting thousands deep are walked with
 * explicit stacks), and costs one pass over the structs plus a bisection per reference.
 */
export function checkUpdate(doc: Y.Doc, decoded: DecodedUpdate): Verdict {
  const store = doc.store;
  const byClient = new Map<number, Struct[]>();
  for (const s of decoded.structs) {
    // Yjs throws on an empty struct mid-transaction (the room would fail closed at every resend).
    if (s.length <= 0) return { kind: "refused", reason: `struct ${s.id.client}:${s.id.clock} is empty` };
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    const last = list[list.length - 1];
    // One run of structs per client, in clock order, as every Yjs encoder writes them. Yjs
    // integrates only the last section a client appears in: with two, this check would look
    // at one and Yjs apply the other.
    if (last && s.id.clock < last.id.clock + last.length) {
      return { kind: "refused", reason: `client ${s.id.client}'s structs overlap or go back in time` };
    }
    list.push(s);
  }

  // What the document will hold once the update is in: its own clocks plus each client's
  // structs that continue them without a gap.
  const available = new Map<number, number>();
  for (const [client, list] of byClient) {
    let next = Y.getState(store, client);
    for (const s of list) {
      if (s.id.clock > next) {
        return { kind: "missing", detail: `client ${client} from clock ${next} to ${s.id.clock}`, needs: { client, clock: s.id.clock - 1 } };
      }
      if (s instanceof Y.Skip) {
        const end = s.id.clock + s.length;
        if (end > next) return { kind: "missing", detail: `client ${client} skips clocks ${next}…`, needs: { client, clock: end - 1 } };
        continue;
      }
      next = Math.max(next, s.id.clock + s.length);
    }
    available.set(client, next);
  }
  const known = (id: Y.ID) => id.clock < (available.get(id.client) ?? Y.getState(store, id.client));

  for (const [client, ranges] of decoded.ds.clients) {
    const end = available.get(client) ?? Y.getState(store, client);
    for (const { clock, len } of ranges) {
      if (clock + len > end) {
        return { kind: "missing", detail: `deletes client ${client} clocks up to ${clock + len}, has ${end}`, needs: { client, clock: clock + len - 1 } };
      }
    }
  }

  /** The struct holding `id`: the document's when it has it, else the update's. */
  const lookUp = (id: Y.ID): Struct | undefined => {
    if (id.clock < Y.getState(store, id.client)) return Y.getItem(store, id) as Y.Item | Y.GC;
    const list = byClient.get(id.client);
    return list ? findStruct(list, id.clock) : undefined;
  };

  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
      if (!ref) continue;
      // Yjs integrates one client's structs in clock order and does not wait for its own: a
      // reference to a later struct of the same client would throw mid-apply.
      if (ref.client === s.id.client && ref.clock >= s.id.clock) {
        return { kind: "refused", reason: `struct ${s.id.client}:${s.id.clock} refers to a later struct of its own client` };
      }
      if (!known(ref)) {
        return { kind: "missing", detail: `struct ${s.id.client}:${s.id.clock} builds on ${ref.client}:${ref.clock}`, needs: { client: ref.client, clock: ref.clock } };
      }
    }
  }

  // Every item's location, worked out with an explicit stack: an item may take its place from
  // another item of the same update (its left or right neighbour, or its parent type).
  const locations = new Map<Y.Item, Location>();
  const childSlots = new Map<Y.Item, Slot | null>();
  const childCounts = new Map<object, number>();

  /** The location of `item` if it can be told now, or the update item it depends on. */
  const locate = (item: Y.Item): Location | Y.Item | { refused: string } => {
    // A decoded item's parent is a root type's name, the id of its parent type's item, or null
    // (then it sits beside its neighbours); Yjs's typings only know the integrated form.
    const parentName: unknown = item.parent;
    if (typeof parentName === "string") {
      const slot = rootSlot(parentName);
      if (!slot) return { refused: `"${parentName.slice(0, 40)}" is not a part of the board's layout` };
      return { slot, key: item.parentSub, container: doc.share.get(parentName) };
    }
    if (item.parent instanceof Y.ID) {
      const parent = lookUp(item.parent);
      if (!parent || parent instanceof Y.Skip) return { refused: "parent not found" };
      // Yjs drops (collects) what lands in a collected or deleted type, or in something that is
      // not a type: someone typing into a paragraph another person just deleted.
      if (parent instanceof Y.GC || !(parent.content instanceof Y.ContentType)) return "dropped";
      if (parent.id.clock < Y.getState(store, parent.id.client)) {
        return { slot: slotOfType(parent.content.type), key: item.parentSub, container: parent.content.type };
      }
      if (locations.get(parent) === "dropped") return "dropped";
      if (!childSlots.has(parent)) return parent;
      return { slot: childSlots.get(parent)!, key: item.parentSub, container: parent };
    }
    const left = item.origin ? lookUp(item.origin) : undefined;
    const right = item.rightOrigin ? lookUp(item.rightOrigin) : undefined;
    if (left instanceof Y.GC || right instanceof Y.GC) return "dropped";
    const neighbour = left instanceof Y.Item ? left : right instanceof Y.Item ? right : undefined;
    if (!neighbour) return { refused: "an item with neither parent nor neighbours" };
    if (neighbour.id.clock < Y.getState(store, neighbour.id.client)) {
      const parent = neighbour.parent;
      return { slot: parent instanceof Y.AbstractType ? slotOfType(parent) : null, key: neighbour.parentSub, container: parent ?? undefined };
    }
    return locations.get(neighbour) ?? neighbour;
  };

  const settle = (item: Y.Item, location: Location): string | null => {
    locations.set(item, location);
    const overlap = overlapRefusal(store, item, location);
    if (overlap) return overlap;
    if (location === "dropped") {
      childSlots.set(item, null);
      return null;
    }
    if (location.slot === null) return "lands inside content the board's layout does not allow";
    const placed = place(location.slot, location.key, item.content);
    if (!placed.ok) return placed.reason;
    childSlots.set(item, placed.child);
    // Children of a description's fragment or element are bounded in number: with a deep
    // observer on the board (the activity recorder), Yjs walks a changed child's siblings to
    // build its path, so an edit at the end of 100,000 siblings cost seconds.
    const { slot, container } = location;
    if (slot.kind === "rich" && slot.type !== "text" && location.key === null && item.content instanceof Y.ContentType && container) {
      const count = (childCounts.get(container) ?? (container instanceof Y.AbstractType ? container._length : 0)) + 1;
      childCounts.set(container, count);
      if (count > MAX_RICH_CHILDREN) return `a description element holds more than ${MAX_RICH_CHILDREN} children`;
    }
    return null;
  };

  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || locations.has(s)) continue;
    const stack: Y.Item[] = [s];
    const onStack = new Set<Y.Item>([s]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const found = locate(top);
      if (found instanceof Y.Item) {
        if (onStack.has(found)) return { kind: "refused", reason: "structs that depend on each other in a circle" };
        stack.push(found);
        onStack.add(found);
        continue;
      }
      if (typeof found === "object" && "refused" in found) return { kind: "refused", reason: found.refused };
      const reason = settle(top, found);
      if (reason) return { kind: "refused", reason };
      stack.pop();
      onStack.delete(top);
    }
  }
  return OK;
}

/** checkUpdate for an encoded update; one that does not decode is refused. */
export function checkEncodedUpdate(doc: Y.Doc, update: Uint8Array): Verdict {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return { kind: "refused", reason: `does not decode: ${String(error).slice(0, 100)}` };
  }
  return checkUpdate(doc, decoded);
}

/**
 * Why a struct that overlaps its client's stored clock may not go in, or null. Yjs cuts it and
 * links the rest after the client's previous struct, wherever that is (Item.integrate with an
 * offset): that struct must be an item (a collected one makes Yjs throw) in the very type and
 * under the very key this struct lands in, or the struct would land in one place here and in
 * another everywhere else. An honest client's struct always continues its own earlier one.
 */
function overlapRefusal(store: Y.Doc["store"], s: Y.Item, location: Location): string | null {
  const stored = Y.getState(store, s.id.client);
  if (!(s.id.clock < stored && stored < s.id.clock + s.length)) return null;
  const previous = Y.getItem(store, Y.createID(s.id.client, stored - 1));
  if (!(previous instanceof Y.Item)) return `struct ${s.id.client}:${s.id.clock} continues collected content`;
  if (location === "dropped" || location.container !== previous.parent || location.key !== previous.parentSub) {
    return `struct ${s.id.client}:${s.id.clock} continues content of another place`;
  }
  return null;
}
