import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

/** Hand-made y-websocket frames, as a hostile or custom client would send them. */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function syncStep2Frame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** An awareness frame announcing `state` for `clientId` (which need not be the sender's own). */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** An update that adds one item, made on a scratch doc. */
export function addItemUpdate(itemId: string, title: string): Uint8Array {
  const doc = new Y.Doc();
  const item = new Y.Map<unknown>();
  item.set("title", title);
  item.set("duration", 1);
  item.set("start", null);
  doc.getMap("items").set(itemId, item);
  return Y.encodeStateAsUpdate(doc);
}

/** Message type and, for sync frames, the sync message kind of a frame the server sent. */
export function describeFrame(frame: Uint8Array): { type: number; syncKind?: number; reason?: string } {
  const d = decoding.createDecoder(frame);
  const type = decoding.readVarUint(d);
  if (type === 0) return { type, syncKind: decoding.readVarUint(d) };
  if (type === 2) {
    decoding.readVarUint(d);
    return { type, reason: decoding.readVarString(d) };
  }
  return { type };
}

export { awarenessProtocol };
