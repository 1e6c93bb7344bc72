// `npm run playground` as users start it, on a free port (PORT=0), stopped
// with its whole process group afterwards.

import { spawn, type ChildProcess } from "node:child_process";
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
