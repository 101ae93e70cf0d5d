// Kinplan's service worker: keeps the app's own files so it opens and works
// with the server out of reach (a laptop on a home visit).
//
// scripts/postbuild.py fills in VERSION (a hash of every file) and FILES
// at build time, so each deployment gets its own cache. A new worker waits
// until the page says the worker chose to reload ("New version available"),
// so an open tab never mixes old code with new files; then the old caches
// go. Only GET requests to this folder are answered; nothing else is
// fetched, cached or sent anywhere. Case data is not here: it lives in
// localStorage.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `kinplan-${VERSION}`;
const scoped = (file) => new URL(file, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(scoped))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kinplan-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any page address in the folder is the app: routes live in the hash.
    const key = request.mode === 'navigate' ? scoped('./') : request;
    const hit = await cache.match(key, { ignoreSearch: true });
    return hit ?? fetch(request);
  })());
});
