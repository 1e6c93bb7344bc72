// The cache of compiled policy modules of `polis run` (cli/policy-cache.ts,
// issue 15 cold start): a second run reads the module from the cache and
// answers exactly as the first, warnings included; a changed policy is
// compiled again; a damaged entry is ignored; a policy with errors is never
// cached; POLIS_CACHE=0 writes nothing.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertBuilt } from "./cli.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-cache-"));
beforeAll(assertBuilt);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BIN = path.join(ROOT, "bin", "polis.js");

const POLICY = `polis cache_proef "Cache"

invoer
  kosten: bedrag

uitvoer
  vergoeding: bedrag

regel vergoeding (artikel 1):
  vergoeding kosten * 0,5
`;

function run(dir: string, policy: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, "run", policy, "--input", "-", "--format", "json"], {
    cwd: tmp,
    input: '{"kosten": "10.01"}',
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", POLIS_CACHE_DIR: dir, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(".json")) : []);

describe("polis run keeps compiled policies in a cache", () => {
  it("answers from the cache exactly as after compiling, warnings included", () => {
    const dir = path.join(tmp, "a");
    const policy = path.join(tmp, "halve.polis");
    fs.writeFileSync(policy, POLICY);
    const first = run(dir, policy);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/waarschuwing P0508/); // kosten * 0,5 can give half cents
    expect(entries(dir)).toHaveLength(1);
    const second = run(dir, policy);
    expect(second).toEqual(first);
    expect(JSON.parse(second.stdout)).toEqual({ vergoeding: "5.01" });
  });

  it("compiles a changed policy again, and ignores a damaged entry", () => {
    const dir = path.join(tmp, "b");
    const policy = path.join(tmp, "wijzigt.polis");
    fs.writeFileSync(policy, POLICY);
    expect(JSON.parse(run(dir, policy).stdout)).toEqual({ vergoeding: "5.01" });
    fs.writeFileSync(policy, POLICY.replace("0,5", "2"));
    expect(JSON.parse(run(dir, policy).stdout)).toEqual({ vergoeding: "20.02" });
    expect(entries(dir)).toHaveLength(2);
    for (const e of entries(dir)) fs.writeFileSync(path.join(dir, e), '{"format": 1, "key": "x", "code": "throw 1"');
    const again = run(dir, policy);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ vergoeding: "20.02" });
  });

  it("never caches a policy with errors, and writes nothing with POLIS_CACHE=0", () => {
    const dir = path.join(tmp, "c");
    const broken = path.join(tmp, "kapot.polis");
    fs.writeFileSync(broken, POLICY.replace("vergoeding kosten", "vergoeding onbekend"));
    const r = run(dir, broken);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/fout P/);
    expect(entries(dir)).toHaveLength(0);
    const policy = path.join(tmp, "uit.polis");
    fs.writeFileSync(policy, POLICY);
    expect(run(dir, policy, { POLIS_CACHE: "0" }).status).toBe(0);
    expect(entries(dir)).toHaveLength(0);
  });

  it("keeps running when the cache cannot be written", () => {
    const blocker = path.join(tmp, "een-bestand");
    fs.writeFileSync(blocker, "geen map");
    const policy = path.join(tmp, "geblokkeerd.polis");
    fs.writeFileSync(policy, POLICY);
    const r = run(path.join(blocker, "cache"), policy);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ vergoeding: "5.01" });
  });
});
