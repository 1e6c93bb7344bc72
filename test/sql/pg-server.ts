// A throwaway PostgreSQL server for the SQL back end's tests: PostgreSQL 15
// from /usr/lib/postgresql/15/bin (or the PATH), installed with
// `apt-get install -y postgresql` when missing and running as root; a cluster
// initialised in a temporary folder as a non-root user, started on a free
// loopback port and stopped (and deleted) at the end.
// Returns null, with the reason, where no PostgreSQL can be had.

import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

export interface PgServer {
  url: string;
  stop(): void;
}

function binDir(): string | null {
  for (const dir of ["/usr/lib/postgresql/15/bin", ...fs.readdirSync("/usr/lib/postgresql", { withFileTypes: true }).map((d) => `/usr/lib/postgresql/${d.name}/bin`)]) {
    if (fs.existsSync(path.join(dir, "initdb"))) return dir;
  }
  return null;
}

function findBin(): string | null {
  try {
    return binDir();
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PgServer | { missing: string }> {
  let bin = findBin();
  const root = process.getuid?.() === 0;
  if (!bin && root) {
    spawnSync("apt-get", ["install", "-y", "postgresql"], { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    bin = findBin();
  }
  if (!bin) return { missing: "PostgreSQL ontbreekt: installeer het pakket `postgresql` (apt-get install -y postgresql)" };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "polis-pg-"));
  const user = root ? "postgres" : os.userInfo().username;
  const as = (cmd: string, args: string[]) => {
    if (root) return execFileSync("runuser", ["-u", user, "--", cmd, ...args], { stdio: "pipe" });
    return execFileSync(cmd, args, { stdio: "pipe" });
  };
  if (root) execFileSync("chown", [user, dir]);
  fs.chmodSync(dir, 0o700);
  const data = path.join(dir, "data");
  as(path.join(bin, "initdb"), ["-D", data, "-U", "polis", "--auth=trust", "-E", "UTF8", "--no-locale"]);
  const port = await freePort();
  as(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  return {
    url: `postgresql://polis@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        as(path.join(bin!, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface PgConnection {
  client: pg.Client;
  /** Ends the client and stops the server. */
  close(): Promise<void>;
}

/**
 * A throwaway server (startPostgres) and a client on it, as the test files
 * share them: pg returns NUMERIC and BIGINT as strings (no number passes
 * through a JS float), and JIT is off, as in cli/engine-postgres.ts (one large
 * expression tree per query: compiling it costs seconds to minutes).
 * Throws, with what is missing, where no PostgreSQL can be had.
 */
export async function connectPostgres(): Promise<PgConnection> {
  const s = await startPostgres();
  if ("missing" in s) throw new Error(s.missing);
  const client = new pg.Client({ connectionString: s.url });
  try {
    await client.connect();
    await client.query("SET jit = off");
  } catch (e) {
    s.stop();
    throw e;
  }
  return {
    client,
    async close() {
      try {
        await client.end();
      } finally {
        s.stop();
      }
    },
  };
}

/**
 * connectPostgres() for the tests of the calling describe block (or file):
 * started before them, closed after. Returns the client's getter.
 */
export function usePostgres(): () => pg.Client {
  let pgc: PgConnection | null = null;
  beforeAll(async () => {
    pgc = await connectPostgres();
  }, 240_000);
  afterAll(async () => {
    await pgc?.close();
  });
  return () => {
    if (!pgc) throw new Error("PostgreSQL did not start (see beforeAll)");
    return pgc.client;
  };
}
