import { countOf, plural } from "../../lib/format/plural";
import type { ConnectionState } from "../collab/boardSession";
import type { OfflineState } from "../collab/offlineSync";

export type SyncBannerKind = "offline" | "reconnecting" | "syncing" | "synced" | "refused";

export interface SyncBannerView {
  kind: SyncBannerKind;
  title: string;
  detail: string;
  /** Offer a reload: what is drawn differs from what the server holds. */
  reload?: boolean;
}

const changes = (n: number) => countOf(n, "change");

/**
 * What the banner above the board says about edits and the connection, or null when there is
 * nothing to say (live, and nothing went wrong lately). `troubled`: the banner reported trouble
 * since it last said "synced", which is what makes a reconnect and "synced" worth announcing.
 */
export function syncBannerView(connection: ConnectionState, offline: OfflineState, troubled: boolean): SyncBannerView | null {
  const { status, loaded, closed } = connection;
  const { pending, refused, refusedOnScreen, networkDown, fromCache, caching } = offline;
  if (refused > 0) {
    const why = closed ? "You no longer have access to this board." : "You can no longer edit this board.";
    return {
      kind: "refused",
      title: plural(refused, { one: "# change made on this device was not saved", other: "# changes made on this device were not saved" }),
      detail: refusedOnScreen ? `${why} Reload to see it as saved.` : `${why} They were discarded; this is the board as saved.`,
      reload: refusedOnScreen,
    };
  }
  // A board the server closed for good is explained by the connection badge; no promise of a reconnect.
  if (closed || !(loaded || fromCache)) return null;
  const waiting = pending > 0 ? `${changes(pending)} will be sent when you reconnect.` : "";
  if (networkDown || status === "disconnected") {
    return {
      kind: "offline",
      title: networkDown ? "You are offline" : "Connection lost",
      detail: caching
        ? `Keep working: the board is saved on this device. ${waiting || "Your edits will sync when you reconnect."}`
        : "Others' changes will appear when the connection is back.",
    };
  }
  // A first connect is not news; a reconnect after trouble, or with edits waiting, is.
  if (status === "connecting") {
    if (!troubled && pending === 0) return null;
    return { kind: "reconnecting", title: "Reconnecting…", detail: pending > 0 ? `${changes(pending)} waiting to be sent.` : "" };
  }
  if (pending > 0) return { kind: "syncing", title: `Syncing ${changes(pending)}…`, detail: "" };
  if (troubled) return { kind: "synced", title: "Synced", detail: "Everything made on this device is saved on the server." };
  return null;
}
