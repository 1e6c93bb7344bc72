// `polis build DIR --out OUT [--name N] [--version V]`: every .polis below DIR
// becomes an ES module (compiled .js with its .d.ts) at the same relative
// place in an npm package: package.json, an index exporting each module under
// a name derived from its path, and a JSON Schema (2020-12) of each policy's
// input and output under schema/. The runtime is the versioned package
// `polis-runtime` (no dependencies of its own), shipped inside OUT as a bundled
// dependency (see README).
//
// Guarantees (issue 12): every text that reaches generated code goes through
// the one escaping of emit/generate.ts (`str`), file names and paths included;
// the output is the same whatever the working directory (paths are relative
// to DIR); OUT is written fresh (an earlier build is replaced), every file
// created with O_EXCL, so nothing is ever written through a symlink.

import fs from "node:fs";
import path from "node:path";
import { compile, hasErrors } from "../compiler/pipeline.js";
import type { LoweredPolicy } from "../compiler/ir/ir.js";
import { policySchemas } from "../compiler/emit/schema.js";
import type { Diagnostic, Span } from "../runtime/diagnostic.js";
import { compileLibrary, type LibraryModule } from "./build-compile.js";
import { EXIT_OK, EXIT_POLICY, UsageError, displayPath, findPolicies, printDiagnostics, readText, rememberSource } from "./io.js";
import { sourceMap } from "./build-sourcemap.js";
import { toolchain } from "./version.js";

export interface BuildOptions {
  out: string;
  name?: string;
  version?: string;
}

/** The marker in package.json that says OUT holds an earlier build, which may be replaced. */
const MARKER = "polis";

export function exportName(rel: string): string {
  return rel.replace(/\.polis$/, "").split("/").join("_").replace(/[^A-Za-z0-9_]/g, "_").replace(/^([0-9])/, "_$1");
}

const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function packageName(options: BuildOptions, outDir: string): string {
  const name = options.name ?? path.basename(outDir).toLowerCase().replace(/[^a-z0-9-._~]+/g, "-").replace(/^[-._]+/, "");
  if (name.length === 0 || name.length > 214 || !NPM_NAME.test(name)) {
    throw new UsageError(`\`${name}\` is geen geldige pakketnaam${options.name === undefined ? "; geef er een met --name" : ""} (kleine letters, cijfers, - . _ ~, eventueel @scope/)`);
  }
  return name;
}

function packageVersion(options: BuildOptions): string {
  const v = options.version ?? "1.0.0";
  if (!SEMVER.test(v)) throw new UsageError(`\`${v}\` is geen geldig versienummer (semver, bijvoorbeeld 1.2.0)`);
  return v;
}

/** OUT must be a folder of our own: new, empty, or an earlier build; never a file, a symlink, or below a file. */
function checkOut(outDir: string): void {
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(outDir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") throw new UsageError(`uitvoermap \`${displayPath(outDir)}\` ligt onder een bestand`);
    if (code !== "ENOENT") throw new UsageError(`uitvoermap \`${displayPath(outDir)}\` kan niet gelezen worden (${code ?? "onbekende fout"})`);
  }
  if (st === undefined) {
    for (let up = path.dirname(outDir); up !== path.dirname(up); up = path.dirname(up)) {
      if (!fs.existsSync(up)) continue;
      if (!fs.statSync(up).isDirectory()) throw new UsageError(`uitvoermap \`${displayPath(outDir)}\` ligt onder een bestand`);
      break;
    }
    return;
  }
  if (st.isSymbolicLink()) throw new UsageError(`uitvoermap \`${displayPath(outDir)}\` is een symbolische koppeling; geef de map zelf`);
  if (!st.isDirectory()) throw new UsageError(`uitvoermap \`${displayPath(outDir)}\` is een bestand, geen map`);
  const entries = fs.readdirSync(outDir);
  if (entries.length === 0) return;
  let earlier = false;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(outDir, "package.json"), "utf8")) as Record<string, unknown>;
    earlier = typeof pkg[MARKER] === "object" && pkg[MARKER] !== null && fs.lstatSync(path.join(outDir, "package.json")).isFile();
  } catch {
    earlier = false;
  }
  if (!earlier) throw new UsageError(`uitvoermap \`${displayPath(outDir)}\` is niet leeg en bevat geen eerdere build van polis`);
}

/** After checkOut: an empty OUT. rmSync removes symlinks themselves, never what they point to. */
function emptyOut(outDir: string): void {
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new UsageError(`uitvoermap \`${displayPath(outDir)}\` kan niet gemaakt worden (${(e as NodeJS.ErrnoException).code ?? "onbekende fout"})`);
  }
  for (const e of fs.readdirSync(outDir)) fs.rmSync(path.join(outDir, e), { recursive: true, force: true });
}

/** Write a file that must not exist yet (O_EXCL: a symlink in its place is an error, not followed). */
function writeNew(outDir: string, rel: string, text: string): void {
  const target = path.join(outDir, ...rel.split("/"));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text, { flag: "wx" });
}

/** Diagnostics name files relative to DIR in the output, but relative to the working directory for the user. */
function shownToUser(ds: Diagnostic[], dir: string): Diagnostic[] {
  const fix = (s: Span): Span => ({ ...s, file: displayPath(path.join(dir, s.file)) });
  return ds.map((d) => ({ ...d, ...(d.span ? { span: fix(d.span) } : {}), ...(d.related ? { related: d.related.map((r) => ({ ...r, span: fix(r.span) })) } : {}) }));
}

interface Compiled {
  rel: string;
  policy: LoweredPolicy;
  /** The .polis source, for the source map. */
  text: string;
}

function compileAll(dir: string, files: string[]): Compiled[] | undefined {
  const out: Compiled[] = [];
  let failed = false;
  for (const f of files) {
    const rel = path.relative(dir, f).split(path.sep).join("/");
    const text = readText(f, "polis-bestand");
    rememberSource(displayPath(f), text);
    const r = compile(text, rel);
    printDiagnostics(shownToUser(r.diagnostics, dir));
    if (hasErrors(r.diagnostics) || !r.policy) failed = true;
    else out.push({ rel, policy: r.policy, text });
  }
  return failed ? undefined : out;
}

/** Two files, one export name: a clear error naming them all, rather than an index that does not compile. */
function checkNames(modules: Compiled[]): void {
  const byName = new Map<string, string[]>();
  for (const m of modules) {
    const name = exportName(m.rel);
    byName.set(name, [...(byName.get(name) ?? []), m.rel]);
  }
  for (const [name, rels] of byName) {
    if (name === "PolisError") throw new UsageError(`\`${rels[0]}\` krijgt de exportnaam \`PolisError\`, die de foutklasse van de runtime al heeft; hernoem het bestand`);
    if (rels.length < 2) continue;
    const list = rels.map((r) => `\`${r}\``);
    throw new UsageError(`${list.slice(0, -1).join(", ")} en ${list[list.length - 1]} krijgen allemaal de exportnaam \`${name}\`; hernoem ze zodat de namen verschillen`);
  }
}

export async function buildCommand(dir: string, options: BuildOptions): Promise<number> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`\`${displayPath(dir)}\` is geen map met polis-bestanden`);
  const outDir = path.resolve(options.out);
  const name = packageName(options, outDir);
  const version = packageVersion(options);
  const srcDir = path.resolve(dir);
  if (outDir === srcDir || srcDir.startsWith(outDir + path.sep)) throw new UsageError("de uitvoermap mag de map met polis-bestanden niet bevatten");
  checkOut(outDir);
  const files = findPolicies([dir]).filter((f) => !path.resolve(f).startsWith(outDir + path.sep));
  const compiled = compileAll(dir, files);
  if (!compiled) return EXIT_POLICY;
  checkNames(compiled);
  const modules: LibraryModule[] = compiled.map((c) => ({ rel: c.rel, exportName: exportName(c.rel), policy: c.policy }));
  const emitted = await compileLibrary(modules);
  emptyOut(outDir);
  const tc = toolchain();
  for (const c of compiled) addSourceMap(emitted, c.rel, c.text);
  for (const [rel, text] of emitted) writeNew(outDir, rel, text);
  for (const m of modules) {
    const s = policySchemas(m.policy);
    const base = m.rel.replace(/\.polis$/, "");
    writeNew(outDir, `schema/${base}.input.schema.json`, JSON.stringify(s.input, null, 2) + "\n");
    writeNew(outDir, `schema/${base}.output.schema.json`, JSON.stringify(s.output, null, 2) + "\n");
  }
  writeNew(outDir, "package.json", JSON.stringify(packageJson(name, version, tc.version, tc.version, modules), null, 2) + "\n");
  copyRuntime(tc.root, outDir);
  process.stdout.write(`${modules.length} ${modules.length === 1 ? "module" : "modules"} gebouwd in ${displayPath(outDir)} (pakket ${name}@${version})\n`);
  return EXIT_OK;
}

function packageJson(name: string, version: string, toolchainVersion: string, runtimeVersion: string, modules: LibraryModule[]): Record<string, unknown> {
  const exports: Record<string, unknown> = { ".": { types: "./index.d.ts", default: "./index.js" } };
  for (const m of modules) {
    const base = m.rel.replace(/\.polis$/, "");
    exports[`./${base}`] = { types: `./${base}.d.ts`, default: `./${base}.js` };
  }
  exports["./schema/*"] = "./schema/*";
  exports["./package.json"] = "./package.json";
  return {
    name,
    version,
    description: `Beslismodules gebouwd met polis ${toolchainVersion}: ${modules.map((m) => m.policy.metadata.name).join(", ")}`,
    type: "module",
    main: "./index.js",
    types: "./index.d.ts",
    exports,
    engines: { node: ">=20" },
    sideEffects: false,
    files: ["**/*.js", "**/*.js.map", "**/*.d.ts", "**/*.polis", "schema/"],
    dependencies: { "polis-runtime": runtimeVersion },
    bundleDependencies: ["polis-runtime"],
    [MARKER]: {
      toolchain: toolchainVersion,
      runtime: runtimeVersion,
      policies: modules.map((m) => ({
        export: m.exportName,
        file: m.rel,
        name: m.policy.metadata.name,
        ...(m.policy.metadata.version !== undefined ? { version: m.policy.metadata.version } : {}),
      })),
    },
  };
}

/** The module of `rel` gets a source map back to its .polis lines (build-sourcemap.ts), and the .polis file itself travels with it. */
function addSourceMap(emitted: Map<string, string>, rel: string, polisText: string): void {
  const jsRel = rel.replace(/\.polis$/, ".js");
  const js = emitted.get(jsRel);
  if (js === undefined) return;
  const jsName = path.posix.basename(jsRel);
  // URLs, so percent-encoded: a file name cannot end the comment or put code on a line of its own.
  emitted.set(jsRel, `${js.endsWith("\n") ? js : `${js}\n`}//# sourceMappingURL=${encodeURIComponent(`${jsName}.map`)}\n`);
  emitted.set(`${jsRel}.map`, sourceMap(js, jsName, encodeURIComponent(path.posix.basename(rel)), polisText) + "\n");
  emitted.set(rel, polisText);
}

/**
 * The runtime package the toolchain's own build made (dist/runtime-package),
 * as OUT/node_modules/polis-runtime: a bundled dependency, so it travels with
 * `npm pack` and resolves for `npm install ../OUT` (a link, whose own
 * dependencies npm does not install) as well as from the tarball.
 */
function copyRuntime(root: string, outDir: string): void {
  const src = path.join(root, "dist", "runtime-package");
  if (!fs.existsSync(path.join(src, "package.json"))) throw new Error(`the runtime package is missing at ${src}: run npm run build`);
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(src, rel), { withFileTypes: true })) {
      const r = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) writeNew(outDir, `node_modules/polis-runtime/${r}`, fs.readFileSync(path.join(src, r), "utf8"));
    }
  };
  walk("");
}
