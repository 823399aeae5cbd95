import type { Awareness } from "y-protocols/awareness";

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/** The part of y-websocket's WebsocketProvider this touches (its awareness handler, public in JS). */
export interface ProviderWithAwarenessHandler {
  _awarenessUpdateHandler: (changes: AwarenessChanges, origin: unknown) => void;
}

/**
 * Makes a y-websocket provider send only this client's own presence. Stock y-websocket sends
 * every awareness change it sees, including the ones it just received, back to the server: in
 * a workshop of 40 each person would upload the other 39's cursor moves again, 40 times the
 * traffic, all of it dropped by the server. Also drops others' states that time out locally
 * (their removal is the server's to announce).
 */
export function sendOwnPresenceOnly(provider: ProviderWithAwarenessHandler, awareness: Awareness, ownClientId: number): void {
  const stock = provider._awarenessUpdateHandler;
  const ownOnly = ({ added, updated, removed }: AwarenessChanges, origin: unknown): void => {
    if (!added.includes(ownClientId) && !updated.includes(ownClientId) && !removed.includes(ownClientId)) return;
    // The stock handler encodes the current state of the ids it is given (null once removed).
    stock({ added: [], updated: [ownClientId], removed: [] }, origin);
  };
  awareness.off("update", stock);
  awareness.on("update", ownOnly);
  // provider.destroy() unregisters whatever this field holds.
  provider._awarenessUpdateHandler = ownOnly;
}
