// The field app's service worker (scope /field). VERSION and SHELL are prepended by the server (field-assets.ts).
// The shell is cached at install; the page is asked from the network first (fresh strings, a lapsed session sends
// the person to sign in) and from the cache when there is no network; the versioned files come from the cache.
// The app's data never passes through here: it lives in IndexedDB (app.js).
const CACHE = `xaso-field-${VERSION}`;
const PAGE = "/field";
const NETWORK_WAIT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((u) => new Request(u, { credentials: "same-origin", cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("xaso-field-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function fromNetwork(request) {
  // A network that hangs (one bar in the rice fields) must not keep the app from opening.
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), NETWORK_WAIT_MS);
    fetch(request).then(
      (r) => {
        clearTimeout(timer);
        resolve(r);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === "navigate" && (url.pathname === PAGE || url.pathname === `${PAGE}/`)) {
    event.respondWith(
      fromNetwork(req)
        .then((res) => {
          // A server in trouble (5xx) is no better than no network: the kept shell opens instead.
          if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
          // A volunteer whose grant was taken away still sees what waits on the phone (the app says why it cannot send).
          if (res.status === 403) return caches.match(PAGE).then((r) => r || res);
          // Only the signed-in page is kept; a redirect to the sign-in page passes through untouched.
          if (res.ok && res.type === "basic" && !res.redirected) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(PAGE, copy));
          }
          return res;
        })
        .catch(() => caches.match(PAGE, { ignoreSearch: true }).then((r) => r || fetch(req))),
    );
    return;
  }
  if (SHELL.includes(url.pathname + url.search)) {
    event.respondWith(caches.match(req).then((r) => r || fetch(req)));
  }
});

// Background Sync: the browser wakes the worker when a network is back; the open app does the sending (it holds
// the queue logic), so the worker asks every open window to sync.
self.addEventListener("sync", (event) => {
  if (event.tag !== "field-sync") return;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((list) => {
      for (const client of list) client.postMessage({ type: "sync" });
    }),
  );
});
