// Bundles what the installed toolchain runs, after `tsc` (npm run build):
//
// - dist/bundle/: the `polis` CLI as a few ES modules (esbuild, code split per
//   command). Loading one file instead of ~700 small ones (chevrotain pulls in
//   lodash-es module by module) is most of `polis run`'s cold start.
//   ts-morph and prettier stay external: only `polis build` loads them.
// - dist/runtime-package/: `polis-runtime`, the runtime a built policy library
//   imports (runtime/ + stdlib/, lossless-json inlined, no other dependency),
//   with the declaration files tsc wrote to dist/types/.
//
// Why esbuild: one fast, dependency-free binary that bundles TypeScript and
// ESM/CJS mixes (commander is CommonJS) into ESM with code splitting.

import { build } from "esbuild";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/**
 * The build id (cli/policy-cache.ts): a hash of every source the generated
 * modules depend on and the locked dependencies, so that a module cached by
 * one build of the toolchain is never used by another.
 */
function buildId() {
  const hash = crypto.createHash("sha256").update(pkg.version);
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith(".ts")) hash.update(`\0${rel}\0`).update(fs.readFileSync(path.join(ROOT, rel)));
    }
  };
  for (const dir of ["cli", "compiler", "grammar", "runtime", "stdlib"]) walk(dir);
  hash.update(fs.readFileSync(path.join(ROOT, "package-lock.json")));
  return hash.digest("hex").slice(0, 32);
}

// CommonJS code inside an ES module bundle needs a real `require`.
const banner = { js: 'import { createRequire as __polisCreateRequire } from "node:module"; const require = __polisCreateRequire(import.meta.url);' };

fs.rmSync(path.join(ROOT, "dist/bundle"), { recursive: true, force: true });
await build({
  entryPoints: { main: "cli/main.ts", "batch-worker": "cli/batch-worker.ts" },
  absWorkingDir: ROOT,
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // The SQL engines (issue 17) load native DuckDB bindings and pg: never bundled.
  // z3-solver (issue 18 proofs) is WebAssembly with worker threads, loaded by check and diff only.
  external: ["ts-morph", "prettier", "@duckdb/node-api", "pg", "z3-solver"],
  banner,
  define: { __POLIS_BUILD__: JSON.stringify(buildId()) },
  logLevel: "warning",
  legalComments: "linked",
});

const out = path.join(ROOT, "dist/runtime-package");
fs.rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: { index: "runtime/index.ts", stdlib: "stdlib/index.ts" },
  absWorkingDir: ROOT,
  outdir: out,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "node20",
  logLevel: "warning",
  legalComments: "linked",
});
fs.cpSync(path.join(ROOT, "dist/types/runtime"), path.join(out, "types/runtime"), { recursive: true });
fs.cpSync(path.join(ROOT, "dist/types/stdlib"), path.join(out, "types/stdlib"), { recursive: true });
fs.writeFileSync(
  path.join(out, "package.json"),
  JSON.stringify(
    {
      name: "polis-runtime",
      version: pkg.version,
      description: "The runtime of libraries built by `polis build`: exact numbers, dates, case files, explanations",
      type: "module",
      license: pkg.license,
      engines: pkg.engines,
      sideEffects: false,
      exports: {
        ".": { types: "./types/runtime/index.d.ts", default: "./index.js" },
        "./stdlib": { types: "./types/stdlib/index.d.ts", default: "./stdlib.js" },
        "./package.json": "./package.json",
      },
      types: "./types/runtime/index.d.ts",
    },
    null,
    2,
  ) + "\n",
);
