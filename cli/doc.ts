// `polis doc DIR --out SITE [--changes DIR] [--playground URL]`: the static
// documentation site of a folder of policies (compiler/doc/site.ts renders it).
// The voorbeelden and eigenschappen are run as `polis test` runs them, so the
// site shows their current result. The change reports of `docs/changes/`
// (found upwards from DIR, or --changes) are linked from the policies whose
// file they name. The built playground (dist/playground) is copied into
// SITE/playground so "open in de speelplaats" works from the site alone.
// Exit: 0 written; 1 written, but a policy has errors; 2 bad usage.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasErrors } from "../compiler/pipeline.js";
import { load } from "../compiler/emit/load.js";
import { runExamples } from "../compiler/cases/examples.js";
import { checkProperties } from "../compiler/cases/properties.js";
import { renderSite, type ChangeReport, type PolicyDoc } from "../compiler/doc/site.js";
import { EXIT_OK, EXIT_POLICY, UsageError, displayPath, findPolicies, printDiagnostics, readText } from "./io.js";
import { compileFile } from "./compile-file.js";

export interface DocOptions {
  out: string;
  changes?: string;
  playground?: string;
}

/** dist/cli/doc.js → the package root. */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function docCommand(dir: string, options: DocOptions): number {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`\`${displayPath(dir)}\` is geen map met polis-bestanden`);
  const docs: PolicyDoc[] = [];
  let broken = 0;
  for (const file of findPolicies([dir])) {
    const r = compileFile(file);
    printDiagnostics(r.diagnostics);
    const rel = path.relative(dir, file).split(path.sep).join("/");
    const source = readText(file, "polis-bestand");
    if (hasErrors(r.diagnostics) || !r.policy) {
      broken++;
      docs.push({ path: rel, source, diagnostics: r.diagnostics, examples: [], properties: [] });
      continue;
    }
    const module = load(r.policy);
    docs.push({ path: rel, source, policy: r.policy, diagnostics: r.diagnostics, examples: runExamples(r.policy, module), properties: checkProperties(r.policy, module) });
  }
  const reports = readReports(options.changes ?? findChangesDir(dir));
  const playground = options.playground ?? "playground/index.html";
  const files = renderSite(docs, reports, { playground });
  writeSite(options.out, files);
  const copied = options.playground === undefined && copyPlayground(options.out);
  process.stdout.write(
    `documentatie geschreven: ${displayPath(path.join(options.out, "index.html"))} (${docs.length} ${docs.length === 1 ? "polis" : "polissen"}, ${reports.length} ${reports.length === 1 ? "wijziging" : "wijzigingen"}${copied ? ", met de speelplaats" : ""})\n`,
  );
  if (broken > 0) process.stdout.write(`${broken} ${broken === 1 ? "polis bevat" : "polissen bevatten"} fouten: die pagina's tonen alleen de fouten en de tekst\n`);
  return broken > 0 ? EXIT_POLICY : EXIT_OK;
}

/** The nearest `docs/changes` folder at or above DIR, if any. */
function findChangesDir(dir: string): string | undefined {
  let at = path.resolve(dir);
  for (;;) {
    const candidate = path.join(at, "docs", "changes");
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) return candidate;
    const up = path.dirname(at);
    if (up === at) return undefined;
    at = up;
  }
}

function readReports(dir: string | undefined): ChangeReport[] {
  if (dir === undefined) return [];
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`map met wijzigingen \`${displayPath(dir)}\` bestaat niet`);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => ({ name: f.replace(/\.md$/, ""), markdown: readText(path.join(dir, f), "wijzigingsrapport") }));
}

function writeSite(out: string, files: Map<string, string>): void {
  try {
    fs.mkdirSync(out, { recursive: true });
    for (const [name, content] of files) fs.writeFileSync(path.join(out, name), content);
  } catch (e) {
    throw new UsageError(`kan niet schrijven in \`${displayPath(out)}\` (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Copy the built playground next to the site; without one, say how to build it. */
function copyPlayground(out: string): boolean {
  const built = path.join(packageRoot, "dist", "playground");
  if (!fs.existsSync(path.join(built, "index.html"))) {
    process.stderr.write(`polis: waarschuwing: de speelplaats is niet gebouwd (${displayPath(built)} ontbreekt); voer \`npm run playground:build\` uit en daarna opnieuw \`polis doc\`, anders werken de links naar de speelplaats niet\n`);
    return false;
  }
  fs.cpSync(built, path.join(out, "playground"), { recursive: true });
  addZ3(path.join(out, "playground", "z3"));
  return true;
}

/**
 * The npm package leaves z3's WebAssembly (35 MB) out of dist/playground: the
 * site's playground gets it from the installed z3-solver (a dependency), if
 * that is the version its z3-api.js was built with. Without it the
 * playground tests instead of proving, and says so.
 */
function addZ3(dir: string): void {
  let pkg: string;
  try {
    pkg = path.dirname(createRequire(import.meta.url).resolve("z3-solver/package.json"));
  } catch {
    return;
  }
  const wanted = fs.existsSync(path.join(dir, "z3-solver-version.txt")) ? fs.readFileSync(path.join(dir, "z3-solver-version.txt"), "utf8").trim() : undefined;
  const version = (JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")) as { version?: string }).version;
  if (wanted === undefined || version !== wanted) return;
  for (const f of ["z3-built.js", "z3-built.wasm"]) {
    if (!fs.existsSync(path.join(dir, f))) fs.copyFileSync(path.join(pkg, "build", f), path.join(dir, f));
  }
}
