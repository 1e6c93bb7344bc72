// `npm run playground`: builds the playground and serves dist/playground/ on
// http://127.0.0.1:5173 (PORT overrides). A plain static file server that
// sends the cross-origin isolation headers z3 needs: the playground itself
// makes no requests beyond its own files.

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { buildPlayground } from "./build.mjs";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".wasm": "application/wasm" };

/**
 * Cross-origin isolation, so that the page gets SharedArrayBuffer and z3 can
 * run its WebAssembly threads (the proofs, playground/src/prover.ts).
 */
const ISOLATION = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp", "cross-origin-resource-policy": "same-origin" };

export function serve(dir, port, host = "127.0.0.1") {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      res.end("ongeldig adres\n");
      return;
    }
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(dir, "." + rel);
    if (!file.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("niet gevonden\n");
      return;
    }
    // Revalidated on every load, answered 304 when unchanged: the 35 MB of z3 are not sent again.
    const stat = fs.statSync(file);
    const etag = `"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}"`;
    const headers = { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-cache", etag, ...ISOLATION };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

const port = Number(process.env.PORT ?? 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`PORT \`${process.env.PORT}\` is geen poortnummer\n`);
  process.exit(2);
}
const built = await buildPlayground();
try {
  const server = await serve(built.outDir, port);
  const addr = server.address();
  process.stdout.write(`Polis-speelplaats: http://127.0.0.1:${addr.port}/ (stoppen met Ctrl+C)\n`);
} catch (e) {
  process.stderr.write(`kan niet luisteren op 127.0.0.1:${port}: ${e.code === "EADDRINUSE" ? "de poort is al in gebruik (kies een andere met PORT=…)" : e.message}\n`);
  process.exit(2);
}
