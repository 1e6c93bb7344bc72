// `npm run playground:build`: bundles the playground (the real compiler and
// runtime, CodeMirror 6) with esbuild, minified, into dist/playground/ as
// static files that work from any web server or straight from disk (a classic
// script, not a module, so file:// works too). The repository's policies are
// embedded as examples. Usage: node playground/build.mjs [OUTDIR]

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Every .polis file under the folders, repository paths with `/`, sorted. */
function findPolicies(dirs) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith(".polis")) out.push(rel);
    }
  };
  for (const d of dirs) if (fs.existsSync(path.join(root, d))) walk(d);
  return out.sort();
}

/** The example policies, with a case file where the repository has one next to it. */
function examples() {
  const cases = { "examples/vgz-eigen-risico.polis": "examples/januari.json" };
  return findPolicies(["examples", "policies"]).map((p) => {
    const source = fs.readFileSync(path.join(root, p), "utf8");
    const title = /^\s*polis\s+\S+\s+"([^"]*)"/m.exec(source)?.[1] ?? p;
    const casePath = cases[p];
    return { path: p, title, source, ...(casePath ? { caseJson: fs.readFileSync(path.join(root, casePath), "utf8") } : {}) };
  });
}

const examplesPlugin = {
  name: "polis-voorbeelden",
  setup(build) {
    build.onResolve({ filter: /^polis-voorbeelden$/ }, () => ({ path: "polis-voorbeelden", namespace: "polis-voorbeelden" }));
    build.onLoad({ filter: /.*/, namespace: "polis-voorbeelden" }, () => ({
      contents: `export const POLICIES = ${JSON.stringify(examples())};\nexport const DEFAULT_PATH = "examples/vgz-eigen-risico.polis";\n`,
      loader: "js",
    }));
  },
};

export async function buildPlayground(outDir = path.join(root, "dist", "playground")) {
  fs.mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [path.join(root, "playground", "src", "main.ts")],
    outfile: path.join(outDir, "playground.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    // No keepNames: the emitter names stdlib functions through an explicit
    // export table (stdlib/index.ts), so renamed functions still run.
    legalComments: "linked",
    plugins: [examplesPlugin],
    // The playground loads z3 itself (prover.ts, z3/ below); compiler/proofs/z3.ts's
    // Node import of the package is never run in the browser.
    external: ["z3-solver"],
    logLevel: "warning",
    metafile: true,
  });
  for (const f of ["index.html", "style.css", "coi-sw.js"]) {
    fs.copyFileSync(path.join(root, "playground", f), path.join(outDir, f === "style.css" ? "playground.css" : f));
  }
  const z3 = await buildZ3(path.join(outDir, "z3"));
  const bytes = fs.statSync(path.join(outDir, "playground.js")).size;
  return { outDir, bytes, z3Bytes: z3, warnings: result.warnings.length };
}

/**
 * z3 for the proofs, loaded only when the first proof starts: z3-solver's
 * browser API bundled alone (z3-api.js), and its Emscripten build copied from
 * the installed package (z3-built.js, which its worker threads load again,
 * and the 35 MB z3-built.wasm next to it). Returns the bytes of z3/.
 */
async function buildZ3(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const pkg = path.dirname(createRequire(import.meta.url).resolve("z3-solver/package.json"));
  await esbuild.build({
    entryPoints: [path.join(root, "playground", "src", "z3-api.ts")],
    outfile: path.join(dir, "z3-api.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    // z3-solver's browser entry reads `global.initZ3`, which z3-built.js defines.
    define: { global: "globalThis" },
    legalComments: "linked",
    logLevel: "warning",
  });
  let bytes = fs.statSync(path.join(dir, "z3-api.js")).size;
  for (const f of ["z3-built.js", "z3-built.wasm"]) {
    const from = path.join(pkg, "build", f);
    const to = path.join(dir, f);
    // 35 MB: copied again only when the installed z3-solver changed.
    const same = fs.existsSync(to) && fs.statSync(to).size === fs.statSync(from).size && fs.statSync(to).mtimeMs >= fs.statSync(from).mtimeMs;
    if (!same) fs.copyFileSync(from, to);
    bytes += fs.statSync(to).size;
  }
  fs.copyFileSync(path.join(pkg, "LICENSE.txt"), path.join(dir, "LICENSE-z3-solver.txt"));
  // z3-api.js fits this z3-built.js only. The npm package leaves the two big
  // files out (package.json "files"); `polis doc` copies them from the
  // installed z3-solver when it is this version (cli/doc.ts).
  fs.writeFileSync(path.join(dir, "z3-solver-version.txt"), `${JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")).version}\n`);
  return bytes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  buildPlayground(out).then(
    (r) => process.stdout.write(`speelplaats gebouwd: ${path.relative(process.cwd(), r.outDir) || "."} (playground.js ${(r.bytes / 1024).toFixed(0)} kB, z3/ ${(r.z3Bytes / 1048576).toFixed(0)} MB)\n`),
    (e) => {
      process.stderr.write(`speelplaats bouwen mislukt: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
