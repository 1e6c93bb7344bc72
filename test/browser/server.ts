// `npm run playground` as users start it, on a free port (PORT=0), stopped
// with its whole process group afterwards; and a plain static server.

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ROOT } from "../e2e/cli.js";

export interface Server {
  url: string;
  stop(): void;
}

export function startPlayground(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn("npm", ["run", "--silent", "playground"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const stop = () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`npm run playground startte niet binnen 60 s:\n${out}\n${err}`));
    }, 60_000);
    child.stdout!.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], stop });
      }
    });
    child.stderr!.setEncoding("utf8").on("data", (s: string) => (err += s));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run playground stopte (exit ${code}):\n${out}\n${err}`));
    });
  });
}

/**
 * A plain static file server over `dir`, as static hosting is (a `polis doc`
 * site on any web server): no cross-origin isolation headers.
 */
export function serveStatic(dir: string): Promise<Server> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/\/$/, "/index.html"));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      resolve({ url: `http://127.0.0.1:${port}/`, stop: () => server.close() });
    });
  });
}
