/* global self, caches, fetch, URL, Request */
/**
 * Waymark's offline shell: lets a board someone edits open without a network, so edits kept in
 * IndexedDB (components/collab/offlineCache.ts) survive a reload while offline.
 *
 * Only board pages the page itself asked for are kept (editors' boards: a viewer's page would
 * open on nothing), and only while the server keeps serving them: a 404 (board gone, access
 * lost) or a redirect (signed out) deletes the copy. Next's hashed static files are immutable
 * and kept as fetched. Nothing else (API, sync, RSC payloads) passes through here.
 * Names are shared with components/collab/offlineShell.ts.
 */
const PAGES = "waymark-offline-pages-v1";
const ASSETS = "waymark-offline-assets-v1";
const BOARD_PAGE = /^\/boards\/[A-Za-z0-9_-]{1,64}$/;
const STATIC = /^\/_next\/static\//;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("waymark-offline-") && name !== PAGES && name !== ASSETS) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** A page's copy is keyed by its path alone: ?view= and ?thread= open the same board. */
const pageKey = (url) => new Request(new URL(url.pathname, self.location.origin).href);

async function refreshPage(url, response) {
  const cache = await caches.open(PAGES);
  if (response.ok && !response.redirected) await cache.put(pageKey(url), response);
  // A navigation's redirect (to sign-in) arrives unfollowed, as an opaque redirect.
  else if (response.status === 404 || response.redirected || response.type === "opaqueredirect") await cache.delete(pageKey(url));
}

async function boardPage(event, url) {
  const cache = await caches.open(PAGES);
  const key = pageKey(url);
  const kept = await cache.match(key);
  try {
    const response = await fetch(event.request);
    // Only a board already kept is refreshed; keeping one starts with the page's own request.
    if (kept) event.waitUntil(refreshPage(url, response.clone()));
    return response;
  } catch (error) {
    if (kept) return kept;
    throw error;
  }
}

async function staticFile(request) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && BOARD_PAGE.test(url.pathname)) event.respondWith(boardPage(event, url));
  else if (STATIC.test(url.pathname)) event.respondWith(staticFile(request));
});

/** The page asks to keep its board (and the files it already loaded before this worker ran). */
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "keep-board" || typeof data.path !== "string" || !BOARD_PAGE.test(data.path)) return;
  const assets = Array.isArray(data.assets) ? data.assets.filter((a) => typeof a === "string" && STATIC.test(new URL(a, self.location.origin).pathname)) : [];
  event.waitUntil(
    (async () => {
      const url = new URL(data.path, self.location.origin);
      await refreshPage(url, await fetch(url.href, { credentials: "same-origin" }));
      const cache = await caches.open(ASSETS);
      await Promise.all(assets.map(async (a) => (await cache.match(a)) || cache.add(a).catch(() => undefined)));
    })().catch(() => undefined),
  );
});
