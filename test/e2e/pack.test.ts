// The toolchain installs from its tarball (issue 15 §2): `npm pack` holds what
// `npx polis` needs (the bundled CLI, the runtime package, no sources or
// tests), and installed into an empty folder it runs check, run, test and
// build. npm installs ts-morph and prettier (the only dependencies) from its
// cache, which `npm ci` filled.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertBuilt } from "./cli.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "polis-pack-"));
const project = path.join(tmp, "leeg");
let packed: { filename: string; files: { path: string }[] };

beforeAll(() => {
  assertBuilt();
  const r = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], { cwd: ROOT, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  packed = (JSON.parse(r.stdout) as (typeof packed)[])[0]!;
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "leeg", version: "1.0.0", private: true }));
  const install = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(tmp, packed.filename)], { cwd: project, encoding: "utf8" });
  expect(install.status, install.stderr).toBe(0);
  fs.mkdirSync(path.join(project, "polissen"));
  fs.copyFileSync(path.join(ROOT, "test/spec/vgz-eigen-risico.polis"), path.join(project, "polissen", "eigen-risico.polis"));
  fs.copyFileSync(path.join(ROOT, "test/golden/run/eigen-risico.case.json"), path.join(project, "case.json"));
}, 300_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const npx = (...args: string[]) => spawnSync("npx", ["--no-install", "polis", ...args], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("the packed toolchain", { timeout: 300_000 }, () => {
  it("holds the bundled CLI and the runtime package, not the sources", () => {
    const files = packed.files.map((f) => f.path);
    for (const f of ["bin/polis.js", "dist/bundle/main.js", "dist/bundle/batch-worker.js", "dist/runtime-package/index.js", "dist/runtime-package/package.json", "CHANGELOG.md", "README.md", "package.json"]) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith("test/") || f.startsWith("cli/") || f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("ships the playground without z3's 35 MB of WebAssembly: polis doc takes them from the installed z3-solver", () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toContain("dist/playground/playground.js");
    expect(files).toContain("dist/playground/z3/z3-api.js");
    expect(files.filter((f) => f.startsWith("dist/playground/z3/z3-built"))).toEqual([]);
    const doc = npx("doc", "polissen", "--out", "site");
    expect(doc.status, doc.stderr).toBe(0);
    for (const f of ["z3-built.js", "z3-built.wasm"]) {
      const copied = path.join(project, "site", "playground", "z3", f);
      expect(fs.readFileSync(copied).equals(fs.readFileSync(path.join(project, "node_modules", "z3-solver", "build", f)))).toBe(true);
    }
  });

  it("runs polis --version, check, run and test from an empty folder, without ts-morph or prettier", () => {
    const hidden = ["ts-morph", "prettier"].map((d) => [path.join(project, "node_modules", d), path.join(project, "node_modules", `.${d}-verborgen`)] as const);
    for (const [from, to] of hidden) fs.renameSync(from, to);
    try {
      commandsRun();
    } finally {
      for (const [from, to] of hidden) fs.renameSync(to, from);
    }
  });

  function commandsRun(): void {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(npx("--version").stdout).toBe(`${version}\n`);
    const check = npx("check", "polissen");
    expect(check.stdout).toMatch(/eigen-risico\.polis: in orde/);
    expect(check.status).toBe(0);
    const run = npx("run", "polissen/eigen-risico.polis", "--input", "case.json");
    expect(run.stdout).toBe(fs.readFileSync(path.join(ROOT, "test/golden/run/eigen-risico.output.json"), "utf8"));
    const test = npx("test", "polissen");
    expect(test.stdout).toMatch(/voorbeelden geslaagd, 0 mislukt/);
    expect(test.status).toBe(0);
  }

  it("builds a library, loading ts-morph and prettier only then", () => {
    const build = npx("build", "polissen", "--out", "bibliotheek");
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    const lib = spawnSync(process.execPath, ["--input-type=module", "-e", 'import { eigen_risico } from "./bibliotheek/index.js"; console.log(eigen_risico.metadata.name);'], { cwd: project, encoding: "utf8" });
    expect(lib.stdout).toBe("vgz_eigen_risico\n");
    // The toolchain exports the runtime too.
    const runtime = spawnSync(process.execPath, ["--input-type=module", "-e", 'import { PolisError, parseDecimal } from "polis/runtime"; console.log(typeof PolisError, typeof parseDecimal);'], { cwd: project, encoding: "utf8" });
    expect(runtime.stdout).toBe("function function\n");
    const deps = Object.keys((JSON.parse(fs.readFileSync(path.join(project, "node_modules", "polis", "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies);
    expect(deps.sort()).toEqual(["@duckdb/node-api", "pg", "prettier", "ts-morph", "z3-solver"]);
  });
});
