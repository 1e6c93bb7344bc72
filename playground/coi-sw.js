// The playground's service worker (issue 18): z3 needs SharedArrayBuffer,
// which a browser gives only to a cross-origin isolated page, and static
// hosting (a `polis doc` site) cannot send the two headers that make a page
// isolated. This worker sends them instead, on the playground's own files:
// it answers each same-origin request from the network and adds
// Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy (and a
// Cross-Origin-Resource-Policy, as everything here is same-origin). Requests
// to other origins are left alone (the playground makes none). The page
// (playground/src/prover.ts) registers it and reloads once it is in control.

const ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function isolated(request) {
  const response = await fetch(request);
  // Opaque and error responses cannot be rebuilt; they pass unchanged.
  if (response.type === "opaque" || response.type === "error" || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (new URL(request.url).origin !== self.location.origin) return;
  // A request only the cache may answer cannot be re-sent by a worker.
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  event.respondWith(isolated(request));
});
