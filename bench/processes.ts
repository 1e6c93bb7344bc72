// The `polis` command as a process, for `npm run bench`: the batch path on a
// large .jsonl file (wall time, peak memory) and the cold start on one case.
// Peak memory is the process's VmHWM (Linux /proc), sampled until it exits.

import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { generateCases } from "./cases.js";

export interface ProcessRun {
  seconds: number;
  /** Peak resident memory in MB, when /proc tells. */
  peakMb?: number;
  /** CPU seconds (user + system, all threads) as last sampled from /proc: on a busy machine the figure that load does not inflate as much as wall time. */
  cpuSeconds?: number;
  status: number | null;
}

/** `lines` lines of §9.1 cases: 100.000 distinct cases, repeated. */
export function writeCasesFile(file: string, lines: number): void {
  const distinct = generateCases(Math.min(lines, 100_000), 2012).map((c) => JSON.stringify(c));
  const fd = fs.openSync(file, "w");
  try {
    for (let written = 0; written < lines; ) {
      const n = Math.min(distinct.length, lines - written);
      fs.writeSync(fd, distinct.slice(0, n).join("\n") + "\n");
      written += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

const TICKS = 100; // USER_HZ on Linux

function cpuOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return undefined;
  }
}

function peakOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Run `node bin/polis.js ARGS`, output to /dev/null; wall time and peak memory. Its stderr is shown unless it exits with an expected status. */
export function timeProcess(root: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, expected: readonly number[] = [0]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const devnull = fs.openSync("/dev/null", "w");
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(root, "bin/polis.js"), ...args], { stdio: ["ignore", devnull, "pipe"], env });
    let peak: number | undefined;
    let cpu: number | undefined;
    const timer = setInterval(() => {
      const p = peakOf(child.pid);
      if (p !== undefined) peak = Math.max(peak ?? 0, p);
      cpu = cpuOf(child.pid) ?? cpu;
    }, 50);
    let stderr = "";
    child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("error", reject);
    child.on("exit", (status) => {
      const seconds = (performance.now() - start) / 1000;
      clearInterval(timer);
      fs.closeSync(devnull);
      // An unexpected exit shows what the command said; an expected one (rows with an error: 2) stays quiet.
      if (status === null || !expected.includes(status)) process.stderr.write(stderr);
      resolve({ seconds, status, ...(peak !== undefined ? { peakMb: peak } : {}), ...(cpu !== undefined ? { cpuSeconds: cpu } : {}) });
    });
  });
}

/** Wall time of a process, `runs` times, sorted; `env(i)` is run i's environment. */
export function coldStarts(root: string, args: readonly string[], runs: number, env: (i: number) => NodeJS.ProcessEnv = () => process.env): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    spawnSync(process.execPath, [path.join(root, "bin/polis.js"), ...args], { stdio: "ignore", env: env(i) });
    out.push(performance.now() - s);
  }
  return out.sort((a, b) => a - b);
}

/** Wall time of a bare `node -e 0`, the floor of any cold start. */
export function bareNode(runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    spawnSync(process.execPath, ["-e", "0"], { stdio: "ignore" });
    out.push(performance.now() - s);
  }
  return out.sort((a, b) => a - b);
}
