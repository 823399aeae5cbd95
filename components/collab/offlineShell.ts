/**
 * The page side of public/sw.js: a board someone edits is kept so that it opens without a
 * network (its document comes from IndexedDB, see offlineCache.ts). Cache names are shared
 * with the worker.
 */
const PAGES = "waymark-offline-pages-v1";
const PREFIX = "waymark-offline-";

/** The path a board page is kept under (the worker ignores ?view= and ?thread=). */
export function boardPagePath(boardId: string): string {
  return `/boards/${boardId}`;
}

/**
 * Registers the worker and asks it to keep this board's page, with the static files this
 * page loaded before the worker ran. Production only: development chunks change on every edit.
 */
export function keepBoardPage(boardId: string): void {
  if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
  void navigator.serviceWorker
    .register("/sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const assets = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => new URL(name, window.location.href).pathname.startsWith("/_next/static/"));
      registration.active?.postMessage({ type: "keep-board", path: boardPagePath(boardId), assets });
    })
    .catch(() => undefined);
}

/** Stops keeping a board's page (the board is gone, or this account may no longer edit it). */
export async function forgetBoardPage(boardId: string): Promise<void> {
  if (typeof caches === "undefined") return;
  const cache = await caches.open(PAGES).catch(() => null);
  await cache?.delete(boardPagePath(boardId)).catch(() => false);
}

/** Drops every kept page and file, and the worker that keeps them (signing out). */
export async function forgetAllPages(): Promise<void> {
  if ("serviceWorker" in navigator) {
    const registrations = await navigator.serviceWorker.getRegistrations().catch(() => []);
    await Promise.all(registrations.map((r) => r.unregister().catch(() => false)));
  }
  if (typeof caches === "undefined") return;
  const names = await caches.keys().catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(PREFIX)).map((n) => caches.delete(n).catch(() => false)));
}
