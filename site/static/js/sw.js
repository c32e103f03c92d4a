// Reading saved guides without a connection. Pages come from the network when it works, so
// readers always get the latest text; when there is no connection, from what they saved.
const CACHE = "saved-guides-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
    event.respondWith(
        fetch(request).catch(async () => {
            const cache = await caches.open(CACHE);
            return (await cache.match(request, { ignoreSearch: true })) || Response.error();
        }),
    );
});
